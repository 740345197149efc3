import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import * as zlib from 'node:zlib';
import { encode } from './encode.js';
import { QrError } from './errors.js';
import { toPNG, type PngOptions } from './png.js';
import { imageSidePx, largestScale, MAX_IMAGE_SIDE_PX, MAX_SCALE } from './render-options.js';
import { QrSymbol } from './symbol.js';
import { seededRandom } from './test-support/random.js';

// ---------------------------------------------------------------------------------------------
// An independent PNG reader: enough of the PNG specification (Second Edition) to check every
// byte toPNG writes, with all five filter types, so that it does not assume toPNG's choices.

interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  chunkTypes: string[];
  palette: Uint8Array | undefined;
  transparency: Uint8Array | undefined;
  /** width × height × 4 bytes, RGBA. */
  rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function readPng(file: Uint8Array): DecodedPng {
  assert.deepEqual([...file.subarray(0, 8)], SIGNATURE, 'PNG signature');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const chunkTypes: string[] = [];
  const idat: Uint8Array[] = [];
  let ihdr: Uint8Array | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  let at = 8;
  while (at < file.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...file.subarray(at + 4, at + 8));
    const body = file.subarray(at + 8, at + 8 + length);
    assert.ok(at + 12 + length <= file.length, `${type} chunk runs past the end of the file`);
    assert.equal(view.getUint32(at + 8 + length), zlib.crc32(file.subarray(at + 4, at + 8 + length)), `${type} CRC`);
    chunkTypes.push(type);
    if (type === 'IHDR') ihdr = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type !== 'IEND') assert.fail(`unexpected chunk ${type}`);
    at += 12 + length;
  }
  assert.equal(at, file.length, 'nothing after the last chunk');
  assert.equal(chunkTypes[0], 'IHDR', 'IHDR comes first');
  assert.equal(chunkTypes.at(-1), 'IEND', 'IEND comes last');
  assert.ok(ihdr && ihdr.length === 13, 'IHDR is 13 bytes');
  const header = new DataView(ihdr.buffer, ihdr.byteOffset, 13);
  const width = header.getUint32(0);
  const height = header.getUint32(4);
  const [bitDepth, colorType, compression, filterMethod, interlace] = ihdr.subarray(8);
  assert.deepEqual([compression, filterMethod, interlace], [0, 0, 0], 'deflate, adaptive filtering, no interlace');
  assert.ok(bitDepth === 1 && (colorType === 0 || colorType === 3), `bit depth ${bitDepth}, colour type ${colorType}`);
  if (colorType === 3) {
    assert.ok(palette && palette.length % 3 === 0 && palette.length / 3 >= 2, 'PLTE with at least 2 entries');
    assert.ok(chunkTypes.indexOf('PLTE') < chunkTypes.indexOf('IDAT'), 'PLTE before IDAT');
  } else {
    assert.equal(palette, undefined, 'no PLTE in a greyscale image');
  }
  if (transparency) assert.ok(chunkTypes.indexOf('tRNS') < chunkTypes.indexOf('IDAT'), 'tRNS before IDAT');

  const raw = zlib.inflateSync(Buffer.concat(idat));
  const rowBytes = Math.ceil(width / 8);
  assert.equal(raw.length, height * (rowBytes + 1), 'scanline bytes');
  const pixels = unfilter(raw, height, rowBytes);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sample = (pixels[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
      const out = (y * width + x) * 4;
      if (colorType === 0) {
        rgba.fill(sample * 255, out, out + 3);
        const transparent = transparency && ((transparency[0]! << 8) | transparency[1]!) === sample;
        rgba[out + 3] = transparent ? 0 : 255;
      } else {
        rgba.set(palette!.subarray(sample * 3, sample * 3 + 3), out);
        rgba[out + 3] = transparency?.[sample] ?? 255;
      }
    }
  }
  return { width, height, bitDepth, colorType, chunkTypes, palette, transparency, rgba };
}

/** Reverses PNG §9 filtering; at bit depths below 8 the "previous pixel" is the previous byte. */
function unfilter(raw: Uint8Array, height: number, rowBytes: number): Uint8Array {
  const out = new Uint8Array(height * rowBytes);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)]!;
    for (let i = 0; i < rowBytes; i++) {
      const value = raw[y * (rowBytes + 1) + 1 + i]!;
      const left = i > 0 ? out[y * rowBytes + i - 1]! : 0;
      const up = y > 0 ? out[(y - 1) * rowBytes + i]! : 0;
      const upLeft = i > 0 && y > 0 ? out[(y - 1) * rowBytes + i - 1]! : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = left; break;
        case 2: predictor = up; break;
        case 3: predictor = (left + up) >> 1; break;
        case 4: {
          const p = left + up - upLeft;
          const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
          predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
          break;
        }
        default: assert.fail(`row ${y} has filter type ${filter}`);
      }
      out[y * rowBytes + i] = (value + predictor) & 0xff;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** A symbol of `version`'s size with random modules: the renderer must not care what they mean. */
