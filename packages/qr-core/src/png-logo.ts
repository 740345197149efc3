/**
 * A logo in a PNG: the logo file read into pixels, fitted to its square of the knock-out, and
 * composited into the styled drawing's scanlines. Clause numbers (§) are the PNG Specification's
 * (Second Edition), as in `png.ts`.
 *
 * The layers are those of the SVG (`svg.ts`): the light background, the logo over it (its alpha
 * respected, "source over"), then the modules that stay drawn inside the knock-out over the logo,
 * each anti-aliased edge mixed with what lies under it. The result stays a palette image when the
 * drawing and the logo together hold at most 256 colours (at the smallest bit depth that holds
 * them), and becomes truecolour (§11.2.2: colour type 2, or 6 when some pixel is not opaque)
 * otherwise — photographs and smooth gradients, once resampled, usually are.
 *
 * The logo is resampled with a triangle (tent) filter whose support widens with the reduction,
 * in premultiplied alpha: bilinear when enlarging, an average over each output pixel's footprint
 * when reducing, so that a large logo drawn small does not alias.
 */

import { mix, type Rgba } from './color.js';
import { QrError } from './errors.js';
import type { LogoArea } from './logo-budget.js';
import { readLogo } from './logo-image.js';
import { paletteBitDepth, paletteChunks, type IndexedImage } from './png-palette.js';
import { LOGO_PIXELS_CEILING } from './png-limits.js';
import type { RgbaImage } from './png-reader.js';

