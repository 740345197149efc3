/**
 * Renderer: symbol → PNG file bytes. Clause numbers (§) are those of the PNG Specification,
 * Second Edition (W3C, 2003; the same text as ISO/IEC 15948:2004). Needs node:zlib, so it lives
 * apart from the browser entry: 'qr-core/png', and 'qr-core' under the `node` condition.
 * Level: takes a {@link QrSymbol} from `encode`; see `svg.ts` and `terminal.ts` for the other renderers.
 *
 * The smallest file that shows the symbol exactly: every pixel is one of two colours, so the
 * image is always 1 bit per pixel —
 * - greyscale (colour type 0) when each colour is opaque black, opaque white or fully transparent
 *   (then a 2-byte tRNS names the transparent grey level);
 * - otherwise a 2-entry palette (colour type 3, PLTE) with a tRNS of alpha values when a colour
 *   is not opaque, ordered so that the tRNS is as short as it can be.
 */

import * as zlib from 'node:zlib';
import type { ZlibOptions } from 'node:zlib';
import type { Rgba } from './color.js';
import { QrError } from './errors.js';
import { drawingOptions, imageSidePx, largestScale, MAX_IMAGE_SIDE_PX, scaleOption, type DrawingOptions } from './render-options.js';
import { forEachDarkRun, type QrSymbol } from './symbol.js';

export interface PngOptions extends DrawingOptions {
  /** Pixels per module, 1..100 and what keeps the image within {@link MAX_IMAGE_SIDE_PX}; default 10. */
  scale?: number;
}

/**
 * Renders `qr` as a PNG file. Throws `QrError('INVALID_OPTION')` on a bad option and
 * `QrError('IMAGE_TOO_LARGE')` when a side would exceed {@link MAX_IMAGE_SIDE_PX}.
 */
export function toPNG(qr: QrSymbol, options: PngOptions = {}): Uint8Array {
  const { margin, dark, light } = drawingOptions(options);
  const scale = scaleOption(options.scale);
  const sidePx = imageSidePx(qr, { scale, margin });
  if (sidePx > MAX_IMAGE_SIDE_PX) {
    throw new QrError(
      'IMAGE_TOO_LARGE',
      `the PNG would be ${sidePx} × ${sidePx} px (${qr.size + 2 * margin} modules with the margin × scale ${scale}); ` +
        `the limit is ${MAX_IMAGE_SIDE_PX} px per side: use a scale of at most ${largestScale(qr, { margin })}` +
        ' or ask for an SVG, which scales to any size',
    );
  }

  const colors = colorModel(dark, light);
  const raw = scanlines(qr, scale, margin, colors.darkBit);
  const idat = zlib.deflateSync(raw, deflateOptions(raw.length));
  return assemble(sidePx, colors, idat);
}

// ---------------------------------------------------------------------------------------------
// Colour model

interface ColorModel {
  /** 0 greyscale, 3 palette (PNG §11.2.2, IHDR). */
  readonly colorType: 0 | 3;
  /** The sample value (grey level or palette index) of dark pixels; light pixels are the other. */
  readonly darkBit: 0 | 1;
  /** PLTE contents (palette only): RGB triples for index 0 and 1. */
  readonly palette: Uint8Array | undefined;
  /** tRNS contents, when some colour is not opaque (PNG §11.3.2.1). */
  readonly transparency: Uint8Array | undefined;
}

/** Grey level 0 or 1 of an opaque black or white, at bit depth 1; undefined for any other colour. */
function greyLevel(color: Rgba): 0 | 1 | undefined {
  if (color.a !== 255) return undefined;
  if (color.r === 0 && color.g === 0 && color.b === 0) return 0;
  if (color.r === 255 && color.g === 255 && color.b === 255) return 1;
  return undefined;
}