function randomSymbol(version: number, seed: number): QrSymbol {
  const size = version * 4 + 17;
  const random = seededRandom(seed);
  const modules = new Uint8Array(size * size);
  for (let i = 0; i < modules.length; i++) modules[i] = random() < 0.5 ? 1 : 0;
  return new QrSymbol(version, 'M', 0, modules);
}

type Rgba = [number, number, number, number];

/** Decodes toPNG's output and compares every pixel with the symbol drawn at `scale` with `margin`. */
function assertPixels(qr: QrSymbol, options: PngOptions, dark: Rgba, light: Rgba): DecodedPng {
  const png = readPng(toPNG(qr, options));
  const scale = options.scale ?? 10;
  const margin = options.margin ?? 4;
  const side = (qr.size + 2 * margin) * scale;
  assert.equal(png.width, side);
  assert.equal(png.height, side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const isDark = qr.get(Math.floor(x / scale) - margin, Math.floor(y / scale) - margin);
      const want = isDark ? dark : light;
      const at = (y * side + x) * 4;
      const got = [...png.rgba.subarray(at, at + 4)];
      // The colour of a fully transparent pixel is not seen, so it is not compared.
      const same = want[3] === 0 ? got[3] === 0 : got.every((v, i) => v === want[i]);
      if (!same) assert.fail(`pixel (${x}, ${y}) is ${got}, expected ${want} (${isDark ? 'dark' : 'light'})`);
    }
  }
  return png;
}

const BLACK: Rgba = [0, 0, 0, 255];
const WHITE: Rgba = [255, 255, 255, 255];

