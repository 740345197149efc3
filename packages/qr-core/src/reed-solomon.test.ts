import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { generatorPolynomial, gfMultiply, reedSolomonRemainder } from './reed-solomon.js';

test('GF(256) multiplication: identity, zero, commutativity and the reduction by 0x11D', () => {
  for (let a = 0; a < 256; a++) {
    assert.equal(gfMultiply(a, 1), a);
    assert.equal(gfMultiply(a, 0), 0);
    for (const b of [2, 3, 0x53, 0xca, 0xff]) assert.equal(gfMultiply(a, b), gfMultiply(b, a));
  }
  assert.equal(gfMultiply(0x80, 2), 0x1d); // x^7 · x = x^8 ≡ x^4 + x^3 + x^2 + 1
});

test('Annex A: the generator polynomial of degree 7 is α^0 x^7 + α^87 x^6 + α^229 x^5 + α^146 x^4 + α^149 x^3 + α^238 x^2 + α^102 x + α^21', () => {
  const alphaTo = (exponent: number): number => {
    let value = 1;
    for (let i = 0; i < exponent; i++) value = gfMultiply(value, 2);
    return value;
  };
  assert.deepEqual([...generatorPolynomial(7)], [87, 229, 146, 149, 238, 102, 21].map(alphaTo));
});

test('Annex I: error correction codewords of the worked example "01234567" at 1-M', () => {
  const data = Uint8Array.from([0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11]);
  const ecc = new Uint8Array(10);
  reedSolomonRemainder(data, 0, data.length, 10, ecc, 0);
  assert.deepEqual([...ecc], [0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55]);
});

test('a codeword with its error correction appended is divisible by the generator: every root gives 0', () => {
  for (const degree of [7, 10, 13, 17, 22, 26, 28, 30]) {
    const data = Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + degree) & 0xff);
    const ecc = new Uint8Array(degree);
    reedSolomonRemainder(data, 0, data.length, degree, ecc, 0);
    const codeword = [...data, ...ecc];
    for (let i = 0, root = 1; i < degree; i++, root = gfMultiply(root, 2)) {
      const value = codeword.reduce((sum, coefficient) => gfMultiply(sum, root) ^ coefficient, 0);
      assert.equal(value, 0, `degree ${degree}, root α^${i}`);
    }
  }
});
