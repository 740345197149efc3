import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import * as zlib from 'node:zlib';
import { crc32, tableCrc32 } from './crc32.js';
import { seededRandom } from './test-support/random.js';

test('the fallback CRC-32 matches node:zlib and the standard check value (PNG Annex D)', () => {
  assert.equal(tableCrc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  const random = seededRandom(18);
  for (const length of [0, 1, 13, 1000]) {
    const data = Uint8Array.from({ length }, () => Math.floor(random() * 256));
    assert.equal(tableCrc32(data), zlib.crc32(data));
    assert.equal(crc32(data), zlib.crc32(data));
  }
});
