/**
 * The test oracles checked against each other: whatever the reference encoder writes, the
 * decoder must read back exactly, with the version, ECL and mask the reference chose. If this
 * fails, the differential and round-trip tests prove nothing.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { decodeMatrix } from './decode.js';
import { DIGITS, ALPHANUMERIC, UNICODE_TEXT, randomBytes, randomInt, randomKanji, randomString, seededRandom, testSeed } from './random.js';
import { referenceSymbol, type ReferenceSegment } from './reference.js';
import { ECLS } from '../tables.js';

const utf8 = new TextEncoder();

test('the decoder reads back every mode the reference writes, at every ECL and mask', async () => {
  const seed = testSeed(20261126);
  const random = seededRandom(seed);
  for (let i = 0; i < 48; i++) {
    const ecl = ECLS[i % 4]!;
    const mask = (i >> 2) % 8;
    const kind = i % 5;
    const length = randomInt(random, 1, 60);
    let segments: ReferenceSegment[];
    let expected: { text?: string; bytes?: Uint8Array };
    if (kind === 0) {
      const text = randomString(random, DIGITS, length);
      segments = [{ mode: 'numeric', text }];
      expected = { text };
    } else if (kind === 1) {
      const text = randomString(random, ALPHANUMERIC, length);
      segments = [{ mode: 'alphanumeric', text }];
      expected = { text };
    } else if (kind === 2) {
      const text = randomString(random, UNICODE_TEXT, length);
      segments = [{ mode: 'eci', assignment: 26 }, { mode: 'byte', data: utf8.encode(text) }];
      expected = { text };
    } else if (kind === 3) {
      const kanji = randomKanji(random, length);
      segments = [{ mode: 'kanji', sjisCodes: kanji.sjisCodes }];
      expected = { text: kanji.text };
    } else {
      const bytes = randomBytes(random, length);
      segments = [{ mode: 'byte', data: bytes }];
      expected = { bytes };
    }
    const symbol = referenceSymbol(segments, { ecl, mask, minVersion: randomInt(random, 1, 40) });
    const decoded = await decodeMatrix(symbol);
    const context = `seed ${seed}, case ${i}: ${JSON.stringify(segments)}`;
    if (expected.text !== undefined) assert.equal(decoded.text, expected.text, context);
    if (expected.bytes !== undefined) assert.deepEqual(decoded.bytes, expected.bytes, context);
    assert.deepEqual([decoded.version, decoded.ecl, decoded.mask], [symbol.version, symbol.ecl, symbol.mask], context);
  }
});

test('the decoder rejects a matrix that is not a QR code', async () => {
  const size = 21;
  const modules = new Uint8Array(size * size).map((_, i) => (i * 7919) % 3 === 0 ? 1 : 0);
  await assert.rejects(decodeMatrix({ size, modules }), /no valid QR code/);
});
