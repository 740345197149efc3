import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { encode } from './encode.js';
import { QrError } from './errors.js';
import { QrSymbol } from './symbol.js';

test('a symbol from modules: the same modules, get and fields as the encoded one, frozen, a copy of the array', () => {
  const encoded = encode('https://example.com/products/12345?ref=qr');
  const modules = encoded.modules.slice();
  const qr = new QrSymbol(encoded.version, encoded.ecl, encoded.mask, modules);
  assert.deepEqual([qr.version, qr.ecl, qr.mask, qr.size], [encoded.version, encoded.ecl, encoded.mask, encoded.size]);
  assert.deepEqual(qr.modules, encoded.modules);
  for (let y = -1; y <= qr.size; y++) {
    for (let x = -1; x <= qr.size; x++) assert.equal(qr.get(x, y), encoded.get(x, y), `(${x}, ${y})`);
  }
  assert.ok(Object.isFrozen(qr));
  modules.fill(0);
  assert.equal(qr.get(0, 0), true, 'changing the array afterwards does not change the symbol');
});

test('the constructor refuses bad arguments with INVALID_OPTION, naming the argument, what was given and what fits', () => {
  const v1 = new Uint8Array(21 * 21);
  const withTwo = v1.slice();
  withTwo[22] = 2;
  const cases: [unknown[], RegExp][] = [
    [[0, 'M', 0, v1], /^version must be an integer from 1 to 40; got 0$/],
    [[41, 'M', 0, v1], /^version must be an integer from 1 to 40; got 41$/],
    [[1.5, 'M', 0, v1], /^version must be an integer from 1 to 40; got 1.5$/],
    [['1', 'M', 0, v1], /^version must be an integer from 1 to 40; got string "1"$/],
    [[1, 'X', 0, v1], /^ecl must be one of "L", "M", "Q", "H"; got string "X"$/],
    [[1, undefined, 0, v1], /^ecl must be one of "L", "M", "Q", "H"; got undefined$/],
    [[1, 'M', 8, v1], /^mask must be an integer from 0 to 7; got 8$/],
    [[1, 'M', -1, v1], /^mask must be an integer from 0 to 7; got -1$/],
    [[1, 'M', 0, new Uint8Array(25 * 25)], /^modules must be a Uint8Array of 441 bytes \(21 × 21 modules at version 1, row-major, 1 = dark\); got a Uint8Array of 625 bytes$/],
    [[2, 'M', 0, v1], /^modules must be a Uint8Array of 625 bytes \(25 × 25 modules at version 2, .*\); got a Uint8Array of 441 bytes$/],
    [[1, 'M', 0, Array.from(v1)], /^modules must be a Uint8Array of 441 bytes .*; got an Array$/],
    [[1, 'M', 0, new Int32Array(441)], /; got an Int32Array$/],
    [[1, 'M', 0, undefined], /; got undefined$/],
    [[1, 'M', 0, withTwo], /^modules must be 0 \(light\) or 1 \(dark\); got 2 at index 22 \(x 1, y 1\)$/],
  ];
  for (const [args, message] of cases) {
    assert.throws(
      () => new QrSymbol(...(args as ConstructorParameters<typeof QrSymbol>)),
      (error: unknown) => error instanceof QrError && error.code === 'INVALID_OPTION' && message.test(error.message),
      JSON.stringify(args.slice(0, 3)),
    );
  }
});
