import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import * as zlib from 'node:zlib';
import { encode } from './encode.js';
import { QrError } from './errors.js';
import { toPNGAsync as portableToPNGAsync, storedDeflate } from './png-async.js';
import { readPng, toPNG, toPNGAsync, type PngOptions } from './png.js';
import { readPixels } from './test-support/png-pixels.js';

const LOGO = readFileSync(new URL('./test-support/fixtures/logo.png', import.meta.url));
const qr = encode('https://example.com/products/12345?ref=qr', { ecl: 'H' });

/** Options covering each layout toPNG writes: greyscale, palette + tRNS, styled palettes, logos. */
const CASES: [string, PngOptions][] = [
  ['plain black on white', {}],
  ['scale 3, margin 0', { scale: 3, margin: 0 }],
  ['white on transparent', { dark: '#ffffff', light: '#0000' }],
  ['colours with alpha (palette + tRNS)', { dark: '#33669980', light: '#ffeedd' }],
  ['dots and rounded finders', { moduleShape: 'dots', finderShape: 'rounded' }],
  ['rounded with a finder colour', { moduleShape: 'rounded', finderColor: '#c00000', scale: 7 }],
  ['decoded logo', { logo: { image: readPng(LOGO), size: 0.15 } }],
];

const rejectsLike = async (promise: Promise<unknown>, expected: unknown): Promise<void> => {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof QrError);
  assert.ok(expected instanceof QrError);
  assert.equal(error.code, expected.code);
  assert.equal(error.message, expected.message);
};

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  return assert.fail('expected a throw');
};

describe('toPNGAsync (Node entry): toPNG, as a promise', () => {
  for (const [name, options] of [...CASES, ['PNG file logo', { logo: { image: LOGO, size: 0.15 } }] as [string, PngOptions]]) {
    test(`${name}: byte-identical to toPNG`, async () => {
      assert.deepEqual(await toPNGAsync(qr, options), toPNG(qr, options));
    });
  }
  test('the same checks reject with the same QrError', async () => {
    for (const options of [{ scale: 0 }, { scale: 100, margin: 64 }, { dark: 'nope' }, { logo: { image: new Uint8Array([1, 2, 3]) } }] as PngOptions[]) {
      await rejectsLike(toPNGAsync(qr, options), thrown(() => toPNG(qr, options)));
    }
  });
});

describe('toPNGAsync (portable entry)', () => {
  for (const [name, options] of CASES) {
    test(`${name}: node:zlib found by process.getBuiltinModule, byte-identical to toPNG`, async () => {
      assert.equal(typeof process.getBuiltinModule, 'function', 'this Node has process.getBuiltinModule');
      assert.deepEqual(await portableToPNGAsync(qr, options), toPNG(qr, options));
    });
  }

  test('a logo as a PNG file is refused with a QrError that says what to pass instead', async () => {
    for (const image of [LOGO, `data:image/png;base64,${LOGO.toString('base64')}`]) {
      await assert.rejects(portableToPNGAsync(qr, { logo: { image } }), (error: unknown) => {
        assert.ok(error instanceof QrError);
        assert.equal(error.code, 'INVALID_LOGO');
        assert.match(error.message, /decoded pixels \(\{ width, height, rgba \}\), not a PNG file/);
        return true;
      });
    }
  });

  test('the same checks as toPNG reject with the same QrError', async () => {
    for (const options of [{ scale: 0 }, { margin: -1 }, { dark: 'nope' }, { scale: 100, margin: 64 }] as PngOptions[]) {
      await rejectsLike(portableToPNGAsync(qr, options), thrown(() => toPNG(qr, options)));
    }
  });

  describe('without node:zlib (as in a browser or a worker)', () => {
    const getBuiltinModule = process.getBuiltinModule;
    before(() => {
      (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    });
    after(() => {
      process.getBuiltinModule = getBuiltinModule;
    });

    for (const [name, options] of CASES) {
      test(`${name}: CompressionStream('deflate'), the same pixels and chunks as toPNG`, async () => {
        const png = await portableToPNGAsync(qr, options);
        const expected = readPixels(toPNG(qr, options));
        const actual = readPixels(png);
        assert.deepEqual(actual, expected);
      });
    }

    test('neither node:zlib nor CompressionStream: stored deflate blocks, the same pixels', async () => {
      const saved = globalThis.CompressionStream;
      (globalThis as { CompressionStream?: unknown }).CompressionStream = undefined;
      try {
        const options: PngOptions = { scale: 20 };
        const png = await portableToPNGAsync(encode('x'.repeat(800)), options);
        assert.deepEqual(readPixels(png), readPixels(toPNG(encode('x'.repeat(800)), options)));
      } finally {
        globalThis.CompressionStream = saved;
      }
    });
  });
});

describe('storedDeflate', () => {
  test('a zlib stream that node:zlib inflates, at every block boundary', () => {
    for (const length of [0, 1, 65534, 65535, 65536, 200_000]) {
      const data = new Uint8Array(length).map((_, i) => (i * 31 + (i >> 9)) & 0xff);
      assert.deepEqual(new Uint8Array(zlib.inflateSync(storedDeflate(data))), data, `length ${length}`);
    }
  });
});
