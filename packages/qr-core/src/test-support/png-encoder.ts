/**
 * A test-only PNG encoder, for the tests of `png-reader.ts`: it writes every colour type at every
 * bit depth, with PLTE and tRNS, any filter type on any row, Adam7 interlacing and any split of
 * the image data into IDAT chunks, plus the pieces (chunks, IHDR fields) to build broken files.
 * It shares no code with `png-reader.ts` or `png.ts`, so a misreading of the PNG Specification
 * (Second Edition) would have to be made twice, in two directions, to go unnoticed; the tests
 * also read files that other encoders wrote (`fixtures/`).
 */
import * as zlib from 'node:zlib';

export type ColorType = 0 | 2 | 3 | 4 | 6;

/** Samples per pixel. */
export const SAMPLES: Record<ColorType, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** The bit depths each colour type allows (IHDR, §11.2.2). */
export const DEPTHS: Record<ColorType, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

export interface TestImage {
  width: number;
  height: number;
  colorType: ColorType;
  bitDepth: number;
  /** width × height × SAMPLES[colorType] sample values at bitDepth (palette indices for type 3), row-major. */
  samples: ArrayLike<number>;
  /** RGB triples (type 3; or a suggested palette for types 2 and 6). */
  palette?: Uint8Array;
  /** tRNS chunk data, as written. */
  transparency?: Uint8Array;
}

export interface EncodeOptions {
  interlace?: boolean;
  /** The filter type of each row: a number for all, or by row index within its pass and pass number (0 when not interlaced). */
  filter?: number | ((row: number, pass: number) => number);
  /** Bytes of zlib data per IDAT chunk (default: all in one). */
  idatSize?: number;
  /** Chunks to put after IHDR (before PLTE) and after the last IDAT. */
  before?: Uint8Array[];
  after?: Uint8Array[];
  level?: number;
}

export const SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

/** One chunk: length, type, data, CRC (§5.3). `crc` overrides the right one. */
export function chunk(type: string, data: Uint8Array = new Uint8Array(0), crc?: number): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc ?? zlib.crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** The signature and the chunks, in order. */
export function file(...chunks: Uint8Array[]): Uint8Array {
  return concatBytes([SIGNATURE, ...chunks]);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** IHDR chunk data; every field given as is, so that invalid ones can be written too. */
export function ihdrData(width: number, height: number, bitDepth: number, colorType: number, interlace = 0, compression = 0, filter = 0): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([bitDepth, colorType, compression, filter, interlace], 8);
  return data;
}

/** Adam7 (§8.2): first column, first row, column step, row step of each pass. */
export const PASSES: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** The scanlines, filtered (before compression): what IDAT's zlib stream must inflate to. */
export function filteredScanlines(image: TestImage, options: EncodeOptions = {}): Uint8Array {
  const { width, height, colorType, bitDepth, samples } = image;
  const channels = SAMPLES[colorType];
  const passes = options.interlace ? PASSES : ([[0, 0, 1, 1]] as const);
  const bitsPerPixel = channels * bitDepth;
  const bpp = Math.max(1, bitsPerPixel / 8);
  const out: number[] = [];
  passes.forEach(([x0, y0, dx, dy], passIndex) => {
    const columns: number[] = [];
    for (let x = x0; x < width; x += dx) columns.push(x);
    const rows: number[] = [];
    for (let y = y0; y < height; y += dy) rows.push(y);
    if (columns.length === 0 || rows.length === 0) return; // an empty pass has no scanlines at all
    let prior = new Array<number>(Math.ceil((columns.length * bitsPerPixel) / 8)).fill(0);
    rows.forEach((y, rowIndex) => {
      // Pack the row: samples MSB first, 16-bit samples high byte first (§7.1, §7.2).
      const line = new Array<number>(prior.length).fill(0);
      let bit = 0;
      for (const x of columns) {
        for (let c = 0; c < channels; c++) {
          const value = samples[(y * width + x) * channels + c]!;
          if (bitDepth === 16) {
            line[bit >> 3] = value >> 8;
            line[(bit >> 3) + 1] = value & 0xff;
          } else {
            line[bit >> 3]! |= value << (8 - bitDepth - (bit & 7));
          }
          bit += bitDepth;
        }
      }
      const type = typeof options.filter === 'function' ? options.filter(rowIndex, passIndex) : options.filter ?? 0;
      out.push(type);
      for (let i = 0; i < line.length; i++) {
        const a = i >= bpp ? line[i - bpp]! : 0;
        const b = prior[i]!;
        const c = i >= bpp ? prior[i - bpp]! : 0;
        let predicted: number;
        if (type === 0) predicted = 0;
        else if (type === 1) predicted = a;
        else if (type === 2) predicted = b;
        else if (type === 3) predicted = Math.floor((a + b) / 2);
        else if (type === 4) predicted = paeth(a, b, c);
        else predicted = 0; // an invalid type, written on purpose: the bytes stay unfiltered
        out.push((line[i]! - predicted + 256) % 256);
      }
      prior = line;
    });
  });
  return Uint8Array.from(out);
}