function colorModel(dark: Rgba, light: Rgba): ColorModel {
  const darkGrey = greyLevel(dark);
  const lightGrey = greyLevel(light);
  if (darkGrey !== undefined && lightGrey !== undefined && darkGrey !== lightGrey) {
    return { colorType: 0, darkBit: darkGrey, palette: undefined, transparency: undefined };
  }
  // Black or white on a fully transparent colour: the transparent one takes the other grey level,
  // named by a 2-byte tRNS (PNG §11.3.2.1) — 17 bytes less than PLTE + tRNS.
  if (darkGrey !== undefined && light.a === 0) {
    return { colorType: 0, darkBit: darkGrey, palette: undefined, transparency: greyTransparency(1 - darkGrey) };
  }
  if (lightGrey !== undefined && dark.a === 0) {
    const darkBit = lightGrey === 1 ? 0 : 1;
    return { colorType: 0, darkBit, palette: undefined, transparency: greyTransparency(darkBit) };
  }
  // tRNS may stop before the palette's end (missing entries are opaque), so a lone translucent
  // colour goes to index 0 and the tRNS is one byte.
  const darkBit = dark.a !== 255 && light.a === 255 ? 0 : 1;
  const [first, second] = darkBit === 1 ? [light, dark] : [dark, light];
  const palette = Uint8Array.of(first.r, first.g, first.b, second.r, second.g, second.b);
  const transparency =
    second.a !== 255 ? Uint8Array.of(first.a, second.a) : first.a !== 255 ? Uint8Array.of(first.a) : undefined;
  return { colorType: 3, darkBit, palette, transparency };
}

function greyTransparency(level: number): Uint8Array {
  return Uint8Array.of(0, level);
}

// ---------------------------------------------------------------------------------------------
// Scanlines

/**
 * The filtered image data (PNG §7.2, §9): per pixel row a filter-type byte and the row's bits,
 * most significant bit first, padding bits at the end of a row set like light pixels.
 *
 * Every row has filter None and the `scale` rows of a module row are byte-for-byte copies. Of
 * the alternatives measured (see {@link deflateOptions}), None + copies gave the smallest files:
 * deflate codes each copy as one or two long matches at a distance of one row, whereas Up-filtered
 * copies (all zero bytes) made zlib's matcher walk long hash chains of zero runs — 5 to 10 times
 * slower at the same size — and Sub only made the first row of a group harder to compress.
 */
function scanlines(qr: QrSymbol, scale: number, margin: number, darkBit: 0 | 1): Uint8Array {
  const size = qr.size;
  const sidePx = (size + 2 * margin) * scale;
  const rowBytes = (sidePx + 7) >> 3;
  const stride = rowBytes + 1;
  const lightByte = darkBit === 1 ? 0x00 : 0xff;
  const data = new Uint8Array(stride * sidePx);
  if (lightByte !== 0) data.fill(lightByte);

  const marginRows = margin * scale;
  // Filter-type bytes (None = 0) of the quiet zone rows; the rest is already light.
  for (let y = 0; y < marginRows; y++) {
    data[y * stride] = 0;
    data[(sidePx - 1 - y) * stride] = 0;
  }
  for (let moduleY = 0; moduleY < size; moduleY++) {
    const rowStart = (marginRows + moduleY * scale) * stride;
    data[rowStart] = 0;
    forEachDarkRun(qr, moduleY, (start, end) => flipBits(data, rowStart + 1, (start + margin) * scale, (end + margin) * scale));
    // Double the copied block each time: log2(scale) copies instead of scale - 1.
    for (let copied = 1; copied < scale; copied *= 2) {
      const count = Math.min(copied, scale - copied);
      data.copyWithin(rowStart + copied * stride, rowStart, rowStart + count * stride);
    }
  }
  return data;
}

/** Inverts the bits of pixels start..end-1 (end exclusive) in the row whose first data byte is at `row`. */
function flipBits(data: Uint8Array, row: number, start: number, end: number): void {
  const first = row + (start >> 3);
  const last = row + ((end - 1) >> 3);
  const headMask = 0xff >> (start & 7);
  const tailMask = (0xff00 >> (((end - 1) & 7) + 1)) & 0xff;
  if (first === last) {
    data[first] ^= headMask & tailMask;
    return;
  }
  data[first] ^= headMask;
  // The whole bytes between hold light pixels only (runs never overlap), so they can be set.
  data.fill(data[first + 1]! ^ 0xff, first + 1, last);
  data[last] ^= tailMask;
}

