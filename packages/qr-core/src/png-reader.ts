/**
 * PNG file bytes → 8-bit RGBA pixels, for logos: the reader behind the PNG renderer's logo
 * option. Clause numbers (§) are those of the PNG Specification, Second Edition (W3C, 2003; the
 * same text as ISO/IEC 15948:2004), as in `png.ts`. Needs node:zlib, so, like `png.ts`, it is
 * never imported by the browser entry.
 *
 * A logo is an uploaded file, so the input is hostile until proven otherwise:
 * - every byte is checked: the signature, each chunk's length, type and CRC, the order of the
 *   critical chunks and tRNS, every IHDR field, the PLTE and tRNS contents, the zlib stream
 *   (its Adler-32 included), each filter-type byte and each palette index. Any fault is a
 *   `QrError('INVALID_LOGO')` whose message says what is wrong and what to do; nothing is
 *   guessed or repaired (clause 13 lets a decoder recover from some errors; a logo upload is
 *   better refused than drawn wrong).
 * - memory is bounded before any work: the file is at most {@link MAX_LOGO_BYTES}, the image at
 *   most {@link MAX_LOGO_PIXELS} (checked as soon as IHDR is read, before anything is inflated),
 *   and the image data is inflated with zlib's output capped at exactly the size IHDR implies, so
 *   a decompression bomb is stopped after at most that many bytes, never expanded.
 *
 * Everything PNG allows is read: colour types 0, 2, 3, 4 and 6 at every bit depth each allows
 * (§11.2.2 Table 11.1), PLTE, tRNS, the five filter types (§9.2) and Adam7 interlacing (§8.2).
 * Ancillary chunks other than tRNS (gAMA, cHRM, sRGB, iCCP, sBIT, bKGD, pHYs, text, APNG's
 * frames, …) are checked for a sound chunk layout and CRC, then skipped: in particular no gamma
 * or colour-space conversion is applied — the samples are returned as stored, which for the
 * sRGB files that logo tools write is what the QR code's own colours mean too.
 */

import * as zlib from 'node:zlib';
import { crc32 } from './crc32.js';
import { QrError } from './errors.js';
import { MAX_LOGO_BYTES } from './logo-image.js';
import { integerOption } from './options.js';
import { LOGO_PIXELS_CEILING } from './png-limits.js';

/**
 * The most pixels a logo may have, by default: 1024 × 1024 (or any shape of that area). First
 * the memory: one decode holds at most about 13 MiB whatever the file says — up to 8 MiB of
 * inflated scanlines (16-bit RGBA is 8 bytes a pixel) and 4 MiB of RGBA output — so a server
 * decoding several uploads at once stays bounded. And it is more detail than a QR code shows:
 * a logo covers a small central part of the symbol (a third of its side is already a lot for
 * ECL H), which at the default 10 px per module is a few hundred pixels.
 */
export const MAX_LOGO_PIXELS = 1024 * 1024;

/** The most that `maxPixels` may be raised to (4096 × 4096): in a module of its own, which the portable PNG writer shares. */
export { LOGO_PIXELS_CEILING };

/** The most that `maxBytes` may be raised to: 16 MiB (the file is held in memory twice at most). */
export const LOGO_BYTES_CEILING = 16 * 1024 * 1024;

export interface PngReadLimits {
  /** The largest file accepted, in bytes: 1..{@link LOGO_BYTES_CEILING}; default {@link MAX_LOGO_BYTES}. */
  maxBytes?: number;
  /** The most pixels (width × height) accepted: 1..{@link LOGO_PIXELS_CEILING}; default {@link MAX_LOGO_PIXELS}. */
  maxPixels?: number;
}

/** A decoded image: `width × height` pixels, row-major, 4 bytes each (R, G, B, A; 8 bits, not premultiplied). */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/**
 * Decodes a PNG file into 8-bit RGBA. Samples of other depths are rescaled to 8 bits as §13.12
 * describes (rounded to the nearest); tRNS becomes the alpha channel. Throws
 * `QrError('INVALID_LOGO')` for anything that is not a valid PNG within the limits, and
 * `QrError('INVALID_OPTION')` for bad `limits`.
 */
