import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { QrError, type RgbaImage } from 'qr-core';
import { HttpError } from '../http/problem.js';
import { LogoCache, type PngDecoder } from './logo-cache.js';
import type { Logo } from './qr-request.js';

const logo = (sha256: string): Logo => ({ type: 'image/png', bytes: new Uint8Array([1, 2, 3]), sha256 });

/** A decoder that counts its calls and makes `width × 1` pixels, whatever the bytes. */
function counting(width: number): { decode: PngDecoder; calls: () => number } {
  let calls = 0;
  return {
    decode: (): RgbaImage => {
      calls += 1;
      return { width, height: 1, rgba: new Uint8Array(4 * width) };
    },
    calls: () => calls,
  };
}

test('a logo is decoded once per content hash', () => {
  const decoder = counting(10);
  const cache = new LogoCache(10_000, decoder.decode);
  const first = cache.pixels(logo('a'));
  assert.equal(cache.pixels(logo('a')), first);
  assert.equal(decoder.calls(), 1);
  cache.pixels(logo('b'));
  assert.equal(decoder.calls(), 2);
});

test('bounded by the bytes of the decoded pixels: the least recently used is decoded again', () => {
  const decoder = counting(100); // 400 bytes of RGBA, 402 with a one-letter key
  const cache = new LogoCache(8 * 402, decoder.decode);
  for (const key of 'abcdefgh') cache.pixels(logo(key));
  cache.pixels(logo('a')); // the most recent now
  cache.pixels(logo('i')); // over the budget: b goes
  assert.equal(decoder.calls(), 9);
  cache.pixels(logo('a'));
  assert.equal(decoder.calls(), 9, 'a stayed');
  cache.pixels(logo('b'));
  assert.equal(decoder.calls(), 10, 'b was dropped');
});

test('0 bytes keeps nothing: every request decodes', () => {
  const decoder = counting(1);
  const cache = new LogoCache(0, decoder.decode);
  cache.pixels(logo('a'));
  cache.pixels(logo('a'));
  assert.equal(decoder.calls(), 2);
});

test("qr-core's pixel cap (IMAGE_TOO_LARGE) becomes LOGO_TOO_MANY_PIXELS, a 422 with its message; other errors pass", () => {
  const overCap = new LogoCache(1000, () => {
    throw new QrError('IMAGE_TOO_LARGE', 'the logo is 2000 × 2000 px (4000000 pixels); the limit is 1048576 pixels');
  });
  assert.throws(
    () => overCap.pixels(logo('a')),
    (error: unknown) => error instanceof HttpError && error.code === 'LOGO_TOO_MANY_PIXELS' && error.status === 422 && /the limit is 1048576 pixels/.test(error.message),
  );
  const broken = new QrError('INVALID_LOGO', 'the logo PNG file is corrupt');
  const corrupt = new LogoCache(1000, () => {
    throw broken;
  });
  assert.throws(() => corrupt.pixels(logo('a')), (error: unknown) => error === broken);
});
