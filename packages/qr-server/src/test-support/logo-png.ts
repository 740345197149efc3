/**
 * Logo files for the tests, built by hand (PNG Specification, Second Edition: signature §5.2,
 * chunks §5.3, IHDR §11.2.2, IDAT §11.2.4, tEXt §11.3.4.3, IEND §11.2.5) over node:zlib, so that
 * no fixture is a file in the repository and no dependency is needed.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An 8-bit RGBA PNG (colour type 6) of `width × height` pixels, each `pixel(x, y)`; `padTo`, when
 * given, adds a tEXt chunk so that the file is exactly that many bytes.
 */
export function rgbaPng(width: number, height: number, pixel: (x: number, y: number) => readonly [number, number, number, number], padTo?: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // depth 8, RGBA, deflate, adaptive filtering, no interlace
  const rows = Buffer.alloc(height * (1 + 4 * width)); // filter type 0 (None) before each row
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), y * (1 + 4 * width) + 1 + 4 * x);
  }
  const parts = [Buffer.from(SIGNATURE), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array(0))];
  if (padTo !== undefined) {
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    // A tEXt chunk is 12 bytes of framing, then a keyword, a NUL and the text.
    const textLength = padTo - length - 12 - 'Comment\0'.length;
    if (textLength < 0) throw new Error(`the PNG is already ${length} bytes, more than ${padTo} less a tEXt chunk`);
    parts.splice(3, 0, chunk('tEXt', Buffer.from(`Comment\0${'x'.repeat(textLength)}`, 'latin1')));
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** A small logo: a red disc with a white ring on transparency, `side` pixels square. */
export function discLogo(side = 48, color: readonly [number, number, number] = [200, 0, 0]): Uint8Array {
  const centre = (side - 1) / 2;
  return rgbaPng(side, side, (x, y) => {
    const r = Math.hypot(x - centre, y - centre) / (side / 2);
    if (r > 1) return [0, 0, 0, 0];
    return r > 0.6 && r < 0.75 ? [255, 255, 255, 255] : [...color, 255];
  });
}

/** Pixels no compressor can shrink, from a fixed seed: for files near the byte limit. */
export function noiseLogo(width: number, height: number, padTo?: number): Uint8Array {
  let state = 0x2545f491;
  const next = (): number => {
    // xorshift32: deterministic, so the test's file is the same on every run.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state & 0xff;
  };
  return rgbaPng(width, height, () => [next(), next(), next(), 255], padTo);
}

/** The first bytes of a JPEG file (SOI, then an APP0 marker): enough for a format to be read from them. */
export const JPEG_START = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

/** An SVG logo: a blue circle. */
export const SVG_LOGO = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#0050c8"/></svg>');

/** A file as a `data:` URL, base64 (RFC 2397). */
export function dataUrl(file: Uint8Array, type = 'image/png'): string {
  return `data:${type};base64,${Buffer.from(file).toString('base64')}`;
}