export function readPng(bytes: Uint8Array, limits: PngReadLimits = {}): RgbaImage {
  if (typeof limits !== 'object' || limits === null) {
    throw new QrError('INVALID_OPTION', `limits must be an object; got ${String(limits)}`);
  }
  const maxBytes = integerOption('maxBytes', limits.maxBytes, 1, LOGO_BYTES_CEILING, MAX_LOGO_BYTES);
  const maxPixels = integerOption('maxPixels', limits.maxPixels, 1, LOGO_PIXELS_CEILING, MAX_LOGO_PIXELS);
  if (!(bytes instanceof Uint8Array)) {
    throw new QrError('INVALID_LOGO', `the logo must be a Uint8Array holding a PNG file; got ${describeValue(bytes)}`);
  }
  checkSignature(bytes);
  if (bytes.length > maxBytes) {
    throw new QrError(
      'INVALID_LOGO',
      `the logo is ${bytes.length} bytes; the limit is ${maxBytes} bytes (${formatKiB(maxBytes)}): ` +
        'make the file smaller (fewer pixels or colours, no metadata) or use an SVG logo with SVG output',
    );
  }
  const png = readChunks(bytes, maxPixels);
  const raw = inflateImageData(png);
  return decodePixels(png, raw);
}

// ---------------------------------------------------------------------------------------------
// Messages

/** A file that breaks a rule of the format: it was written wrong, so it must be written again. */
function invalid(detail: string): QrError {
  return new QrError('INVALID_LOGO', `the logo is not a valid PNG file: ${detail}; save it again as PNG (any image editor can) and upload that`);
}

/** A file whose bytes were damaged after it was written. */
function corrupt(detail: string): QrError {
  return new QrError('INVALID_LOGO', `the logo PNG file is corrupt: ${detail}; upload an intact copy of the file`);
}

function truncated(detail: string, length: number): QrError {
  return new QrError('INVALID_LOGO', `the logo PNG file is cut short: ${detail} (the file is ${length} bytes); upload the whole file`);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'an object';
  return typeof value;
}