/** A logo's pixels as drawn: `width × height` straight-alpha RGBA, its top-left pixel at (x, y) of the image. */
export interface PlacedLogo {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/**
 * The logo's pixels: a PNG file (bytes or `data:` URL) read by `readPngFile` (`readPng` in Node), or
 * an image already decoded, checked. Any other format is `QrError('INVALID_LOGO')`, which says that
 * SVG output takes it. The reader is passed in so that this module needs no node:zlib.
 */
export function logoPixels(image: unknown, readPngFile: (bytes: Uint8Array) => RgbaImage): RgbaImage {
  if (typeof image === 'object' && image !== null && !(image instanceof Uint8Array)) return decodedImage(image);
  const { type, bytes } = readLogo(image);
  if (type !== 'image/png') {
    throw new QrError('INVALID_LOGO', `the logo is a ${type} file; PNG output takes PNG logos only (toSVG takes PNG, JPEG, WebP and SVG): convert it to PNG, or ask for an SVG`);
  }
  return readPngFile(bytes);
}

/** An `RgbaImage` passed in by a caller, checked as hostile as a file would be. */
function decodedImage(image: object): RgbaImage {
  const { width, height, rgba } = image as Partial<RgbaImage>;
  const dimension = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1;
  if (!dimension(width) || !dimension(height) || width * height > LOGO_PIXELS_CEILING || !(rgba instanceof Uint8Array) || rgba.length !== width * height * 4) {
    throw new QrError(
      'INVALID_LOGO',
      'logo.image must be a PNG file (bytes or a data: URL) or a decoded image { width, height, rgba } as readPng returns it, ' +
        `with width × height ≤ ${LOGO_PIXELS_CEILING} and 4 bytes a pixel`,
    );
  }
  return { width, height, rgba };
}

/**
 * The logo fitted into its square of the knock-out (`area.logoX/logoY/logoSide`, in modules) at
 * `scale` pixels per module, keeping its aspect ratio and centred, as the SVG's
 * `preserveAspectRatio="xMidYMid meet"` draws it (rounded to whole pixels).
 */
export function logoWithin(image: RgbaImage, area: LogoArea, margin: number, scale: number): PlacedLogo {
  const box = area.logoSide * scale;
  const fit = Math.min(box / image.width, box / image.height);
  const width = Math.max(1, Math.round(image.width * fit));
  const height = Math.max(1, Math.round(image.height * fit));
  return {
    x: (area.logoX + margin) * scale + ((box - width) >> 1),
    y: (area.logoY + margin) * scale + ((box - height) >> 1),
    width,
    height,
    rgba: resample(image, width, height),
  };
}

/** For each output pixel along one axis: its first source pixel, and the weights of the source pixels from there. */
interface Taps {
  readonly first: Int32Array;
  readonly count: Int32Array;
  readonly weights: Float32Array;
  readonly stride: number;
}

/** Tent-filter taps from `from` pixels to `to` pixels (normalised to sum 1 per output pixel). */
function taps(from: number, to: number): Taps {
  const ratio = from / to;
  const radius = Math.max(1, ratio);
  const stride = Math.ceil(2 * radius) + 1;
  const first = new Int32Array(to);
  const count = new Int32Array(to);
  const weights = new Float32Array(to * stride);
  for (let i = 0; i < to; i++) {
    // The output pixel's centre, in source pixel coordinates (source pixel k is centred on k).
    const centre = (i + 0.5) * ratio - 0.5;
    // The source pixels strictly within the radius: the weight is 0 on its edge.
    const lo = Math.max(0, Math.floor(centre - radius) + 1);
    const hi = Math.min(from - 1, Math.ceil(centre + radius) - 1);
    let sum = 0;
    for (let k = lo; k <= hi; k++) {
      const w = Math.max(0, 1 - Math.abs(k - centre) / radius);
      weights[i * stride + k - lo] = w;
      sum += w;
    }
    if (sum === 0) {
      // Only at an edge, between pixel centres: the nearest source pixel.
      weights[i * stride] = 1;
      first[i] = Math.min(from - 1, Math.max(0, Math.round(centre)));
      count[i] = 1;
      continue;
    }
    for (let k = 0; k <= hi - lo; k++) weights[i * stride + k]! /= sum;
    first[i] = lo;
    count[i] = hi - lo + 1;
  }
  return { first, count, weights, stride };
}

/** `image` resampled to `width × height`, straight-alpha RGBA, filtered in premultiplied alpha. */
function resample(image: RgbaImage, width: number, height: number): Uint8Array {
  const { width: w, height: h, rgba } = image;
  // Premultiplied source: colour × alpha / 255, and alpha.
  const source = new Float32Array(w * h * 4);
  for (let i = 0; i < source.length; i += 4) {
    const a = rgba[i + 3]!;
    const f = a / 255;
    source[i] = rgba[i]! * f;
    source[i + 1] = rgba[i + 1]! * f;
    source[i + 2] = rgba[i + 2]! * f;
    source[i + 3] = a;
  }
  // Rows first (w → width), then columns (h → height); the channels written out, four at a time.
  const across = taps(w, width);
  const rows = new Float32Array(width * h * 4);
  for (let y = 0, at = 0; y < h; y++) {
    for (let x = 0; x < width; x++, at += 4) {
      let r = 0, g = 0, b = 0, a = 0;
      const count = across.count[x]!;
      let from = (y * w + across.first[x]!) * 4;
      for (let k = 0, t = x * across.stride; k < count; k++, t++, from += 4) {
        const weight = across.weights[t]!;
        r += weight * source[from]!;
        g += weight * source[from + 1]!;
        b += weight * source[from + 2]!;
        a += weight * source[from + 3]!;
      }
      rows[at] = r;
      rows[at + 1] = g;
      rows[at + 2] = b;
      rows[at + 3] = a;
    }
  }
  const down = taps(h, height);
  const out = new Uint8Array(width * height * 4);
  const rowLength = width * 4;
  for (let y = 0, at = 0; y < height; y++) {
    const count = down.count[y]!;
    const first = down.first[y]! * rowLength;
    for (let x = 0; x < width; x++, at += 4) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let k = 0, t = y * down.stride, from = first + x * 4; k < count; k++, t++, from += rowLength) {
        const weight = down.weights[t]!;
        r += weight * rows[from]!;
        g += weight * rows[from + 1]!;
        b += weight * rows[from + 2]!;
        a += weight * rows[from + 3]!;
      }
      if (a < 0.5) continue; // transparent: stays 0, 0, 0, 0
      const f = 255 / a;
      out[at] = Math.min(255, Math.round(r * f));
      out[at + 1] = Math.min(255, Math.round(g * f));
      out[at + 2] = Math.min(255, Math.round(b * f));
      out[at + 3] = Math.min(255, Math.round(a));
    }
  }
  return out;
}

/** Scanlines ready to deflate, and how to read them (IHDR's bit depth and colour type, PLTE, tRNS). */
export interface CompositeImage {
  readonly raw: Uint8Array;
  readonly bitDepth: number;
  readonly colorType: 2 | 3 | 6;
  readonly palette: Uint8Array | undefined;
  readonly transparency: Uint8Array | undefined;
}

