import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as zlib from 'node:zlib';
import { parseColor } from './color.js';
import { encode } from './encode.js';
import { QrError } from './errors.js';
import {
  LOGO_BYTES_CEILING,
  LOGO_PIXELS_CEILING,
  MAX_LOGO_PIXELS,
  readPng,
  type PngReadLimits,
  type RgbaImage,
} from './png-reader.js';
import { MAX_LOGO_BYTES } from './logo-image.js';
import { toPNG, type PngOptions } from './png.js';
import { QrSymbol } from './symbol.js';
import { SCENE_GRADIENTS, SCENE_SIZE, sceneRects } from './test-support/logo-scene.js';
import {
  chunk,
  concatBytes,
  DEPTHS,
  encodePng,
  expectedRgba,
  file,
  filteredScanlines,
  headerChunks,
  idatChunks,
  ihdrData,
  SAMPLES,
  SIGNATURE,
  type ColorType,
  type EncodeOptions,
  type TestImage,
} from './test-support/png-encoder.js';
import { randomInt, seededRandom, type Random } from './test-support/random.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./test-support/fixtures/${name}`, import.meta.url)));

/** Asserts that `run` throws QrError('INVALID_LOGO') (or `code`) with a message matching `message`. */
function rejects(run: () => unknown, message: RegExp, code = 'INVALID_LOGO'): void {
  assert.throws(run, (error: unknown) => {
    if (!(error instanceof QrError)) assert.fail(`expected a QrError, got ${error instanceof Error ? error.stack : String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.match(error.message, message);
    return true;
  });
}

/** A random image of the given kind; with `withTrns`, a tRNS that makes some of its pixels transparent. */
function randomImage(random: Random, width: number, height: number, colorType: ColorType, bitDepth: number, withTrns: boolean): TestImage {
  const channels = SAMPLES[colorType];
  const max = 2 ** bitDepth - 1;
  const samples = new Array<number>(width * height * channels);
  const image: TestImage = { width, height, colorType, bitDepth, samples };
  if (colorType === 3) {
    const entries = randomInt(random, 1, 2 ** bitDepth);
    image.palette = Uint8Array.from({ length: entries * 3 }, () => randomInt(random, 0, 255));
    for (let i = 0; i < samples.length; i++) samples[i] = randomInt(random, 0, entries - 1);
    if (withTrns) image.transparency = Uint8Array.from({ length: randomInt(random, 1, entries) }, () => randomInt(random, 0, 255));
    return image;
  }
  for (let i = 0; i < samples.length; i++) samples[i] = randomInt(random, 0, max);
  if (withTrns) {
    // The colour of a random pixel, and a few more pixels of that colour.
    const key = samples.slice(0, channels);
    for (let n = 0; n < Math.ceil((width * height) / 5); n++) {
      const p = randomInt(random, 0, width * height - 1);
      for (let c = 0; c < channels; c++) samples[p * channels + c] = key[c]!;
    }
    image.transparency = Uint8Array.from(key.flatMap((v) => [v >> 8, v & 0xff]));
  }
  return image;
}

function assertImage(decoded: RgbaImage, image: TestImage, what: string): void {
  assert.equal(decoded.width, image.width, what);
  assert.equal(decoded.height, image.height, what);
  const want = expectedRgba(image);
  assert.equal(decoded.rgba.length, want.length, what);
  for (let i = 0; i < want.length; i++) {
    if (decoded.rgba[i] !== want[i]) {
      const p = i >> 2;
      assert.fail(
        `${what}: pixel (${p % image.width}, ${Math.floor(p / image.width)}) is ${[...decoded.rgba.subarray(p * 4, p * 4 + 4)]}, ` +
          `expected ${[...want.subarray(p * 4, p * 4 + 4)]}`,
      );
    }
  }
}

const SIZES: readonly [number, number][] = [[1, 1], [2, 3], [5, 4], [8, 8], [9, 7], [13, 11], [33, 3], [3, 33]];
const FILTERS: readonly (number | 'mixed')[] = [0, 1, 2, 3, 4, 'mixed'];
const COLOR_TYPES: readonly ColorType[] = [0, 2, 3, 4, 6];

describe('readPng: every colour type and bit depth, with and without tRNS, each filter type, interlaced or not', () => {
  const random = seededRandom(7001);
  for (const colorType of COLOR_TYPES) {
    for (const bitDepth of DEPTHS[colorType]) {
      for (const withTrns of colorType === 4 || colorType === 6 ? [false] : [false, true]) {
        test(`colour type ${colorType}, bit depth ${bitDepth}${withTrns ? ', tRNS' : ''}`, () => {
          for (const [width, height] of SIZES) {
            const image = randomImage(random, width, height, colorType, bitDepth, withTrns);
            for (const filter of FILTERS) {
              for (const interlace of [false, true]) {
                const options: EncodeOptions = {
                  interlace,
                  filter: filter === 'mixed' ? (row, pass) => (row * 3 + pass) % 5 : filter,
                };
                const what = `${width} × ${height}, filter ${filter}, ${interlace ? 'Adam7' : 'not interlaced'}`;
                assertImage(readPng(encodePng(image, options)), image, what);
              }
            }
          }
        });
      }
    }
  }

  test('16-bit samples become 8 bits by §13.12: round(v × 255 / 65535), for every one of the 65536 values', () => {
    const samples = Array.from({ length: 65536 }, (_, v) => v);
    const image: TestImage = { width: 256, height: 256, colorType: 0, bitDepth: 16, samples };
    const decoded = readPng(encodePng(image, { filter: 4 }), { maxBytes: LOGO_BYTES_CEILING });
    for (let v = 0; v < 65536; v++) assert.equal(decoded.rgba[v * 4], Math.round((v * 255) / 65535), `sample ${v}`);
  });

  test('a 16-bit tRNS colour is matched exactly, before rescaling: its neighbours that round alike stay opaque', () => {
    const grey: TestImage = { width: 3, height: 1, colorType: 0, bitDepth: 16, samples: [0x1234, 0x1235, 0x1233], transparency: Uint8Array.of(0x12, 0x34) };
    assert.deepEqual([...readPng(encodePng(grey)).rgba].filter((_, i) => i % 4 === 3), [0, 255, 255]);
    const rgb: TestImage = {
      width: 4,
      height: 1,
      colorType: 2,
      bitDepth: 16,
      samples: [0x0102, 0x0304, 0x0506, 0x0102, 0x0304, 0x0507, 0x0103, 0x0304, 0x0506, 0x0102, 0x0304, 0x0506],
      transparency: Uint8Array.of(0x01, 0x02, 0x03, 0x04, 0x05, 0x06),
    };
    assert.deepEqual([...readPng(encodePng(rgb)).rgba].filter((_, i) => i % 4 === 3), [0, 255, 255, 0]);
  });

  test('a tRNS shorter than the palette leaves the other entries opaque; colours come from PLTE as they are', () => {
    const image: TestImage = {
      width: 4,
      height: 1,
      colorType: 3,
      bitDepth: 2,
      samples: [0, 1, 2, 3],
      palette: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
      transparency: Uint8Array.of(0, 99),
    };
    assert.deepEqual([...readPng(encodePng(image)).rgba], [1, 2, 3, 0, 4, 5, 6, 99, 7, 8, 9, 255, 10, 11, 12, 255]);
  });

  test('the image data may be split across many IDAT chunks, empty ones included, and stored or compressed at any level', () => {
    const random = seededRandom(7002);
    const image = randomImage(random, 19, 17, 6, 8, false);
    for (const idatSize of [1, 2, 7, 100]) {
      for (const level of [0, 1, 9]) {
        assertImage(readPng(encodePng(image, { idatSize, level, filter: 4, interlace: idatSize === 7 })), image, `IDAT size ${idatSize}, level ${level}`);
      }
    }
    const compressed = zlib.deflateSync(filteredScanlines(image));
    const withEmpty = file(...headerChunks(image), chunk('IDAT'), ...idatChunks(compressed, 50), chunk('IDAT'), chunk('IEND'));
    assertImage(readPng(withEmpty), image, 'empty IDAT chunks around the data');
  });

  test('ancillary chunks, known or not, before PLTE, between PLTE and IDAT and after IDAT, are skipped', () => {
    const random = seededRandom(7003);
    const image = randomImage(random, 6, 5, 3, 4, true);
    const gama = chunk('gAMA', Uint8Array.of(0, 0, 0xb1, 0x8f));
    const srgb = chunk('sRGB', Uint8Array.of(0));
    const text = chunk('tEXt', new TextEncoder().encode('Software\0test'));
    const privateChunk = chunk('prVt', Uint8Array.of(1, 2, 3));
    // A lower-case third letter (the reserved bit, §5.4) makes an unknown ancillary chunk: skipped too.
    const reserved = chunk('abcd', Uint8Array.of(9));
    const compressed = zlib.deflateSync(filteredScanlines(image));
    const [ihdr, plte, trns] = headerChunks(image);
    const png = file(ihdr!, gama, srgb, plte!, privateChunk, trns!, reserved, ...idatChunks(compressed), text, privateChunk, chunk('IEND'));
    assertImage(readPng(png), image, 'with ancillary chunks');
  });

  test('a suggested palette (PLTE in truecolour) is allowed and ignored', () => {
    const image = randomImage(seededRandom(7004), 4, 4, 2, 8, true);
    image.palette = Uint8Array.of(1, 2, 3, 4, 5, 6);
    assertImage(readPng(encodePng(image)), image, 'truecolour with PLTE');
    const rgba = randomImage(seededRandom(7005), 4, 4, 6, 16, false);
    rgba.palette = Uint8Array.of(7, 8, 9);
    assertImage(readPng(encodePng(rgba)), rgba, 'truecolour with alpha with PLTE');
  });
});

describe('readPng reads what other encoders write', () => {
  test("qr-core's own toPNG: every pixel of random symbols and real ones, in each of its colour models", () => {
    const random = seededRandom(7100);
    const cases: [PngOptions, string, string][] = [
      [{}, '#000', '#fff'],
      [{ dark: '#fff', light: '#000' }, '#fff', '#000'],
      [{ light: 'transparent' }, '#000', 'transparent'],
      [{ dark: '#ffffff00', light: '#fff' }, 'transparent', '#fff'],
      [{ dark: '#1a237e', light: '#fffde7' }, '#1a237e', '#fffde7'],
      [{ dark: '#00000080', light: '#ffffff' }, '#00000080', '#ffffff'],
      [{ dark: '#f008', light: '#0f04' }, '#f008', '#0f04'],
    ];
    const symbols: QrSymbol[] = [encode('https://example.com/products/12345?ref=qr'), encode('x'.repeat(300), { ecl: 'H' })];
    for (const version of [1, 4, 13, 27]) {
      const size = version * 4 + 17;
      symbols.push(new QrSymbol(version, 'M', 0, Uint8Array.from({ length: size * size }, () => (random() < 0.5 ? 1 : 0))));
    }
    let compared = 0;
    for (const qr of symbols) {
      for (const [options, darkText, lightText] of cases) {
        const scale = randomInt(random, 1, 4);
        const margin = randomInt(random, 0, 4);
        const png = readPng(toPNG(qr, { ...options, scale, margin }));
        const side = (qr.size + 2 * margin) * scale;
        assert.equal(png.width, side);
        assert.equal(png.height, side);
        const dark = parseColor(darkText);
        const light = parseColor(lightText);
        for (let y = 0; y < side; y++) {
          for (let x = 0; x < side; x++) {
            const isDark = qr.get(Math.floor(x / scale) - margin, Math.floor(y / scale) - margin);
            const want = isDark ? dark : light;
            const at = (y * side + x) * 4;
            const got = png.rgba.subarray(at, at + 4);
            // The colour of a fully transparent pixel is not seen, so only its alpha is compared.
            const same = want.a === 0 ? got[3] === 0 : got[0] === want.r && got[1] === want.g && got[2] === want.b && got[3] === want.a;
            if (!same) assert.fail(`version ${qr.version}, ${JSON.stringify(options)}: pixel (${x}, ${y}) is ${[...got]}, expected ${JSON.stringify(want)}`);
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 1_000_000, `${compared} pixels compared`);
  });

  test('rsvg-convert (cairo, libpng: filter types 0 to 4 chosen per row): every pixel of the picture it was given', () => {
    const png = fixture('rsvg-scene.png');
    // The fixture does exercise all five filter types (a check on the fixture, by plain zlib).
    const idat = concatBytes(chunksOf(png).filter((c) => c.type === 'IDAT').map((c) => c.data));
    const raw = zlib.inflateSync(idat);
    const filters = new Set(Array.from({ length: SCENE_SIZE }, (_, y) => raw[y * (SCENE_SIZE * 4 + 1)]));
    assert.deepEqual([...filters].sort(), [0, 1, 2, 3, 4]);

    const image = readPng(png);
    assert.equal(image.width, SCENE_SIZE);
    assert.equal(image.height, SCENE_SIZE);
    const pixel = (x: number, y: number): number[] => [...image.rgba.subarray((y * SCENE_SIZE + x) * 4, (y * SCENE_SIZE + x) * 4 + 4)];
    let exact = 0;
    for (const rect of sceneRects()) {
      for (let y = rect.y; y < rect.y + rect.height; y++) {
        for (let x = rect.x; x < rect.x + rect.width; x++) {
          const got = pixel(x, y);
          // Opaque: the colour given; half transparent: alpha 128 (cairo rounds 127.5 up), colour exact
          // as every channel is 0 or 255; fully transparent: cairo writes 0, 0, 0, 0.
          const want = rect.opacity === 1 ? [...rect.rgb, 255] : rect.opacity === 0.5 ? [...rect.rgb, 128] : [0, 0, 0, 0];
          assert.deepEqual(got, want, `pixel (${x}, ${y})`);
          exact++;
        }
      }
    }
    assert.equal(exact, SCENE_SIZE * 24);
    for (const gradient of SCENE_GRADIENTS) {
      for (let y = gradient.y0; y < gradient.y0 + gradient.height; y++) {
        for (let x = 0; x < SCENE_SIZE; x++) {
          const u = (x + 0.5) / SCENE_SIZE;
          const v = (y - gradient.y0 + 0.5) / gradient.height;
          const t = gradient.diagonal ? (u + v) / 2 : u;
          const got = pixel(x, y);
          assert.equal(got[3], 255);
          for (let c = 0; c < 3; c++) {
            const want = gradient.from[c]! + (gradient.to[c]! - gradient.from[c]!) * t;
            assert.ok(Math.abs(got[c]! - want) <= 1, `gradient pixel (${x}, ${y}) channel ${c}: ${got[c]}, expected about ${want.toFixed(1)}`);
          }
        }
      }
    }
  });

  test("CPython's test image (indexed colour with tRNS, cHRM, bKGD and tEXt after IDAT): its colours are those of the PPM beside it", () => {
    const image = readPng(fixture('python.png'));
    const ppm = fixture('python.ppm');
    const header = '\x50\x36\x0a16 16\x0a255\x0a';
    assert.equal(String.fromCharCode(...ppm.subarray(0, header.length)), header);
    const rgb = ppm.subarray(header.length);
    assert.equal(image.width, 16);
    assert.equal(image.height, 16);
    for (let p = 0; p < 256; p++) {
      assert.deepEqual([...image.rgba.subarray(p * 4, p * 4 + 3)], [...rgb.subarray(p * 3, p * 3 + 3)], `pixel ${p}`);
    }
    // Its tRNS makes the corners transparent and the edges translucent.
    assert.equal(image.rgba[3], 0);
    assert.ok(image.rgba.some((v, i) => i % 4 === 3 && v > 0 && v < 255));
  });
});

// ---------------------------------------------------------------------------------------------
// Failures

interface RawChunk {
  type: string;
  /** Offset of the chunk's length field. */
  at: number;
  data: Uint8Array;
}

/** The chunks of a well-formed file (for building broken ones; not the reader under test). */
function chunksOf(png: Uint8Array): RawChunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: RawChunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    chunks.push({ type: String.fromCharCode(...png.subarray(at + 4, at + 8)), at, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** A small valid file with IHDR, an ancillary chunk, PLTE, tRNS, three IDAT chunks, tEXt and IEND. */
function sampleFile(): Uint8Array {
  const image = randomImage(seededRandom(7200), 10, 10, 3, 4, true);
  return encodePng(image, {
    filter: 4,
    idatSize: 20,
    before: [chunk('gAMA', Uint8Array.of(0, 0, 0xb1, 0x8f))],
    after: [chunk('tEXt', new TextEncoder().encode('Comment\0hi'))],
  });
}

const GREY_8x8: TestImage = { width: 8, height: 8, colorType: 0, bitDepth: 8, samples: new Array(64).fill(0) };

/** IHDR, the given IDAT payload (already compressed) and IEND. */
function withIdat(ihdr: Uint8Array, compressed: Uint8Array): Uint8Array {
  return file(chunk('IHDR', ihdr), chunk('IDAT', compressed), chunk('IEND'));
}

describe('readPng refuses what is not a valid PNG, each time with INVALID_LOGO and a message that says why', () => {
  test('not a PNG: JPEG, GIF, WebP, SVG and others are named; the message says which logos each output takes', () => {
    const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01);
    assert.throws(() => readPng(jpeg), {
      name: 'QrError',
      code: 'INVALID_LOGO',
      message: 'the logo is not a PNG file (it starts with FF D8 FF E0, as JPEG files do); PNG output takes PNG logos, SVG output also takes JPEG, WebP and SVG',
    });
    const text = (s: string): Uint8Array => new TextEncoder().encode(s);
    rejects(() => readPng(text('GIF89a\x01\x00\x01\x00')), /^the logo is not a PNG file \(it starts with 47 49 46 38, as GIF files do\); PNG output takes PNG logos/);
    rejects(() => readPng(concatBytes([text('RIFF'), Uint8Array.of(1, 2, 3, 4), text('WEBPVP8 ')])), /as WebP files do/);
    rejects(() => readPng(text('<svg xmlns="http://www.w3.org/2000/svg"/>')), /as SVG or other XML\/HTML text files do/);
    rejects(() => readPng(text('\uFEFF  <?xml version="1.0"?><svg/>')), /as SVG or other XML\/HTML text files do/);
    rejects(() => readPng(text('BM6\x00\x00\x00')), /as BMP files do/);
    rejects(() => readPng(Uint8Array.of(0, 0, 0, 0x1c, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66)), /as AVIF or HEIC files do/);
    rejects(() => readPng(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9)), /^the logo is not a PNG file \(it starts with the bytes 01 02 03 04 05 06 07 08\)/);
    rejects(() => readPng(Uint8Array.of(7)), /it starts with the bytes 07\)/);
    rejects(() => readPng(new Uint8Array(0)), /^the logo is empty \(0 bytes\): upload a PNG file$/);
  });

  test('a signature damaged by a text-mode transfer is told apart from another format', () => {
    const png = sampleFile();
    // CR LF → LF, as a Unix-to-DOS-and-back or FTP ASCII transfer does.
    const damaged = concatBytes([png.subarray(0, 4), png.subarray(5)]);
    rejects(() => readPng(damaged), /^the logo's PNG signature is damaged \(89 50 4E 47 0A 1A 0A 00 instead of 89 50 4E 47 0D 0A 1A 0A\).*upload the original file unchanged, as binary$/);
  });

  test('a file cut short anywhere — at every chunk boundary and every byte between — says so', () => {
    const png = sampleFile();
    const boundaries = new Set([8, ...chunksOf(png).map((c) => c.at + 12 + c.data.length)]);
    for (let length = 1; length < png.length; length++) {
      const prefix = png.subarray(0, length);
      if (length < 8) {
        rejects(() => readPng(prefix), /^the logo PNG file is cut short: it ends inside the PNG signature/);
      } else if (boundaries.has(length)) {
        rejects(() => readPng(prefix), new RegExp(`^the logo PNG file is cut short: it ends after (the PNG signature|the \\w{4} chunk at byte \\d+), without the IEND chunk that closes every PNG file \\(the file is ${length} bytes\\); upload the whole file$`));
      } else {
        rejects(() => readPng(prefix), /^the logo PNG file is cut short: it ends inside (the header of the chunk after|the \w{4} chunk at byte \d+, which declares \d+ bytes of data)/);
      }
    }
  });

  test("a wrong CRC in any chunk, or a changed byte in any chunk's type or data, is found and named (§5.5)", () => {
    const png = sampleFile();
    for (const { type, at, data } of chunksOf(png)) {
      const badCrc = png.slice();
      badCrc[at + 8 + data.length + 3]! ^= 0x01;
      rejects(() => readPng(badCrc), new RegExp(`^the logo PNG file is corrupt: the CRC of the ${type} chunk at byte ${at} is 0x[0-9A-F]{8}, but its contents give 0x[0-9A-F]{8} \\(§5\\.5\\); upload an intact copy of the file$`));
      for (let i = 0; i < data.length; i += Math.max(1, data.length >> 2)) {
        const badData = png.slice();
        badData[at + 8 + i]! ^= 0x40;
        rejects(() => readPng(badData), new RegExp(`the CRC of the ${type} chunk at byte ${at}`));
      }
    }
  });

  test('no change to a valid file crashes the reader: every single-byte change and 2000 random ones give an image or INVALID_LOGO', () => {
    const files = [sampleFile(), encodePng(randomImage(seededRandom(7300), 9, 9, 6, 16, false), { interlace: true, filter: 3 })];
    const random = seededRandom(7301);
    const check = (mutated: Uint8Array): void => {
      try {
        const image = readPng(mutated);
        assert.equal(image.rgba.length, image.width * image.height * 4);
      } catch (error) {
        if (!(error instanceof QrError) || error.code !== 'INVALID_LOGO') throw error;
      }
    };
    for (const png of files) {
      for (let i = 0; i < png.length; i++) {
        const mutated = png.slice();
        mutated[i]! ^= 0xff;
        check(mutated);
      }
      for (let n = 0; n < 1000; n++) {
        const mutated = png.slice(0, randomInt(random, 1, png.length));
        for (let k = randomInt(random, 1, 4); k > 0; k--) mutated[randomInt(random, 0, mutated.length - 1)] = randomInt(random, 0, 255);
        check(mutated);
      }
    }
  });

  test('a file whose CRCs are right but whose chunks break the rules (IHDR fields, order, sizes)', () => {
    const idat = chunk('IDAT', zlib.deflateSync(filteredScanlines(GREY_8x8)));
    const ihdr = chunk('IHDR', ihdrData(8, 8, 8, 0));
    const iend = chunk('IEND');
    const plte = chunk('PLTE', Uint8Array.of(1, 2, 3, 4, 5, 6));
    const cases: [Uint8Array, RegExp][] = [
      [file(idat, ihdr, iend), /^the logo is not a valid PNG file: its first chunk is IDAT, but a PNG file starts with IHDR \(§5\.6\); save it again as PNG \(any image editor can\) and upload that$/],
      [file(ihdr, ihdr, idat, iend), /a second IHDR chunk/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 0).subarray(0, 12)), idat, iend), /its IHDR chunk is 12 bytes; IHDR is 13 bytes/],
      [file(chunk('IHDR', ihdrData(0, 8, 8, 0)), idat, iend), /IHDR gives a size of 0 × 8 px; each side is 1 to 2\^31 − 1/],
      [file(chunk('IHDR', ihdrData(8, 0, 8, 0)), idat, iend), /a size of 8 × 0 px/],
      [file(chunk('IHDR', ihdrData(2 ** 31, 1, 8, 0)), idat, iend), /a size of 2147483648 × 1 px/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 0, 0, 1)), idat, iend), /IHDR gives compression method 1; PNG defines only 0, deflate/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 0, 0, 0, 1)), idat, iend), /IHDR gives filter method 1; PNG defines only 0/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 0, 2)), idat, iend), /IHDR gives interlace method 2; PNG defines 0 \(none\) and 1 \(Adam7\)/],
      [file(ihdr, idat, chunk('tEXt', new TextEncoder().encode('a\0b')), idat, iend), /its IDAT chunks are not consecutive/],
      [file(ihdr, iend), /it has no image data: no IDAT chunk comes before IEND/],
      [file(ihdr, idat, chunk('IEND', Uint8Array.of(0))), /its IEND chunk has 1 byte of data; IEND is empty/],
      [concatBytes([file(ihdr, idat, iend), Uint8Array.of(0)]), /^the logo is not a valid PNG file: 1 byte follows its IEND chunk/],
      [concatBytes([file(ihdr, idat, iend), iend]), /12 bytes follow its IEND chunk/],
      [file(ihdr, chunk('CRIT', Uint8Array.of(1)), idat, iend), /it has a critical chunk CRIT that PNG \(Second Edition\) does not define \(§5\.4\)/],
      [file(ihdr, chunk('IDaT', Uint8Array.of(1)), idat, iend), /a critical chunk IDaT/],
      [file(ihdr, plte, idat, iend), /a PLTE chunk in a greyscale image, where PLTE is not allowed/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 4)), plte, idat, iend), /a PLTE chunk in a greyscale with alpha image/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 3)), idat, iend), /an indexed-colour image without a PLTE chunk \(the palette\) before its image data/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 3)), idat, plte, iend), /without a PLTE chunk/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 2)), idat, plte, iend), /its PLTE chunk comes after the image data/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 3)), plte, plte, idat, iend), /a second PLTE chunk/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 3)), chunk('PLTE', Uint8Array.of(1, 2, 3, 4)), idat, iend), /its PLTE chunk is 4 bytes; a palette is 1 to 256 RGB entries of 3 bytes/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 3)), chunk('PLTE', new Uint8Array(0)), idat, iend), /its PLTE chunk is 0 bytes/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 2)), chunk('PLTE', new Uint8Array(771)), idat, iend), /its PLTE chunk is 771 bytes/],
      [file(chunk('IHDR', ihdrData(8, 8, 1, 3)), chunk('PLTE', new Uint8Array(9)), idat, iend), /its palette has 3 entries, more than bit depth 1 can index \(2\)/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 3)), chunk('tRNS', Uint8Array.of(0)), plte, idat, iend), /its tRNS chunk comes before PLTE/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 2)), chunk('tRNS', new Uint8Array(6)), plte, idat, iend), /its PLTE chunk comes after tRNS/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 3)), plte, chunk('tRNS', Uint8Array.of(0, 1, 2)), idat, iend), /its tRNS chunk has 3 alpha values for a palette of 2 entries; it has 1 to 2/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 3)), plte, chunk('tRNS', new Uint8Array(0)), idat, iend), /its tRNS chunk has 0 alpha values/],
      [file(ihdr, chunk('tRNS', Uint8Array.of(0)), idat, iend), /its tRNS chunk is 1 byte; in a greyscale image it is 2/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 2)), chunk('tRNS', new Uint8Array(2)), idat, iend), /its tRNS chunk is 2 bytes; in a truecolour image it is 6/],
      [file(chunk('IHDR', ihdrData(8, 8, 4, 0)), chunk('tRNS', Uint8Array.of(0, 16)), idat, iend), /its tRNS chunk names the sample value 16, which bit depth 4 cannot hold \(0 to 15\)/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 2)), chunk('tRNS', Uint8Array.of(0, 1, 1, 0, 0, 2)), idat, iend), /the sample value 256, which bit depth 8 cannot hold/],
      [file(ihdr, chunk('tRNS', new Uint8Array(2)), chunk('tRNS', new Uint8Array(2)), idat, iend), /a second tRNS chunk/],
      [file(ihdr, idat, chunk('tRNS', new Uint8Array(2)), iend), /its tRNS chunk comes after the image data/],
      [file(chunk('IHDR', ihdrData(8, 8, 8, 6)), chunk('tRNS', new Uint8Array(6)), idat, iend), /a tRNS chunk in a truecolour with alpha image, which has an alpha channel instead/],
      [file(chunk('IHDR', ihdrData(8, 8, 16, 4)), chunk('tRNS', new Uint8Array(2)), idat, iend), /a tRNS chunk in a greyscale with alpha image/],
    ];
    for (const [png, message] of cases) rejects(() => readPng(png), message);
  });

  test('every colour type and bit depth that IHDR does not allow', () => {
    const allowed: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
    let refused = 0;
    for (let colorType = 0; colorType < 256; colorType++) {
      for (let bitDepth = 0; bitDepth <= 32; bitDepth++) {
        if (allowed[colorType]?.includes(bitDepth)) continue;
        const png = withIdat(ihdrData(1, 1, bitDepth, colorType), zlib.deflateSync(new Uint8Array(2)));
        const message = allowed[colorType]
          ? new RegExp(`IHDR gives bit depth ${bitDepth} for colour type ${colorType} \\([a-z -]+\\), which allows ${allowed[colorType]!.join(', ')} \\(§11\\.2\\.2\\)`)
          : new RegExp(`IHDR gives colour type ${colorType}; PNG has 0, 2, 3, 4 and 6`);
        rejects(() => readPng(png), message);
        refused++;
      }
    }
    assert.equal(refused, 256 * 33 - 15);
  });

  test('chunk framing: a type that is not four letters, a length over 2^31 − 1', () => {
    const ihdr = chunk('IHDR', ihdrData(8, 8, 8, 0));
    const notLetters = chunk('ID1T', Uint8Array.of(0));
    rejects(() => readPng(file(ihdr, notLetters, chunk('IEND'))), /^the logo PNG file is corrupt: where the chunk after the IHDR chunk at byte 8 should start \(byte 33\) there is no chunk type but the bytes 49 44 31 54 \(a chunk type is four ASCII letters\)/);
    const huge = concatBytes([SIGNATURE, ihdr, Uint8Array.of(0x80, 0, 0, 0), new TextEncoder().encode('IDAT'), new Uint8Array(8)]);
    rejects(() => readPng(huge), /the IDAT chunk at byte 33 declares a length of 2147483648 bytes, more than a PNG chunk can hold/);
  });

  test('image data: a bad filter type, a palette index past the palette, too much or too little data, a broken zlib stream', () => {
    const image: TestImage = { width: 5, height: 5, colorType: 3, bitDepth: 4, samples: new Array(25).fill(1), palette: Uint8Array.of(1, 2, 3, 4, 5, 6) };
    rejects(() => readPng(encodePng(image, { filter: (row) => (row === 3 ? 5 : 0) })), /^the logo is not a valid PNG file: row 3 has filter type 5; PNG has 0 to 4 \(§9\.2\)/);
    rejects(() => readPng(encodePng(image, { interlace: true, filter: (_row, pass) => (pass === 4 ? 255 : 1) })), /row 0 of Adam7 pass 5 has filter type 255/);

    const outOfRange = { ...image, samples: Array.from({ length: 25 }, (_, i) => (i === 13 ? 2 : 1)) };
    rejects(() => readPng(encodePng(outOfRange)), /pixel \(3, 2\) has palette index 2, but the palette has 2 entries \(0 to 1\)/);
    rejects(() => readPng(encodePng(outOfRange, { interlace: true })), /pixel \(3, 2\) has palette index 2/);

    const ihdr = ihdrData(8, 8, 8, 0);
    const scanlines = filteredScanlines(GREY_8x8);
    assert.equal(scanlines.length, 72);
    rejects(() => readPng(withIdat(ihdr, zlib.deflateSync(scanlines.subarray(0, 71)))), /its image data inflates to 71 bytes, but IHDR's 8 × 8 px greyscale image at bit depth 8 has 72 bytes of scanlines/);
    rejects(() => readPng(withIdat(ihdr, zlib.deflateSync(new Uint8Array(0)))), /inflates to 0 bytes/);
    rejects(() => readPng(withIdat(ihdr, zlib.deflateSync(concatBytes([scanlines, Uint8Array.of(0)])))), /its image data inflates to more than the 72 bytes of scanlines that IHDR's 8 × 8 px greyscale image at bit depth 8 has/);
    // Interlaced, the same pixels take 79 bytes: each of the seven passes' rows has its filter-type byte.
    rejects(() => readPng(withIdat(ihdrData(8, 8, 8, 0, 1), zlib.deflateSync(scanlines))), /inflates to 72 bytes, but IHDR's 8 × 8 px greyscale image at bit depth 8, interlaced, has 79 bytes of scanlines/);
    const stream = zlib.deflateSync(scanlines);
    rejects(() => readPng(withIdat(ihdr, concatBytes([stream, Uint8Array.of(0, 0)]))), /2 bytes of IDAT data follow the end of the zlib stream/);
    rejects(() => readPng(withIdat(ihdr, stream.subarray(0, stream.length - 5))), /its compressed image data stops before the end of the zlib stream/);
    const badAdler = stream.slice();
    badAdler[badAdler.length - 1]! ^= 1;
    rejects(() => readPng(withIdat(ihdr, badAdler)), /^the logo PNG file is corrupt: its compressed image data is not a valid zlib stream \(zlib: incorrect data check\)/);
    rejects(() => readPng(withIdat(ihdr, Uint8Array.of(1, 2, 3, 4))), /not a valid zlib stream \(zlib: incorrect header check\)/);
    rejects(() => readPng(withIdat(ihdr, zlib.deflateRawSync(scanlines))), /not a valid zlib stream/);
  });

  test('a file over the byte limit (256 KiB by default), checked before anything else after the signature', () => {
    const big = concatBytes([SIGNATURE, new Uint8Array(MAX_LOGO_BYTES - 7)]);
    rejects(() => readPng(big), /^the logo is 262145 bytes; the limit is 262144 bytes \(256 KiB\): make the file smaller/);
    rejects(() => readPng(sampleFile(), { maxBytes: 100 }), /the limit is 100 bytes \(0\.1 KiB\)/);
    assert.equal(MAX_LOGO_BYTES, 262144);
  });

  test('bad arguments: bytes that are not a Uint8Array are INVALID_LOGO, bad limits INVALID_OPTION', () => {
    rejects(() => readPng('\x89PNG' as unknown as Uint8Array), /^the logo must be a Uint8Array holding a PNG file; got string$/);
    rejects(() => readPng(new ArrayBuffer(8) as unknown as Uint8Array), /got ArrayBuffer$/);
    rejects(() => readPng(null as unknown as Uint8Array), /got null$/);
    const png = sampleFile();
    assert.equal(readPng(Buffer.from(png)).width, 10, 'a Buffer is a Uint8Array');
    const limits: [unknown, RegExp][] = [
      [null, /^limits must be an object; got null$/],
      [{ maxPixels: 0 }, /^maxPixels must be an integer from 1 to 16777216; got 0$/],
      [{ maxPixels: 1.5 }, /^maxPixels .* got 1\.5$/],
      [{ maxPixels: LOGO_PIXELS_CEILING + 1 }, /^maxPixels .* got 16777217$/],
      [{ maxBytes: '1000' }, /^maxBytes must be an integer from 1 to 16777216; got string "1000"$/],
    ];
    for (const [value, message] of limits) rejects(() => readPng(png, value as PngReadLimits), message, 'INVALID_OPTION');
  });
});

describe('decompression bombs are refused, never expanded, and memory stays small', () => {
  const rssGrowth = (run: () => void): number => {
    const before = process.memoryUsage().rss;
    run();
    return process.memoryUsage().rss - before;
  };

  test('an IHDR of 30000 × 30000 px is refused before its image data is looked at', () => {
    const tinyZeros = zlib.deflateSync(new Uint8Array(30001 * 4), { level: 9 });
    const bomb = withIdat(ihdrData(30000, 30000, 8, 0), tinyZeros);
    assert.ok(bomb.length < 200, `${bomb.length} bytes`);
    const growth = rssGrowth(() =>
      rejects(
        () => readPng(bomb),
        /^the logo is 30000 × 30000 px \(900000000 pixels\); the limit is 1048576 pixels \(1024 × 1024\): scale it down \(a logo covers a small part of the code; 512 × 512 is plenty\)$/,
        'IMAGE_TOO_LARGE',
      ),
    );
    assert.ok(growth < 16 * 2 ** 20, `rss grew by ${(growth / 2 ** 20).toFixed(1)} MiB`);
    // Refused at IHDR: image data that is not even zlib gives the same answer, and so does the
    // highest limit a caller may set.
    rejects(() => readPng(withIdat(ihdrData(30000, 30000, 8, 0), Uint8Array.of(1, 2, 3))), /the limit is 1048576 pixels/, 'IMAGE_TOO_LARGE');
    rejects(() => readPng(bomb, { maxPixels: LOGO_PIXELS_CEILING }), /the limit is 16777216 pixels: scale it down/, 'IMAGE_TOO_LARGE');
    // A long thin image counts its pixels too.
    rejects(() => readPng(withIdat(ihdrData(2 ** 31 - 1, 1, 1, 0), tinyZeros)), /2147483647 × 1 px/, 'IMAGE_TOO_LARGE');
    rejects(() => readPng(encodePng(randomImage(seededRandom(7400), 20, 20, 6, 8, false)), { maxPixels: 399 }), /the logo is 20 × 20 px \(400 pixels\); the limit is 399 pixels: scale it down/, 'IMAGE_TOO_LARGE');
    assert.equal(MAX_LOGO_PIXELS, 1024 * 1024);
  });

  test('image data that would inflate to 64 MiB behind an IHDR of 1 MiB stops at the IHDR size', () => {
    // 1024 × 1024 greyscale, within the limits: 1,049,600 bytes of scanlines expected.
    const zeros = new Uint8Array(64 * 2 ** 20);
    const stream = zlib.deflateSync(zeros, { level: 9 });
    const bomb = withIdat(ihdrData(1024, 1024, 8, 0), stream);
    assert.ok(bomb.length < MAX_LOGO_BYTES, `${bomb.length} bytes`);
    const growth = rssGrowth(() => rejects(() => readPng(bomb), /its image data inflates to more than the 1049600 bytes of scanlines that IHDR's 1024 × 1024 px greyscale image at bit depth 8 has/));
    assert.ok(growth < 24 * 2 ** 20, `rss grew by ${(growth / 2 ** 20).toFixed(1)} MiB`);
    // The same stream cut to exactly the right amount is a valid (black) image.
    const exact = withIdat(ihdrData(1024, 1024, 8, 0), zlib.deflateSync(zeros.subarray(0, 1024 * 1025), { level: 9 }));
    const image = readPng(exact);
    assert.equal(image.rgba.length, 4 * 2 ** 20);
    assert.ok(image.rgba.every((v, i) => v === (i % 4 === 3 ? 255 : 0)));
  });

  test('the largest image the default limits let through, 16-bit RGBA (8 MiB of scanlines), decodes within bounded memory', () => {
    // Built by hand: 1024 rows of filter None and 8 KiB of zeros, compressed.
    const raw = new Uint8Array(1024 * (1 + 1024 * 8));
    const png = file(chunk('IHDR', ihdrData(1024, 1024, 16, 6)), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND'));
    assert.ok(png.length < MAX_LOGO_BYTES);
    let decoded: RgbaImage | undefined;
    const growth = rssGrowth(() => (decoded = readPng(png)));
    assert.equal(decoded!.width, 1024);
    assert.equal(decoded!.rgba.length, 4 * 2 ** 20);
    assert.ok(growth < 48 * 2 ** 20, `rss grew by ${(growth / 2 ** 20).toFixed(1)} MiB`);
  });
});