describe('toPNG', () => {
  test('1-bit greyscale, black on white, every pixel of random symbols of versions 1, 10 and 40', () => {
    for (const [version, scale, margin] of [[1, 10, 4], [10, 3, 2], [40, 1, 0], [1, 7, 1]] as const) {
      const png = assertPixels(randomSymbol(version, version * 100 + scale), { scale, margin }, BLACK, WHITE);
      assert.equal(png.colorType, 0);
      assert.deepEqual(png.chunkTypes, ['IHDR', 'IDAT', 'IEND']);
    }
  });

  test('real symbols: the defaults draw the original service look (10 px per module, 4-module quiet zone)', () => {
    for (const text of ['https://example.com/products/12345?ref=qr', 'HELLO WORLD 0123456789']) {
      assertPixels(encode(text), {}, BLACK, WHITE);
    }
    assertPixels(encode('x'.repeat(1200), { ecl: 'H' }), { scale: 2 }, BLACK, WHITE);
  });

  test('white on black stays 1-bit greyscale, with the samples swapped', () => {
    const png = assertPixels(randomSymbol(2, 7), { dark: '#fff', light: '#000000' }, WHITE, BLACK);
    assert.equal(png.colorType, 0);
  });

  test('black or white on transparent: greyscale with a 2-byte tRNS', () => {
    const onTransparent = assertPixels(randomSymbol(3, 8), { light: 'transparent' }, BLACK, [0, 0, 0, 0]);
    assert.equal(onTransparent.colorType, 0);
    assert.deepEqual(onTransparent.chunkTypes, ['IHDR', 'tRNS', 'IDAT', 'IEND']);
    const cutOut = assertPixels(randomSymbol(3, 9), { dark: '#ffffff00', light: '#FFF' }, [0, 0, 0, 0], WHITE);
    assert.equal(cutOut.colorType, 0);
    const whiteOnTransparent = assertPixels(randomSymbol(1, 10), { dark: '#ffffff', light: 'transparent' }, WHITE, [0, 0, 0, 0]);
    assert.equal(whiteOnTransparent.colorType, 0);
  });

  test('other colours: a 2-entry palette, and a tRNS only as long as it needs to be', () => {
    const opaque = assertPixels(randomSymbol(4, 11), { dark: '#1a237e', light: '#fffde7' }, [0x1a, 0x23, 0x7e, 255], [0xff, 0xfd, 0xe7, 255]);
    assert.equal(opaque.colorType, 3);
    assert.equal(opaque.palette?.length, 6);
    assert.deepEqual(opaque.chunkTypes, ['IHDR', 'PLTE', 'IDAT', 'IEND']);

    const translucentLight = assertPixels(randomSymbol(4, 12), { dark: '#123', light: '#ffffff80' }, [0x11, 0x22, 0x33, 255], [255, 255, 255, 0x80]);
    assert.equal(translucentLight.transparency?.length, 1);

    const translucentDark = assertPixels(randomSymbol(4, 13), { dark: '#00000080', light: '#ffffff' }, [0, 0, 0, 0x80], WHITE);
    assert.equal(translucentDark.transparency?.length, 1);

    const both = assertPixels(randomSymbol(4, 14), { dark: '#f008', light: '#0f04' }, [255, 0, 0, 0x88], [0, 255, 0, 0x44]);
    assert.equal(both.transparency?.length, 2);
  });

  test('identical colours still give a valid image (of one colour)', () => {
    assertPixels(randomSymbol(1, 15), { dark: '#777', light: '#777' }, [0x77, 0x77, 0x77, 255], [0x77, 0x77, 0x77, 255]);
  });

  test('the reference URL at the original look is at most 500 bytes (issue 2; lean-qr writes 513)', () => {
    const png = toPNG(encode('https://example.com/products/12345?ref=qr', { ecl: 'M' }), { scale: 10, margin: 4 });
    assert.ok(png.length <= 500, `${png.length} bytes`);
  });

  test('bad options are INVALID_OPTION errors that name the option', () => {
    const qr = randomSymbol(1, 16);
    const cases: [PngOptions, RegExp][] = [
      [{ scale: 0 }, /^scale must be an integer from 1 to 100; got 0$/],
      [{ scale: 101 }, /^scale .* got 101$/],
      [{ scale: 2.5 }, /^scale .* got 2\.5$/],
      [{ scale: '10' as unknown as number }, /^scale .* got string "10"$/],
      [{ margin: -1 }, /^margin must be an integer from 0 to 64; got -1$/],
      [{ margin: 65 }, /^margin .* got 65$/],
      [{ dark: 'red' }, /^dark must be '#rgb', '#rgba', '#rrggbb', '#rrggbbaa' or 'transparent'; got "red"$/],
      [{ light: '#12345' }, /^light must be .* got "#12345"$/],
      [null as unknown as PngOptions, /^options must be an object; got null$/],
    ];
    for (const [options, message] of cases) {
      assert.throws(() => toPNG(qr, options), (error: unknown) => {
        assert.ok(error instanceof QrError);
        assert.equal(error.code, 'INVALID_OPTION');
        assert.match(error.message, message);
        return true;
      });
    }
  });

  test('an image over the side limit is IMAGE_TOO_LARGE, with the numbers and the scale that fits', () => {
    const v40 = randomSymbol(40, 17);
    assert.throws(() => toPNG(v40, { scale: 45 }), (error: unknown) => {
      assert.ok(error instanceof QrError);
      assert.equal(error.code, 'IMAGE_TOO_LARGE');
      assert.equal(
        error.message,
        `the PNG would be 8325 × 8325 px (185 modules with the margin × scale 45); the limit is ${MAX_IMAGE_SIDE_PX} px per side: ` +
          'use a scale of at most 44 or ask for an SVG, which scales to any size',
      );
      return true;
    });
    // IHDR's width field (bytes 16..19); decoding all 66 million pixels would take seconds.
    const largest = toPNG(v40, { scale: 44 });
    assert.equal(new DataView(largest.buffer, largest.byteOffset).getUint32(16), 8140);
  });

  test('imageSidePx and largestScale agree with the images toPNG makes', () => {
    for (const version of [1, 7, 40]) {
      const qr = randomSymbol(version, 19 + version);
      for (const margin of [0, 4]) {
        const scale = largestScale(qr, { margin, limitPx: 1000 });
        assert.ok(imageSidePx(qr, { scale, margin }) <= 1000 && imageSidePx(qr, { scale: scale + 1, margin }) > 1000);
        const png = toPNG(qr, { scale, margin });
        assert.equal(new DataView(png.buffer, png.byteOffset).getUint32(16), imageSidePx(qr, { scale, margin }));
      }
    }
    assert.equal(imageSidePx(randomSymbol(1, 20)), 290, 'defaults: margin 4, scale 10');
    assert.equal(largestScale(randomSymbol(1, 21)), MAX_SCALE, 'version 1 fits 8192 px at any allowed scale');
  });
});