/** The most colours a palette holds (§11.2.3). */
const PALETTE_LIMIT = 256;

/**
 * `logo` composited into `image` (a styled drawing `sidePx` square, `light` its light colour):
 * light, then the logo, then the ink that each pixel's palette entry says covers it.
 */
export function composite(image: IndexedImage, light: Rgba, sidePx: number, logo: PlacedLogo): CompositeImage {
  const { raw, bitDepth, levels } = image;
  const stride = rowStride(sidePx, bitDepth);
  const colors = image.colors.slice();
  const indexOf = new Map<number, number>();
  colors.forEach((color, i) => {
    if (!indexOf.has(colorKey(color))) indexOf.set(colorKey(color), i);
  });
  // The palette index of each logo pixel as composited; −1 where the logo is transparent.
  const { x: lx, y: ly, width, height, rgba } = logo;
  const logoIndex = new Int32Array(width * height).fill(-1);
  for (let j = 0, k = 0; j < height; j++) {
    for (let i = 0; i < width; i++, k++) {
      const alpha = rgba[4 * k + 3]!;
      if (alpha === 0) continue;
      const below = mix(light, { r: rgba[4 * k]!, g: rgba[4 * k + 1]!, b: rgba[4 * k + 2]!, a: 255 }, alpha / 255);
      const level = levels[readIndex(raw, stride, bitDepth, lx + i, ly + j)]!;
      const color = level.coverage === 0 ? below : mix(below, level.ink, level.coverage);
      const key = colorKey(color);
      let index = indexOf.get(key);
      if (index === undefined) {
        index = colors.push(color) - 1;
        indexOf.set(key, index);
      }
      logoIndex[k] = index;
    }
  }
  if (colors.length <= PALETTE_LIMIT) {
    const depth = paletteBitDepth(colors.length);
    const out = depth === bitDepth ? raw : repack(raw, sidePx, bitDepth, depth);
    const outStride = rowStride(sidePx, depth);
    for (let j = 0, k = 0; j < height; j++) {
      for (let i = 0; i < width; i++, k++) if (logoIndex[k]! >= 0) writeIndex(out, outStride, depth, lx + i, ly + j, logoIndex[k]!);
    }
    return { raw: out, bitDepth: depth, ...paletteChunks(colors) };
  }
  return truecolour(raw, sidePx, bitDepth, colors, logo, logoIndex);
}

/** Every pixel as its colour: RGB (colour type 2) when all are opaque, else RGBA (type 6); 8 bits a sample. */
function truecolour(raw: Uint8Array, sidePx: number, bitDepth: number, colors: readonly Rgba[], logo: PlacedLogo, logoIndex: Int32Array): CompositeImage {
  const opaque = colors.every((color) => color.a === 255);
  const channels = opaque ? 3 : 4;
  // Each colour as one big-endian word (R, G, B and A or 0), so that a pixel is one 4-byte write:
  // with 3 channels its fourth byte lands on the next pixel's first, which that pixel's write
  // then sets (and on a row's end, the next row's filter-type byte, None = 0, as it must be).
  const words = Uint32Array.from(colors, (color) => ((color.r << 24) | (color.g << 16) | (color.b << 8) | (channels === 4 ? color.a : 0)) >>> 0);
  const stride = 1 + sidePx * channels;
  const inStride = rowStride(sidePx, bitDepth);
  // One byte of slack for the last pixel's fourth byte; it is not part of the image.
  const buffer = new Uint8Array(stride * sidePx + 1);
  const mask = (1 << bitDepth) - 1;
  // Many pixel rows repeat (the rows of a module row, or its upper half mirrored): each row is
  // looked up by a hash of its bytes, and one seen before is copied rather than expanded again.
  const seen = new Map<number, number>();
  const rowBytes = inStride - 1;
  for (let y = 0; y < sidePx; y++) {
    const row = y * inStride + 1;
    const hash = rowHash(raw, row, rowBytes);
    const earlier = seen.get(hash);
    if (earlier !== undefined && sameBytes(raw, row, earlier * inStride + 1, rowBytes)) {
      buffer.copyWithin(y * stride, earlier * stride, (earlier + 1) * stride);
      continue;
    }
    seen.set(hash, y);
    let at = y * stride + 1;
    // The pixels a byte at a time, most significant bits first (§7.2).
    for (let b = 0, x = 0; x < sidePx; b++) {
      const byte = raw[row + b]!;
      for (let shift = 8 - bitDepth; shift >= 0 && x < sidePx; shift -= bitDepth, x++, at += channels) {
        const word = words[(byte >> shift) & mask]!;
        buffer[at] = word >>> 24;
        buffer[at + 1] = word >>> 16;
        buffer[at + 2] = word >>> 8;
        buffer[at + 3] = word;
      }
    }
  }
  // The logo's pixels byte by byte: a 4-byte write would spill onto a pixel written before it.
  for (let j = 0, k = 0; j < logo.height; j++) {
    for (let i = 0; i < logo.width; i++, k++) {
      const index = logoIndex[k]!;
      if (index < 0) continue;
      const color = colors[index]!;
      const at = (logo.y + j) * stride + 1 + (logo.x + i) * channels;
      buffer[at] = color.r;
      buffer[at + 1] = color.g;
      buffer[at + 2] = color.b;
      if (channels === 4) buffer[at + 3] = color.a;
    }
  }
  return { raw: buffer.subarray(0, stride * sidePx), bitDepth: 8, colorType: opaque ? 2 : 6, palette: undefined, transparency: undefined };
}