/** "1 byte", "2 bytes". */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatKiB(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** A chunk type as text (its four bytes are letters: checked before this is called). */
function chunkName(type: number): string {
  return String.fromCharCode(type >>> 24, (type >>> 16) & 0xff, (type >>> 8) & 0xff, type & 0xff);
}

// ---------------------------------------------------------------------------------------------
// Signature (§5.2)

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** Formats a logo upload is often given in instead, by their first bytes. */
const OTHER_FORMATS: readonly { name: string; test: (bytes: Uint8Array) => boolean }[] = [
  { name: 'JPEG', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { name: 'GIF', test: (b) => ascii(b, 0, 4) === 'GIF8' },
  { name: 'WebP', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP' },
  { name: 'BMP', test: (b) => ascii(b, 0, 2) === 'BM' },
  { name: 'TIFF', test: (b) => ascii(b, 0, 4) === 'II*\0' || ascii(b, 0, 4) === 'MM\0*' },
  { name: 'ICO', test: (b) => b[0] === 0 && b[1] === 0 && b[2] === 1 && b[3] === 0 },
  { name: 'AVIF or HEIC', test: (b) => ascii(b, 4, 4) === 'ftyp' },
  { name: 'PDF', test: (b) => ascii(b, 0, 5) === '%PDF-' },
  // SVG and other text: after an optional UTF-8 byte order mark and white space, '<'.
  { name: 'SVG or other XML/HTML text', test: (b) => /^(\uFEFF|\u00EF\u00BB\u00BF)?\s*</.test(ascii(b, 0, Math.min(b.length, 64))) },
];

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function checkSignature(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new QrError('INVALID_LOGO', 'the logo is empty (0 bytes): upload a PNG file');
  const head = bytes.subarray(0, SIGNATURE.length);
  if (head.every((byte, i) => byte === SIGNATURE[i])) {
    if (head.length < SIGNATURE.length) throw truncated('it ends inside the PNG signature', bytes.length);
    return;
  }
  // "\x89PNG" and then something else: the bytes that detect a text-mode transfer (§5.2, the
  // CR-LF, the end-of-file and the LF) were changed.
  if (head.length >= 4 && head[0] === 0x89 && ascii(head, 1, 3) === 'PNG') {
    throw new QrError(
      'INVALID_LOGO',
      `the logo's PNG signature is damaged (${hex(head)} instead of ${hex(SIGNATURE)}): the file was altered in ` +
        'transfer, as a text-mode transfer does to line endings; upload the original file unchanged, as binary',
    );
  }
  const known = OTHER_FORMATS.find((format) => format.test(bytes));
  const what = known ? `${hex(head.subarray(0, 4))}, as ${known.name} files do` : `the bytes ${hex(head)}`;
  throw new QrError(
    'INVALID_LOGO',
    `the logo is not a PNG file (it starts with ${what}); PNG output takes PNG logos, SVG output also takes JPEG, WebP and SVG`,
  );
}

// ---------------------------------------------------------------------------------------------
// Chunks (§5.3 layout, §5.4 naming, §5.5 CRC, §5.6 ordering)

const IHDR = 0x49484452;
const PLTE = 0x504c5445;
const IDAT = 0x49444154;
const IEND = 0x49454e44;
const TRNS = 0x74524e53;

/** PNG four-byte unsigned integers stop at 2^31 − 1 (§7.1, "PNG four-byte unsigned integer"). */
const MAX_PNG_UINT = 0x7fffffff;

const COLOR_TYPE_NAMES: Record<number, string> = {
  0: 'greyscale',
  2: 'truecolour',
  3: 'indexed-colour',
  4: 'greyscale with alpha',
  6: 'truecolour with alpha',
};

/** The bit depths each colour type allows (§11.2.2, Table 11.1). */
const ALLOWED_BIT_DEPTHS: Record<number, readonly number[] | undefined> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** Samples per pixel of each colour type (§6.1, §7.2). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

interface Header {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlaced: boolean;
}

interface ParsedPng {
  readonly header: Header;
  /** PLTE's RGB triples (also kept, and ignored, as a suggested palette in colour types 2 and 6). */
  readonly palette: Uint8Array | undefined;
  /** tRNS's contents (§11.3.2.1). */
  readonly transparency: Uint8Array | undefined;
  /** The IDAT chunks' data, in order: together one zlib datastream (§10.1, §11.2.4). */
  readonly idat: readonly Uint8Array[];
  readonly idatLength: number;
  /** Total bytes of filtered scanlines that IHDR implies (§7.2, §8.2). */
  readonly expectedRawBytes: number;
}

/**
 * Walks the chunks from the signature to IEND, checking each one's layout and CRC and the order
 * of the chunks that matter; IHDR's fields and the pixel limit are checked as soon as IHDR is
 * read, so an image too large is refused before anything else is looked at.
 */
function readChunks(bytes: Uint8Array, maxPixels: number): ParsedPng {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Header | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  let idatLength = 0;
  /** The IDAT chunks have begun; a later non-IDAT chunk ends them (they must be consecutive). */
  let idatState: 'before' | 'inside' | 'after' = 'before';
  let previous = 'the PNG signature';
  let at = SIGNATURE.length;

  for (;;) {
    if (at === bytes.length) {
      throw truncated(`it ends after ${previous}, without the IEND chunk that closes every PNG file`, bytes.length);
    }
    if (at + 8 > bytes.length) throw truncated(`it ends inside the header of the chunk after ${previous}, at byte ${at}`, bytes.length);
    const length = view.getUint32(at);
    const type = view.getUint32(at + 4);
    const typeBytes = bytes.subarray(at + 4, at + 8);
    if (!typeBytes.every(isLetter)) {
      throw corrupt(`where the chunk after ${previous} should start (byte ${at}) there is no chunk type but the bytes ${hex(typeBytes)} (a chunk type is four ASCII letters)`);
    }
    const name = chunkName(type);
    if (length > MAX_PNG_UINT) throw corrupt(`the ${name} chunk at byte ${at} declares a length of ${length} bytes, more than a PNG chunk can hold (2^31 − 1)`);
    if (at + 12 + length > bytes.length) {
      throw truncated(`it ends inside the ${name} chunk at byte ${at}, which declares ${count(length, 'byte')} of data`, bytes.length);
    }
    const data = bytes.subarray(at + 8, at + 8 + length);
    const storedCrc = view.getUint32(at + 8 + length);
    const actualCrc = crc32(bytes.subarray(at + 4, at + 8 + length));
    if (storedCrc !== actualCrc) {
      throw corrupt(
        `the CRC of the ${name} chunk at byte ${at} is ${hex32(storedCrc)}, but its contents give ${hex32(actualCrc)} (§5.5)`,
      );
    }

    if (header === undefined && type !== IHDR) throw invalid(`its first chunk is ${name}, but a PNG file starts with IHDR (§5.6)`);
    if (idatState === 'inside' && type !== IDAT) idatState = 'after';

    switch (type) {
      case IHDR:
        if (header !== undefined) throw invalid('it has a second IHDR chunk; there is exactly one, first (§5.6)');
        header = readHeader(data, maxPixels);
        break;
      case PLTE:
        palette = readPalette(data, header!, palette !== undefined, idatState !== 'before', transparency !== undefined);
        break;
      case TRNS:
        transparency = readTransparency(data, header!, palette, transparency !== undefined, idatState !== 'before');
        break;
      case IDAT:
        if (idatState === 'after') throw invalid('its IDAT chunks are not consecutive: other chunks come between them (§5.6)');
        if (idatState === 'before' && header!.colorType === 3 && palette === undefined) {
          throw invalid('it is an indexed-colour image without a PLTE chunk (the palette) before its image data (§11.2.3)');
        }
        idatState = 'inside';
        idat.push(data);
        idatLength += length;
        break;
      case IEND: {
        if (length !== 0) throw invalid(`its IEND chunk has ${count(length, 'byte')} of data; IEND is empty (§11.2.5)`);
        if (idatState === 'before') throw invalid('it has no image data: no IDAT chunk comes before IEND (§5.6)');
        const end = at + 12;
        if (end !== bytes.length) {
          const extra = bytes.length - end;
          throw invalid(`${count(extra, 'byte')} ${extra === 1 ? 'follows' : 'follow'} its IEND chunk, which ends a PNG file (§5.6)`);
        }
        return { header: header!, palette, transparency, idat, idatLength, expectedRawBytes: rawBytes(header!) };
      }
      default:
        // Bit 5 of the first type byte clear (an upper-case letter) marks a critical chunk (§5.4):
        // one this reader does not know means it cannot show the image.
        if ((typeBytes[0]! & 0x20) === 0) {
          throw invalid(`it has a critical chunk ${name} that PNG (Second Edition) does not define (§5.4)`);
        }
      // An ancillary chunk: skipped (see the module comment).
    }
    previous = `the ${name} chunk at byte ${at}`;
    at += 12 + length;
  }
}

function isLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

function hex32(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** IHDR (§11.2.2): 13 bytes, every field checked, and the pixel limit. */
function readHeader(data: Uint8Array, maxPixels: number): Header {
  if (data.length !== 13) throw invalid(`its IHDR chunk is ${count(data.length, 'byte')}; IHDR is 13 bytes (§11.2.2)`);
  const view = new DataView(data.buffer, data.byteOffset, 13);
  const width = view.getUint32(0);
  const height = view.getUint32(4);
  const bitDepth = data[8]!;
  const colorType = data[9]!;
  const compression = data[10]!;
  const filter = data[11]!;
  const interlace = data[12]!;
  if (width === 0 || height === 0 || width > MAX_PNG_UINT || height > MAX_PNG_UINT) {
    throw invalid(`IHDR gives a size of ${width} × ${height} px; each side is 1 to 2^31 − 1 (§11.2.2)`);
  }
  const allowed = ALLOWED_BIT_DEPTHS[colorType];
  if (allowed === undefined) throw invalid(`IHDR gives colour type ${colorType}; PNG has 0, 2, 3, 4 and 6 (§11.2.2)`);
  if (!allowed.includes(bitDepth)) {
    throw invalid(
      `IHDR gives bit depth ${bitDepth} for colour type ${colorType} (${COLOR_TYPE_NAMES[colorType]}), which allows ${allowed.join(', ')} (§11.2.2)`,
    );
  }
  if (compression !== 0) throw invalid(`IHDR gives compression method ${compression}; PNG defines only 0, deflate (§10.1)`);
  if (filter !== 0) throw invalid(`IHDR gives filter method ${filter}; PNG defines only 0, adaptive filtering (§9.1)`);
  if (interlace !== 0 && interlace !== 1) throw invalid(`IHDR gives interlace method ${interlace}; PNG defines 0 (none) and 1 (Adam7) (§8.2)`);
  // Refused here, before the image data is even found: nothing is allocated for a size
  // the file merely declares.
  // IMAGE_TOO_LARGE, not INVALID_LOGO: the file may be sound, it only asks for more than the limit.
  if (width * height > maxPixels) {
    throw new QrError(
      'IMAGE_TOO_LARGE',
      `the logo is ${width} × ${height} px (${width * height} pixels); the limit is ${maxPixels} pixels` +
        `${maxPixels === MAX_LOGO_PIXELS ? ' (1024 × 1024)' : ''}: scale it down (a logo covers a small part of the code; 512 × 512 is plenty)`,
    );
  }
  return { width, height, bitDepth, colorType, interlaced: interlace === 1 };
}

/** PLTE (§11.2.3) and its place (§5.6: one, after IHDR, before tRNS and IDAT; none in greyscale). */
function readPalette(data: Uint8Array, header: Header, seen: boolean, afterIdat: boolean, afterTrns: boolean): Uint8Array {
  const { colorType, bitDepth } = header;
  if (colorType === 0 || colorType === 4) {
    throw invalid(`it has a PLTE chunk in a ${COLOR_TYPE_NAMES[colorType]} image, where PLTE is not allowed (§11.2.3)`);
  }
  if (seen) throw invalid('it has a second PLTE chunk; there is at most one (§5.6)');
  if (afterIdat) throw invalid('its PLTE chunk comes after the image data; PLTE comes before the first IDAT (§5.6)');
  if (afterTrns) throw invalid('its PLTE chunk comes after tRNS; PLTE comes first (§5.6)');
  if (data.length === 0 || data.length % 3 !== 0 || data.length > 768) {
    throw invalid(`its PLTE chunk is ${count(data.length, 'byte')}; a palette is 1 to 256 RGB entries of 3 bytes (§11.2.3)`);
  }
  const entries = data.length / 3;
  if (colorType === 3 && entries > 1 << bitDepth) {
    throw invalid(`its palette has ${entries} entries, more than bit depth ${bitDepth} can index (${1 << bitDepth}) (§11.2.3)`);
  }
  return data;
}

/** tRNS (§11.3.2.1) and its place (§5.6: one, after PLTE, before IDAT; none with an alpha channel). */
function readTransparency(data: Uint8Array, header: Header, palette: Uint8Array | undefined, seen: boolean, afterIdat: boolean): Uint8Array {
  const { colorType, bitDepth } = header;
  if (colorType === 4 || colorType === 6) {
    throw invalid(`it has a tRNS chunk in a ${COLOR_TYPE_NAMES[colorType]} image, which has an alpha channel instead (§11.3.2.1)`);
  }
  if (seen) throw invalid('it has a second tRNS chunk; there is at most one (§5.6)');
  if (afterIdat) throw invalid('its tRNS chunk comes after the image data; tRNS comes before the first IDAT (§5.6)');
  if (colorType === 3) {
    if (palette === undefined) throw invalid('its tRNS chunk comes before PLTE; in an indexed-colour image tRNS follows the palette (§5.6)');
    const entries = palette.length / 3;
    if (data.length === 0 || data.length > entries) {
      throw invalid(`its tRNS chunk has ${count(data.length, 'alpha value')} for a palette of ${count(entries, 'entry', 'entries')}; it has 1 to ${entries} (§11.3.2.1)`);
    }
    return data;
  }
  const size = colorType === 0 ? 2 : 6;
  if (data.length !== size) throw invalid(`its tRNS chunk is ${count(data.length, 'byte')}; in a ${COLOR_TYPE_NAMES[colorType]} image it is ${size} (§11.3.2.1)`);
  const max = 2 ** bitDepth - 1;
  for (let i = 0; i < size; i += 2) {
    const value = (data[i]! << 8) | data[i + 1]!;
    if (value > max) {
      throw invalid(`its tRNS chunk names the sample value ${value}, which bit depth ${bitDepth} cannot hold (0 to ${max}) (§11.3.2.1)`);
    }
  }
  return data;
}

// ---------------------------------------------------------------------------------------------
// Image data sizes (§7.2 scanlines, §8.2 Adam7)

interface Pass {
  readonly x0: number;
  readonly y0: number;
  readonly dx: number;
  readonly dy: number;
}

/** Adam7's seven passes (§8.2): the first column and row, and the step between them. */
const ADAM7: readonly Pass[] = [
  { x0: 0, y0: 0, dx: 8, dy: 8 },
  { x0: 4, y0: 0, dx: 8, dy: 8 },
  { x0: 0, y0: 4, dx: 4, dy: 8 },
  { x0: 2, y0: 0, dx: 4, dy: 4 },
  { x0: 0, y0: 2, dx: 2, dy: 4 },
  { x0: 1, y0: 0, dx: 2, dy: 2 },
  { x0: 0, y0: 1, dx: 1, dy: 2 },
];
const WHOLE_IMAGE: readonly Pass[] = [{ x0: 0, y0: 0, dx: 1, dy: 1 }];

/** A pass's reduced image: columns and rows (0 when the image is too small to have any, §8.2). */
function passSize(header: Header, pass: Pass): { columns: number; rows: number } {
  const columns = header.width > pass.x0 ? Math.ceil((header.width - pass.x0) / pass.dx) : 0;
  const rows = header.height > pass.y0 ? Math.ceil((header.height - pass.y0) / pass.dy) : 0;
  return columns === 0 || rows === 0 ? { columns: 0, rows: 0 } : { columns, rows };
}

function bitsPerPixel(header: Header): number {
  return CHANNELS[header.colorType]! * header.bitDepth;
}

/** Bytes of one scanline's pixels, without its filter-type byte (§7.2: rows start on byte boundaries). */
function rowBytes(header: Header, columns: number): number {
  return Math.ceil((columns * bitsPerPixel(header)) / 8);
}

/** The filtered image data's size: each non-empty pass's rows, each with a filter-type byte (§7.3). */
function rawBytes(header: Header): number {
  let total = 0;
  for (const pass of header.interlaced ? ADAM7 : WHOLE_IMAGE) {
    const { columns, rows } = passSize(header, pass);
    if (rows > 0) total += rows * (1 + rowBytes(header, columns));
  }
  return total;
}

function describeImage(header: Header): string {
  return (
    `IHDR's ${header.width} × ${header.height} px ${COLOR_TYPE_NAMES[header.colorType]} image at bit depth ${header.bitDepth}` +
    `${header.interlaced ? ', interlaced,' : ''}`
  );
}

// ---------------------------------------------------------------------------------------------
// Decompression (§10.1: one zlib datastream across the IDAT chunks)

/**
 * Inflates the IDAT data to exactly the size IHDR implies, or throws. zlib stops with an error
 * as soon as its output would pass `maxOutputLength`, so a bomb costs at most that many bytes
 * (the output buffer is one chunk of that size: no growth, no copies).
 */
function inflateImageData(png: ParsedPng): Uint8Array {
  const expected = png.expectedRawBytes;
  const stream = png.idat.length === 1 ? png.idat[0]! : concat(png.idat, png.idatLength);
  let result: { buffer: Buffer; engine: zlib.Inflate };
  try {
    // `info: true` also returns the engine, whose bytesWritten is the input zlib consumed.
    result = zlib.inflateSync(stream, {
      maxOutputLength: expected,
      chunkSize: Math.max(64, expected + 1),
      info: true,
    }) as unknown as { buffer: Buffer; engine: zlib.Inflate };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw invalid(`its image data inflates to more than the ${expected} bytes of scanlines that ${describeImage(png.header)} has (§7.2)`);
    }
    if (code === 'Z_BUF_ERROR') {
      throw corrupt(`its compressed image data stops before the end of the zlib stream (${png.idatLength} bytes of IDAT data; ${expected} bytes of scanlines expected)`);
    }
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw corrupt(`its compressed image data is not a valid zlib stream (zlib: ${(error as Error).message}) (§10.1)`);
    }
    throw error;
  }
  const raw = result.buffer;
  if (raw.length !== expected) {
    throw invalid(`its image data inflates to ${raw.length} bytes, but ${describeImage(png.header)} has ${expected} bytes of scanlines (§7.2)`);
  }
  const consumed = result.engine.bytesWritten;
  if (consumed !== stream.length) {
    const extra = stream.length - consumed;
    throw invalid(`${count(extra, 'byte')} of IDAT data ${extra === 1 ? 'follows' : 'follow'} the end of the zlib stream (§10.1)`);
  }
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.length);
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Unfiltering (§9) and pixels

/**
 * Undoes the filters in place, pass by pass, and writes each pixel to its place in the RGBA
 * image. Within each pass (each reduced image is filtered on its own, §8.2, §9.1) the row before
 * the first is taken as zeros, and the filter's "byte to the left" is the one a whole pixel back,
 * or one byte back below 8 bits per pixel (§9.2).
 */
function decodePixels(png: ParsedPng, raw: Uint8Array): RgbaImage {
  const { header } = png;
  const rgba = new Uint8Array(header.width * header.height * 4);
  const convert = pixelConverter(png, rgba);
  const bpp = Math.max(1, bitsPerPixel(header) >> 3);
  const passes = header.interlaced ? ADAM7 : WHOLE_IMAGE;
  let at = 0;
  for (let p = 0; p < passes.length; p++) {
    const pass = passes[p]!;
    const { columns, rows } = passSize(header, pass);
    if (rows === 0) continue;
    const length = rowBytes(header, columns);
    let prior = -1;
    for (let row = 0; row < rows; row++) {
      const filter = raw[at]!;
      const start = at + 1;
      if (filter > 4) {
        const where = header.interlaced ? `row ${row} of Adam7 pass ${p + 1}` : `row ${row}`;
        throw invalid(`${where} has filter type ${filter}; PNG has 0 to 4 (§9.2)`);
      }
      unfilterRow(raw, start, prior, length, bpp, filter);
      const y = pass.y0 + row * pass.dy;
      convert(raw, start, columns, (y * header.width + pass.x0) * 4, pass.dx * 4, pass.x0, y, pass.dx);
      prior = start;
      at = start + length;
    }
  }
  return { width: header.width, height: header.height, rgba };
}

/**
 * Reverses one row's filter (§9.2; Paeth §9.4), in place. `prior` is the previous row's first
 * byte, or −1 for the first row of a pass, whose prior row counts as zeros. The first `bpp`
 * bytes have no left neighbour (a = c = 0), so each filter is done in two loops; without a
 * prior row, Up is None and Paeth is Sub (PaethPredictor(a, 0, 0) = a).
 */
function unfilterRow(data: Uint8Array, start: number, prior: number, length: number, bpp: number, filter: number): void {
  const end = start + length;
  const head = Math.min(end, start + bpp);
  switch (filter) {
    case 0: // None
      return;
    case 1: // Sub: Recon(x) = Filt(x) + Recon(a)
      for (let i = head; i < end; i++) data[i] = (data[i]! + data[i - bpp]!) & 0xff;
      return;
    case 2: // Up: Recon(x) = Filt(x) + Recon(b)
      if (prior < 0) return;
      for (let i = start, j = prior; i < end; i++, j++) data[i] = (data[i]! + data[j]!) & 0xff;
      return;
    case 3: // Average: Recon(x) = Filt(x) + floor((Recon(a) + Recon(b)) / 2)
      if (prior < 0) {
        for (let i = head; i < end; i++) data[i] = (data[i]! + (data[i - bpp]! >> 1)) & 0xff;
        return;
      }
      for (let i = start, j = prior; i < head; i++, j++) data[i] = (data[i]! + (data[j]! >> 1)) & 0xff;
      for (let i = head, j = prior + bpp; i < end; i++, j++) data[i] = (data[i]! + ((data[i - bpp]! + data[j]!) >> 1)) & 0xff;
      return;
    case 4: // Paeth: Recon(x) = Filt(x) + PaethPredictor(Recon(a), Recon(b), Recon(c))
      if (prior < 0) {
        for (let i = head; i < end; i++) data[i] = (data[i]! + data[i - bpp]!) & 0xff;
        return;
      }
      // PaethPredictor(0, b, 0) = b.
      for (let i = start, j = prior; i < head; i++, j++) data[i] = (data[i]! + data[j]!) & 0xff;
      for (let i = head, j = prior + bpp; i < end; i++, j++) {
        const a = data[i - bpp]!;
        const b = data[j]!;
        const c = data[j - bpp]!;
        // With p = a + b − c: |p − a| = |b − c|, |p − b| = |a − c|, |p − c| = |(b − c) + (a − c)|.
        const toA = b - c;
        const toB = a - c;
        const pc = Math.abs(toA + toB);
        const pa = Math.abs(toA);
        const pb = Math.abs(toB);
        // Ties go to a, then b, then c (§9.4).
        data[i] = (data[i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
      return;
  }
}

/**
 * Writes one unfiltered row of `columns` pixels, starting at `data[start]`, to `rgba` from byte
 * `out` on, `step` bytes apart. `x0`, `y` and `dx` name the pixels in messages.
 */
type RowConverter = (data: Uint8Array, start: number, columns: number, out: number, step: number, x0: number, y: number, dx: number) => void;

/** 16-bit sample → 8 bits, rounded to the nearest (§13.12: v × 255 / 65535 = v / 257). */
function to8(high: number, low: number): number {
  return (((high << 8) | low) + 128) / 257 | 0;
}

function pixelConverter(png: ParsedPng, rgba: Uint8Array): RowConverter {
  const { header, palette, transparency } = png;
  const { colorType, bitDepth } = header;

  // Greyscale up to 8 bits and indexed colour: each sample value indexes a table of RGBA colours.
  if (colorType === 3 || (colorType === 0 && bitDepth <= 8)) {
    const table = new Uint8Array(256 * 4);
    let entries: number;
    if (colorType === 3) {
      entries = palette!.length / 3;
      for (let i = 0; i < entries; i++) {
        table.set(palette!.subarray(i * 3, i * 3 + 3), i * 4);
        // Entries past the end of tRNS are opaque (§11.3.2.1).
        table[i * 4 + 3] = transparency !== undefined && i < transparency.length ? transparency[i]! : 255;
      }
    } else {
      entries = 1 << bitDepth;
      const max = entries - 1;
      // §13.12: rescaled as v × 255 / max; exact here, as 255 is a multiple of 1, 3, 15 and 255.
      const transparent = transparency !== undefined ? (transparency[0]! << 8) | transparency[1]! : -1;
      for (let v = 0; v < entries; v++) {
        table.fill((v * 255) / max, v * 4, v * 4 + 3);
        table[v * 4 + 3] = v === transparent ? 0 : 255;
      }
    }
    const mask = (1 << bitDepth) - 1;
    const perByte = 8 / bitDepth;
    return (data, start, columns, out, step, x0, y, dx) => {
      for (let x = 0; x < columns; x++, out += step) {
        // Pixels are packed most significant bits first (§7.2).
        const value =
          bitDepth === 8 ? data[start + x]! : (data[start + ((x / perByte) | 0)]! >> (8 - bitDepth * ((x % perByte) + 1))) & mask;
        if (value >= entries) {
          throw invalid(
            `pixel (${x0 + x * dx}, ${y}) has palette index ${value}, but the palette has ${count(entries, 'entry', 'entries')} (0 to ${entries - 1}) (§11.2.3)`,
          );
        }
        rgba[out] = table[value * 4]!;
        rgba[out + 1] = table[value * 4 + 1]!;
        rgba[out + 2] = table[value * 4 + 2]!;
        rgba[out + 3] = table[value * 4 + 3]!;
      }
    };
  }

  // The transparent colour (tRNS) of types 0 and 2 is compared at the file's own sample depth,
  // before rescaling (§13.12), so that two 16-bit values that round alike stay apart.
  const key = transparency;
  switch (colorType) {
    case 0: // 16-bit greyscale
      return (data, start, columns, out, step) => {
        for (let x = 0, i = start; x < columns; x++, i += 2, out += step) {
          const grey = to8(data[i]!, data[i + 1]!);
          rgba[out] = rgba[out + 1] = rgba[out + 2] = grey;
          rgba[out + 3] = key !== undefined && data[i] === key[0] && data[i + 1] === key[1] ? 0 : 255;
        }
      };
    case 2:
      if (bitDepth === 8) {
        const [r, g, b] = key !== undefined ? [key[1]!, key[3]!, key[5]!] : [-1, -1, -1];
        return (data, start, columns, out, step) => {
          for (let x = 0, i = start; x < columns; x++, i += 3, out += step) {
            rgba[out] = data[i]!;
            rgba[out + 1] = data[i + 1]!;
            rgba[out + 2] = data[i + 2]!;
            rgba[out + 3] = data[i] === r && data[i + 1] === g && data[i + 2] === b ? 0 : 255;
          }
        };
      }
      return (data, start, columns, out, step) => {
        for (let x = 0, i = start; x < columns; x++, i += 6, out += step) {
          rgba[out] = to8(data[i]!, data[i + 1]!);
          rgba[out + 1] = to8(data[i + 2]!, data[i + 3]!);
          rgba[out + 2] = to8(data[i + 4]!, data[i + 5]!);
          let same = key !== undefined;
          for (let k = 0; same && k < 6; k++) same = data[i + k] === key![k];
          rgba[out + 3] = same ? 0 : 255;
        }
      };
    case 4:
      if (bitDepth === 8) {
        return (data, start, columns, out, step) => {
          for (let x = 0, i = start; x < columns; x++, i += 2, out += step) {
            rgba[out] = rgba[out + 1] = rgba[out + 2] = data[i]!;
            rgba[out + 3] = data[i + 1]!;
          }
        };
      }
      return (data, start, columns, out, step) => {
        for (let x = 0, i = start; x < columns; x++, i += 4, out += step) {
          rgba[out] = rgba[out + 1] = rgba[out + 2] = to8(data[i]!, data[i + 1]!);
          rgba[out + 3] = to8(data[i + 2]!, data[i + 3]!);
        }
      };
    default: // 6, truecolour with alpha
      if (bitDepth === 8) {
        return (data, start, columns, out, step) => {
          if (step === 4) {
            rgba.set(data.subarray(start, start + columns * 4), out);
            return;
          }
          for (let x = 0, i = start; x < columns; x++, i += 4, out += step) {
            rgba[out] = data[i]!;
            rgba[out + 1] = data[i + 1]!;
            rgba[out + 2] = data[i + 2]!;
            rgba[out + 3] = data[i + 3]!;
          }
        };
      }
      return (data, start, columns, out, step) => {
        for (let x = 0, i = start; x < columns; x++, i += 8, out += step) {
          rgba[out] = to8(data[i]!, data[i + 1]!);
          rgba[out + 1] = to8(data[i + 2]!, data[i + 3]!);
          rgba[out + 2] = to8(data[i + 4]!, data[i + 5]!);
          rgba[out + 3] = to8(data[i + 6]!, data[i + 7]!);
        }
      };
  }
}
