import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { encode, encodeSegments } from './encode.js';
import { QrError } from './errors.js';
import { formatBits } from './format.js';
import { makeBytes, makeEci, makeNumeric } from './segments.js';
import type { QrSymbol } from './symbol.js';
import { readFormat as readFormatBits } from './test-support/read-back.js';

/** The 15 format bits read back from the first copy around the top-left finder (§7.9.1). */
function readFormat(qr: QrSymbol): number {
  return parseInt(readFormatBits((x, y) => qr.get(x, y), qr.size, 0), 2);
}

test('the symbol: size 4v + 17, finder patterns, timing patterns, the dark module, format information', () => {
  const qr = encode('https://example.com', { ecl: 'M' });
  assert.equal(qr.size, qr.version * 4 + 17);
  assert.equal(qr.modules.length, qr.size * qr.size);
  const finder = ['1111111', '1000001', '1011101', '1011101', '1011101', '1000001', '1111111'];
  for (const [ox, oy] of [[0, 0], [qr.size - 7, 0], [0, qr.size - 7]] as const) {
    finder.forEach((row, dy) => [...row].forEach((module, dx) => assert.equal(qr.get(ox + dx, oy + dy), module === '1')));
  }
  for (let i = 8; i < qr.size - 8; i++) {
    assert.equal(qr.get(i, 6), i % 2 === 0, `horizontal timing at ${i}`);
    assert.equal(qr.get(6, i), i % 2 === 0, `vertical timing at ${i}`);
  }
  assert.ok(qr.get(8, qr.size - 8));
  assert.equal(readFormat(qr), formatBits(qr.ecl, qr.mask));
  assert.equal(qr.get(-1, 0), false);
  assert.equal(qr.get(qr.size, 0), false);
  assert.ok(Object.isFrozen(qr));
});

test('the smallest version that holds the data, and minVersion/maxVersion bound it', () => {
  assert.equal(encode('1'.repeat(41), { ecl: 'L', mode: 'numeric' }).version, 1); // Table 7: 1-L holds 41 digits
  assert.equal(encode('1'.repeat(42), { ecl: 'L', mode: 'numeric' }).version, 2);
  assert.equal(encode('hello', { minVersion: 10 }).version, 10);
  assert.throws(() => encode('x'.repeat(100), { maxVersion: 3 }), { code: 'DATA_TOO_LONG', message: /up to version 3 .*allow a larger maxVersion/ });
});

test('DATA_TOO_LONG says how much was given and how much fits', () => {
  assert.throws(() => encode('x'.repeat(3012), { ecl: 'M' }), (error: unknown) => {
    assert.ok(error instanceof QrError);
    assert.equal(error.code, 'DATA_TOO_LONG');
    assert.equal(error.message, "data is 3012 bytes; at ECL M a QR code holds at most 2331 bytes in byte mode: shorten the data, or choose a lower ECL ('L' holds the most)");
    return true;
  });
  assert.throws(() => encode('7'.repeat(7090), { ecl: 'L' }), { message: /^data is 7090 digits; at ECL L a QR code holds at most 7089 digits in numeric mode: shorten the data$/ });
  assert.throws(() => encode(`${'A'.repeat(3000)}${'a'.repeat(3000)}`, { ecl: 'H' }), { message: /^data needs \d+ bits; at ECL H a QR code holds at most 10208 bits \(1273 bytes in byte mode\)/ });
});

test('boostEcl raises the ECL while the data still fits the same version', () => {
  const plain = encode('HELLO', { ecl: 'L' });
  const boosted = encode('HELLO', { ecl: 'L', boostEcl: true });
  assert.equal(plain.ecl, 'L');
  assert.equal(boosted.ecl, 'H');
  assert.equal(boosted.version, plain.version);
  const full = encode('x'.repeat(17), { ecl: 'L', boostEcl: true }); // 1-L holds 17 bytes, 1-M only 14
  assert.equal(full.ecl, 'L');
});

test('a forced mask is used; the automatic one is the lowest penalty (checked against the reference elsewhere)', () => {
  for (let mask = 0; mask < 8; mask++) {
    const qr = encode('mask test', { mask });
    assert.equal(qr.mask, mask);
    assert.equal(readFormat(qr), formatBits(qr.ecl, mask));
  }
});

test('bad options are INVALID_OPTION errors that name the option and what is allowed', () => {
  const cases: [object, RegExp][] = [
    [{ ecl: 'X' }, /ecl must be one of "L", "M", "Q", "H"; got string "X"/],
    [{ minVersion: 0 }, /minVersion must be an integer from 1 to 40; got 0/],
    [{ maxVersion: 41 }, /maxVersion must be an integer from 1 to 40; got 41/],
    [{ minVersion: 5, maxVersion: 2 }, /minVersion \(5\) must not exceed maxVersion \(2\)/],
    [{ mask: 8 }, /mask must be an integer from 0 to 7; got 8/],
    [{ mask: 1.5 }, /mask must be an integer from 0 to 7; got 1.5/],
    [{ boostEcl: 'yes' }, /boostEcl must be one of true, false; got string "yes"/],
    [{ mode: 'binary' }, /mode must be one of "auto", "numeric", "alphanumeric", "byte", "kanji"; got string "binary"/],
    [{ eci: -1 }, /eci must be an integer 0..999999/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => encode('x', options as never), (error: unknown) => error instanceof QrError && error.code === 'INVALID_OPTION' && message.test(error.message), JSON.stringify(options));
  }
  assert.throws(() => encode(42 as never), { code: 'INVALID_DATA', message: /data must be a string or a Uint8Array; got number/ });
});

test('an ECI designator costs its bits and is written first (§7.4.2)', () => {
  // 1-L holds 19 data codewords: 17 bytes fit alone; with ECI 26 (12 bits) 16 do, 17 do not.
  assert.equal(encode('x'.repeat(17), { ecl: 'L', eci: 26, maxVersion: 40 }).version, 2);
  assert.equal(encode('x'.repeat(16), { ecl: 'L', eci: 26 }).version, 1);
});

test('encodeSegments: hand-made segments, in order', () => {
  const qr = encodeSegments([makeEci(26), makeBytes('Ünïcode '), makeNumeric('0123456789')], { ecl: 'Q' });
  assert.equal(qr.ecl, 'Q');
  assert.throws(() => encodeSegments('nope' as never), { code: 'INVALID_OPTION' });
});

test('the same input gives the same symbol (encoding is deterministic and keeps no state between calls)', () => {
  const a = encode('https://example.com/a', { ecl: 'Q' });
  encode('点茗'.repeat(50));
  encode('9'.repeat(3000), { ecl: 'L' });
  const b = encode('https://example.com/a', { ecl: 'Q' });
  assert.deepEqual([a.version, a.mask, [...a.modules]], [b.version, b.mask, [...b.modules]]);
});