/** FNV-1a over `length` bytes from `at`: a key for finding rows alike, checked byte by byte after. */
function rowHash(raw: Uint8Array, at: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ raw[at + i]!, 0x01000193);
  return hash >>> 0;
}

/** Whether the `length` bytes at `a` and at `b` are equal. */
function sameBytes(raw: Uint8Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (raw[a + i] !== raw[b + i]) return false;
  return true;
}

/** One key per painted colour: every fully transparent colour is the same. */
function colorKey(color: Rgba): number {
  return color.a === 0 ? -1 : ((color.r << 24) | (color.g << 16) | (color.b << 8) | color.a) >>> 0;
}

/** Bytes per scanline of a palette image: the filter-type byte and the packed pixels (§7.2). */
function rowStride(sidePx: number, bitDepth: number): number {
  return 1 + ((sidePx * bitDepth + 7) >> 3);
}

/** The palette index of pixel (x, y), packed most significant bits first (§7.2). */
function readIndex(raw: Uint8Array, stride: number, bitDepth: number, x: number, y: number): number {
  const bit = x * bitDepth;
  return (raw[y * stride + 1 + (bit >> 3)]! >> (8 - bitDepth - (bit & 7))) & ((1 << bitDepth) - 1);
}

function writeIndex(raw: Uint8Array, stride: number, bitDepth: number, x: number, y: number, index: number): void {
  const bit = x * bitDepth;
  const at = y * stride + 1 + (bit >> 3);
  const shift = 8 - bitDepth - (bit & 7);
  raw[at] = (raw[at]! & ~(((1 << bitDepth) - 1) << shift)) | (index << shift);
}

/**
 * The scanlines at a larger bit depth (filter type None on every row, as they are made): each
 * byte becomes `to / from` bytes, looked up in a table of the 256 bytes' expansions.
 */
function repack(raw: Uint8Array, sidePx: number, from: number, to: number): Uint8Array {
  const ratio = to / from;
  const table = new Uint8Array(256 * ratio);
  const perByte = 8 / from;
  for (let byte = 0; byte < 256; byte++) {
    for (let p = 0; p < perByte; p++) {
      const index = (byte >> (8 - from * (p + 1))) & ((1 << from) - 1);
      const bit = p * to;
      table[byte * ratio + (bit >> 3)]! |= index << (8 - to - (bit & 7));
    }
  }
  const inStride = rowStride(sidePx, from);
  const outStride = rowStride(sidePx, to);
  const out = new Uint8Array(outStride * sidePx);
  for (let y = 0; y < sidePx; y++) {
    const row = y * inStride + 1;
    const end = (y + 1) * outStride;
    for (let b = 0, at = y * outStride + 1; b < inStride - 1; b++) {
      const byte = raw[row + b]!;
      if (byte === 0) {
        at += ratio;
        continue;
      }
      // The last byte's expansion may run past the row: those are padding pixels, light (0).
      for (let k = 0; k < ratio && at < end; k++) out[at++] = table[byte * ratio + k]!;
    }
  }
  return out;
}