/** §9.4, written from its pseudo-code. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  if (pb <= pc) return b;
  return c;
}

/** A whole PNG file of `image`. */
export function encodePng(image: TestImage, options: EncodeOptions = {}): Uint8Array {
  const compressed = zlib.deflateSync(filteredScanlines(image, options), { level: options.level ?? 6 });
  return file(
    ...headerChunks(image, options),
    ...idatChunks(compressed, options.idatSize),
    ...(options.after ?? []),
    chunk('IEND'),
  );
}

/** IHDR, the extra chunks before PLTE, PLTE and tRNS. */
export function headerChunks(image: TestImage, options: EncodeOptions = {}): Uint8Array[] {
  const chunks = [chunk('IHDR', ihdrData(image.width, image.height, image.bitDepth, image.colorType, options.interlace ? 1 : 0))];
  chunks.push(...(options.before ?? []));
  if (image.palette) chunks.push(chunk('PLTE', image.palette));
  if (image.transparency) chunks.push(chunk('tRNS', image.transparency));
  return chunks;
}

export function idatChunks(compressed: Uint8Array, size = compressed.length): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < compressed.length; at += Math.max(1, size)) chunks.push(chunk('IDAT', compressed.subarray(at, at + Math.max(1, size))));
  return chunks.length > 0 ? chunks : [chunk('IDAT')];
}

/**
 * What a reader must return for `image`: 8-bit RGBA, samples rescaled by §13.12's formula
 * (round(v × 255 / (2^depth − 1))), tRNS applied by comparing the stored sample values.
 */
export function expectedRgba(image: TestImage): Uint8Array {
  const { width, height, colorType, bitDepth, samples, palette, transparency } = image;
  const channels = SAMPLES[colorType];
  const max = 2 ** bitDepth - 1;
  const scale = (v: number): number => Math.round((v * 255) / max);
  const key =
    transparency && (colorType === 0 || colorType === 2)
      ? Array.from({ length: transparency.length / 2 }, (_, i) => transparency[2 * i]! * 256 + transparency[2 * i + 1]!)
      : undefined;
  const out = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = Array.from({ length: channels }, (_, c) => samples[p * channels + c]!);
    let rgba: number[];
    if (colorType === 3) {
      const index = s[0]!;
      rgba = [palette![index * 3]!, palette![index * 3 + 1]!, palette![index * 3 + 2]!, transparency?.[index] ?? 255];
    } else {
      const transparent = key !== undefined && key.every((v, i) => v === s[i]);
      if (colorType === 0) rgba = [scale(s[0]!), scale(s[0]!), scale(s[0]!), transparent ? 0 : 255];
      else if (colorType === 2) rgba = [scale(s[0]!), scale(s[1]!), scale(s[2]!), transparent ? 0 : 255];
      else if (colorType === 4) rgba = [scale(s[0]!), scale(s[0]!), scale(s[0]!), scale(s[1]!)];
      else rgba = s.map(scale);
    }
    out.set(rgba, p * 4);
  }
  return out;
}