// ---------------------------------------------------------------------------------------------
// Compression

/**
 * zlib settings, chosen by measurement (a throwaway sweep over level 1..9, windowBits 9..15,
 * memLevel 1..9, default and filtered strategies, Up-filtered or copied rows; Node 20.20 on
 * 2 shared cores; CPU µs per deflateSync, the best of several runs). For the reference symbol
 * (version 3, https://example.com/products/12345?ref=qr, ECL M, scale 10, margin 4: 370 × 370 px,
 * 17,760 bytes of scanlines), whole PNG:
 *   level 1..3, any window      696..850 B   27..30 µs  greedy matching codes the unique rows poorly
 *   level 4, window 2^15        532 B        73 µs
 *   level 6, window 2^11        492 B       106 µs      ← chosen
 *   level 9, window 2^9         475 B       145 µs
 *   level 9, window 2^15        508 B       480 µs      long hash chains over the copied rows
 *   Up-filtered copies, level 9 489 B       800 µs      chains of zero runs
 * From level 4 up (zlib's lazy matcher) deflate spends about 6 ns on every input byte whatever it
 * holds — 17,760 zero bytes take as long as the image — so about 100 µs is the floor here for any
 * setting that stays under 500 bytes; only levels 1..3 skip that work, and they cost 200 bytes.
 * Level 6 is where lazy matching pays for itself; above it the time grows faster than the file
 * shrinks. The window: on small images a 2 KiB window gave smaller files than 32 KiB (the copies
 * are one row back, and shorter chains make the lazy matcher settle on them), while from about
 * 32 KiB of scanlines the full window wins, by 0.5 % at version 10 and 6 to 11 % at versions
 * 25 and 40 (1,228 / 4,573 / 9,699 B at scale 10), where far module rows repeat.
 */
function deflateOptions(scanlineBytes: number): ZlibOptions {
  return { level: 6, windowBits: scanlineBytes <= 32768 ? 11 : 15, memLevel: 8 };
}

// ---------------------------------------------------------------------------------------------
// File layout

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** Length, type and CRC around each chunk's data (PNG §5.3). */
const CHUNK_OVERHEAD = 12;

function assemble(sidePx: number, colors: ColorModel, idat: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, sidePx);
  view.setUint32(4, sidePx);
  ihdr[8] = 1; // bit depth
  ihdr[9] = colors.colorType;
  // Compression method 0, filter method 0, no interlace (bytes 10..12 stay 0).

  const chunks: [string, Uint8Array][] = [['IHDR', ihdr]];
  if (colors.palette) chunks.push(['PLTE', colors.palette]);
  if (colors.transparency) chunks.push(['tRNS', colors.transparency]);
  chunks.push(['IDAT', idat], ['IEND', new Uint8Array(0)]);

  let total = PNG_SIGNATURE.length;
  for (const [, body] of chunks) total += CHUNK_OVERHEAD + body.length;
  const file = new Uint8Array(total);
  const fileView = new DataView(file.buffer);
  file.set(PNG_SIGNATURE, 0);
  let at = PNG_SIGNATURE.length;
  for (const [type, body] of chunks) {
    fileView.setUint32(at, body.length);
    for (let i = 0; i < 4; i++) file[at + 4 + i] = type.charCodeAt(i);
    file.set(body, at + 8);
    // The CRC covers the chunk type and data, not the length (PNG §5.3).
    fileView.setUint32(at + 8 + body.length, crc32(file.subarray(at + 4, at + 8 + body.length)));
    at += CHUNK_OVERHEAD + body.length;
  }
  return file;
}

/**
 * CRC-32 of ISO 3309 / ITU-T V.42 as PNG uses it (PNG Annex D). node:zlib has it from Node
 * 20.15; older Node 20 releases get the table-driven version below.
 */
const crc32: (data: Uint8Array) => number =
  typeof zlib.crc32 === 'function' ? (data) => zlib.crc32(data) : tableCrc32;

let crcTable: Uint32Array | undefined;

/** The fallback CRC-32, exported so that tests check it against node:zlib's. */
export function tableCrc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
