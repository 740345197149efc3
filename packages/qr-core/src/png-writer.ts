/**
 * The PNG writer without its compressor: symbol → filtered scanlines (PNG §7.2, §9) and the chunks
 * around the compressed data. Clause numbers (§) are those of the PNG Specification, Second Edition.
 * It imports nothing from `node:`, so both PNG renderers share it: `toPNG` and `toPNGAsync` in
 * `png.ts` (node:zlib) and `toPNGAsync` in `png-async.ts` (the portable entry: node:zlib where the
 * runtime has it, else `CompressionStream('deflate')`). Only the compressor differs between them.
 *
 * The smallest file that shows the symbol exactly: every pixel is one of two colours, so the
 * image is always 1 bit per pixel —
 * - greyscale (colour type 0) when each colour is opaque black, opaque white or fully transparent
 *   (then a 2-byte tRNS names the transparent grey level);
 * - otherwise a 2-entry palette (colour type 3, PLTE) with a tRNS of alpha values when a colour
 *   is not opaque, ordered so that the tRNS is as short as it can be.
 *
 * Styled drawings (module or finder shapes other than 'square', or a finder colour of its own) are
 * drawn with anti-aliased edges by {@link styledImage}: a palette of the light colour, each ink
 * (dark, and the finder colour when it differs) and a few levels between light and each ink, at the
 * smallest bit depth that holds them. The plain drawing never goes there and stays as above.
 */

import { mix, type Rgba } from './color.js';
import { QrError } from './errors.js';
import { composite, logoPixels, logoWithin } from './png-logo.js';
import { paletteBitDepth, paletteChunks, type IndexedImage, type InkLevel } from './png-palette.js';
import type { RgbaImage } from './png-reader.js';
import { drawingOptions, logoOption, type LogoOptions, imageSizePx, largestScale, MAX_IMAGE_SIDE_PX, sameColor, scaleOption, type Drawing, type DrawingOptions } from './render-options.js';
import {
  BOTTOM_LEFT,
  BOTTOM_RIGHT,
  dataModules,
  finderArea,
  finderDistances,
  finderOrigins,
  FINDER_SIDE,
  moduleArea,
  TOP_LEFT,
  TOP_RIGHT,
  type FinderShape,
  type ModuleShape,
} from './shapes.js';
import { forEachDarkRun, type QrSymbol } from './symbol.js';

export interface PngOptions extends DrawingOptions {
  /** Pixels per module, 1..100 and what keeps the image within {@link MAX_IMAGE_SIDE_PX}; default 10. */
  scale?: number;
  /**
   * A logo in the centre: a PNG file's bytes, a `data:image/png` URL, or an image `readPng`
   * decoded (a server that caches decoded logos passes those).
   */
  logo?: LogoOptions<Uint8Array | string | RgbaImage>;
}

/** The image before compression: the scanlines to deflate and what the chunks around them say. */
export interface PngImage {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly colors: ColorChunks;
  readonly bitDepth: number;
  /** The filtered scanlines (PNG §7.2): the zlib datastream's content. */
  readonly raw: Uint8Array;
  /** The zlib settings {@link deflateOptions} chose for them. */
  readonly deflate: DeflateSettings;
}

/**
 * Checks `options` and draws `qr` into scanlines, as toPNG does, in the same order of checks:
 * drawing options, logo option, scale, image size, then the logo's file. `readPngFile` decodes a
 * logo given as a PNG file (bytes or `data:` URL); the portable entry passes one that refuses.
 */
export function pngImage(qr: QrSymbol, options: PngOptions, readPngFile: (bytes: Uint8Array) => RgbaImage): PngImage {
  const drawing = drawingOptions(options, qr);
  const logo = logoOption(qr, options.logo);
  const { margin, dark, light } = drawing;
  const scale = scaleOption(options.scale);
  const { width: widthPx, height: heightPx } = imageSizePx(qr, { scale, margin });
  if (widthPx > MAX_IMAGE_SIDE_PX) {
    throw new QrError(
      'IMAGE_TOO_LARGE',
      `the PNG would be ${widthPx} × ${heightPx} px (${qr.width + 2 * margin}${qr.height === qr.width ? '' : ` × ${qr.height + 2 * margin}`} modules with the margin × scale ${scale}); ` +
        `the limit is ${MAX_IMAGE_SIDE_PX} px per side: use a scale of at most ${largestScale(qr, { margin })}` +
        ' or ask for an SVG, which scales to any size',
    );
  }

  if (logo !== undefined) {
    const image = logoWithin(logoPixels(logo.image, readPngFile), logo.area, margin, scale);
    // Logos are QR's only (logo-budget.ts), so the image is square.
    const { raw, bitDepth, colorType, palette, transparency } = composite(styledImage(qr, drawing, scale, logo.area.hidden), drawing.light, widthPx, image);
    return { widthPx, heightPx, colors: { colorType, palette, transparency }, bitDepth, raw, deflate: deflateOptions(raw.length, colorType !== 3) };
  }
  if (drawing.styled) {
    const styled = styledImage(qr, drawing, scale);
    return { widthPx, heightPx, colors: paletteChunks(styled.colors), bitDepth: styled.bitDepth, raw: styled.raw, deflate: deflateOptions(styled.raw.length) };
  }
  const colors = colorModel(dark, light);
  const raw = scanlines(qr, scale, margin, colors.darkBit);
  return { widthPx, heightPx, colors, bitDepth: 1, raw, deflate: deflateOptions(raw.length) };
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
  const widthPx = (qr.width + 2 * margin) * scale;
  const heightPx = (qr.height + 2 * margin) * scale;
  const rowBytes = (widthPx + 7) >> 3;
  const stride = rowBytes + 1;
  const lightByte = darkBit === 1 ? 0x00 : 0xff;
  const data = new Uint8Array(stride * heightPx);
  if (lightByte !== 0) data.fill(lightByte);

  const marginRows = margin * scale;
  // Filter-type bytes (None = 0) of the quiet zone rows; the rest is already light.
  for (let y = 0; y < marginRows; y++) {
    data[y * stride] = 0;
    data[(heightPx - 1 - y) * stride] = 0;
  }
  for (let moduleY = 0; moduleY < qr.height; moduleY++) {
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
    data[first]! ^= headMask & tailMask;
    return;
  }
  data[first]! ^= headMask;
  // The whole bytes between hold light pixels only (runs never overlap), so they can be set.
  data.fill(data[first + 1]! ^ 0xff, first + 1, last);
  data[last]! ^= tailMask;
}

// ---------------------------------------------------------------------------------------------
// Styled drawings: shapes with anti-aliased edges

/**
 * Levels strictly between light and an ink that draws curves (the dark ink when the module shape,
 * or the finders drawn in it, are not square; the finder ink when the finder shape is not). Each
 * pixel's coverage (the exact share of it inside the shape) is rounded to the nearest of
 * 0, 1/3, 2/3, 1. Two levels keep a drawing in one ink at 2 bits per pixel (4 palette entries);
 * a finder colour of its own with curves takes 4 bits. An ink drawing only squares at a whole
 * number of pixels per module needs no levels: its edges fall between pixels.
 */
export const EDGE_LEVELS = 2;

/**
 * The scanlines of a styled drawing. Palette index 0 is the light colour, so the zeroed buffer is
 * already the light image; index j (1..n) is the dark ink at coverage j/n, and when the finders
 * have an ink of their own its n' levels follow. Every dark module and every finder is ORed in
 * from a tile: its pixels' indices, packed at the image's bit depth and shifted for each pixel
 * phase a tile can start at within a byte, made once per (shape, corner variant, scale, palette
 * layout) and kept (see {@link tileCache}). Modules never overlap, so ORing into light pixels is
 * writing. Where every tile of a module row is symmetric top to bottom (dots, squares), only the
 * upper half of its pixel rows is drawn and the lower half copied from it; the finders, drawn
 * after, are never in those copies. Modules marked in `hidden` (a logo's) are not drawn.
 */
function styledImage(qr: QrSymbol, drawing: Drawing, scale: number, hidden?: Uint8Array): IndexedImage {
  const { margin, moduleShape, finderShape } = drawing;
  const ownFinderInk = !sameColor(drawing.finderColor, drawing.dark);
  const darkCurves = moduleShape !== 'square' || (!ownFinderInk && finderShape !== 'square');
  const darkLevels = darkCurves ? EDGE_LEVELS + 1 : 1;
  const finderLevels = !ownFinderInk ? darkLevels : finderShape !== 'square' ? EDGE_LEVELS + 1 : 1;
  const levels: InkLevel[] = [{ ink: drawing.light, coverage: 0 }];
  for (let j = 1; j <= darkLevels; j++) levels.push({ ink: drawing.dark, coverage: j / darkLevels });
  if (ownFinderInk) for (let j = 1; j <= finderLevels; j++) levels.push({ ink: drawing.finderColor, coverage: j / finderLevels });
  const colors = levels.map(({ ink, coverage }) => mix(drawing.light, ink, coverage));
  const bitDepth = paletteBitDepth(colors.length);

  const { width, height } = qr;
  const widthPx = (width + 2 * margin) * scale;
  const stride = ((widthPx * bitDepth + 7) >> 3) + 1;
  const length = stride * (height + 2 * margin) * scale;
  // A few bytes of slack: the last byte of a tile row may lie past the end of the last image row
  // (it is 0 there, and ORing 0 changes nothing); they are not part of the image.
  const raw = new Uint8Array(length + 8);

  const finders = finderOrigins(qr);
  const modules = dataModules(qr, finders, hidden);
  const moduleTiles = tiles(moduleShape, scale, darkLevels, bitDepth, 1);
  const { packed, rowBytes, phases } = moduleTiles;
  const tileBytes = scale * rowBytes;
  const rounded = moduleShape === 'rounded';
  const upperRows = rounded ? scale : (scale + 1) >> 1;
  // Per module row: where each dark module's tile starts in `packed` and in the pixel row.
  const tileAt = new Int32Array(width);
  const byteAt = new Int32Array(width);
  for (let y = 0; y < height; y++) {
    let count = 0;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      if (modules[i] !== 1) continue;
      let variant = 0;
      if (rounded) {
        // roundedCorners() of shapes.ts, inlined: this loop is most of the drawing's time.
        const left = x > 0 && modules[i - 1] === 1;
        const right = x + 1 < width && modules[i + 1] === 1;
        const up = y > 0 && modules[i - width] === 1;
        const down = y + 1 < height && modules[i + width] === 1;
        if (!left && !up) variant |= TOP_LEFT;
        if (!right && !up) variant |= TOP_RIGHT;
        if (!right && !down) variant |= BOTTOM_RIGHT;
        if (!left && !down) variant |= BOTTOM_LEFT;
      }
      const px = (x + margin) * scale;
      tileAt[count] = (variant * phases + (px % phases)) * tileBytes;
      byteAt[count] = 1 + ((px * bitDepth) >> 3);
      count++;
    }
    const top = (y + margin) * scale;
    for (let row = 0; row < upperRows; row++) {
      const line = (top + row) * stride;
      const from = row * rowBytes;
      for (let k = 0; k < count; k++) {
        const at = line + byteAt[k]!;
        const t = tileAt[k]! + from;
        for (let b = 0; b < rowBytes; b++) raw[at + b]! |= packed[t + b]!;
      }
    }
    for (let row = upperRows; row < scale; row++) {
      const from = (top + scale - 1 - row) * stride;
      raw.copyWithin((top + row) * stride, from, from + stride);
    }
  }
  if (finders.length > 0) {
    const finderTiles = tiles(finderShape, scale, finderLevels, bitDepth, ownFinderInk ? 1 + darkLevels : 1, true);
    for (const [x, y] of finders) blit(raw, stride, finderTiles, 0, (x + margin) * scale, (y + margin) * scale, bitDepth);
  }
  return { raw: raw.subarray(0, length), bitDepth, levels, colors };
}


/**
 * The packed tiles of one shape at one scale: for each variant (the 16 corner sets of 'rounded',
 * else one) and each phase p (the tile's first pixel is pixel p of a byte), `height` rows of
 * `rowBytes` bytes.
 */
interface TileSet {
  readonly height: number;
  readonly rowBytes: number;
  readonly phases: number;
  /** Tile (variant, phase) at (variant × phases + phase) × height × rowBytes: height rows of rowBytes bytes. */
  readonly packed: Uint8Array;
}

/**
 * Tiles made so far, by shape, scale and palette layout: a handful of small arrays each (a
 * rounded module at scale 10 and 2 bits is 16 × 4 × 40 bytes; a finder is 70 rows of 19 bytes per
 * phase), so the few most recent are kept and the oldest dropped beyond that.
 */
const tileCache = new Map<string, TileSet>();
const TILE_CACHE_LIMIT = 24;

function tiles(shape: ModuleShape | FinderShape, scale: number, levels: number, bitDepth: number, firstIndex: number, finder = false): TileSet {
  const key = `${finder ? 'finder' : 'module'} ${shape} ${scale} ${levels} ${bitDepth} ${firstIndex}`;
  let set = tileCache.get(key);
  if (set === undefined) {
    set = finder
      ? packTiles([finderCoverage(shape as FinderShape, scale)], FINDER_SIDE * scale, levels, bitDepth, firstIndex)
      : packTiles(moduleCoverages(shape as ModuleShape, scale), scale, levels, bitDepth, firstIndex);
    if (tileCache.size >= TILE_CACHE_LIMIT) tileCache.delete(tileCache.keys().next().value!);
    tileCache.set(key, set);
  }
  return set;
}

/**
 * Coverage of each pixel of a module tile (scale × scale, row-major), per variant: for 'rounded',
 * variant v has the corners of its corner bits rounded, made from each corner's cut (the part of
 * each pixel that rounding that corner removes), computed once.
 */
function moduleCoverages(shape: ModuleShape, scale: number): Float64Array[] {
  const pixels = scale * scale;
  const areas = (corners: number): Float64Array => {
    const coverage = new Float64Array(pixels);
    for (let py = 0, i = 0; py < scale; py++) {
      for (let px = 0; px < scale; px++, i++) coverage[i] = moduleArea(shape, corners, px / scale, py / scale, (px + 1) / scale, (py + 1) / scale) * pixels;
    }
    return coverage;
  };
  if (shape !== 'rounded') return [areas(0)];
  const cuts = [TOP_LEFT, TOP_RIGHT, BOTTOM_RIGHT, BOTTOM_LEFT].map((corner) => areas(corner).map((covered) => 1 - covered));
  return Array.from({ length: 16 }, (_, variant) => {
    const coverage = new Float64Array(pixels).fill(1);
    for (let c = 0; c < 4; c++) {
      if (variant & (1 << c)) for (let i = 0; i < pixels; i++) coverage[i]! -= cuts[c]![i]!;
    }
    return coverage;
  });
}

/**
 * Coverage of each pixel of a finder tile (7·scale square). The shapes are symmetric about both
 * axes and both diagonals, so one eighth is computed and mirrored; and a pixel whose centre is
 * farther from every outline than half the pixel's diagonal is wholly inside or outside each, so
 * only the pixels that an outline crosses need their area worked out.
 */
function finderCoverage(shape: FinderShape, scale: number): Float64Array {
  const side = FINDER_SIDE * scale;
  const coverage = new Float64Array(side * side);
  const halfDiagonal = Math.SQRT1_2 / scale;
  const distances = new Float64Array(3);
  const put = (px: number, py: number, value: number): void => {
    const mx = side - 1 - px;
    const my = side - 1 - py;
    coverage[py * side + px] = coverage[py * side + mx] = coverage[my * side + px] = coverage[my * side + mx] = value;
    coverage[px * side + py] = coverage[px * side + my] = coverage[mx * side + py] = coverage[mx * side + my] = value;
  };
  for (let py = 0; py < (side + 1) >> 1; py++) {
    for (let px = 0; px <= py; px++) {
      finderDistances(shape, (px + 0.5) / scale, (py + 0.5) / scale, distances);
      const [outer, ring, centre] = distances as unknown as [number, number, number];
      if (Math.abs(outer) >= halfDiagonal && Math.abs(ring) >= halfDiagonal && Math.abs(centre) >= halfDiagonal) {
        put(px, py, (outer < 0 ? 1 : 0) - (ring < 0 ? 1 : 0) + (centre < 0 ? 1 : 0));
      } else {
        put(px, py, finderArea(shape, px / scale, py / scale, (px + 1) / scale, (py + 1) / scale) * scale * scale);
      }
    }
  }
  return coverage;
}

/** Rounds each coverage to a level (0 = light, else palette index firstIndex − 1 + level) and packs it for every phase. */
function packTiles(coverages: Float64Array[], side: number, levels: number, bitDepth: number, firstIndex: number): TileSet {
  const phases = 8 / bitDepth;
  const rowBytes = Math.ceil(((phases - 1 + side) * bitDepth) / 8);
  const tileBytes = side * rowBytes;
  const packed = new Uint8Array(coverages.length * phases * tileBytes);
  coverages.forEach((coverage, variant) => {
    const phase0 = variant * phases * tileBytes;
    // Phase 0: each pixel's palette index, most significant bits first.
    for (let y = 0, i = 0; y < side; y++) {
      const row = phase0 + y * rowBytes;
      for (let x = 0, bit = 0; x < side; x++, i++, bit += bitDepth) {
        const level = Math.round(coverage[i]! * levels);
        if (level > 0) packed[row + (bit >> 3)]! |= (firstIndex - 1 + (level < levels ? level : levels)) << (8 - bitDepth - (bit & 7));
      }
    }
    // Phase p: the same rows shifted right by p pixels.
    for (let phase = 1; phase < phases; phase++) {
      const shift = phase * bitDepth;
      const to = phase0 + phase * tileBytes;
      for (let y = 0; y < side; y++) {
        const from = phase0 + y * rowBytes;
        for (let b = 0, carry = 0; b < rowBytes; b++) {
          const byte = packed[from + b]!;
          packed[to + y * rowBytes + b] = (carry << (8 - shift)) | (byte >> shift);
          carry = byte & ((1 << shift) - 1);
        }
      }
    }
  });
  return { height: side, rowBytes, phases, packed };
}

/** ORs tile `variant` into the scanlines with its top-left pixel at (x, y). */
function blit(raw: Uint8Array, stride: number, set: TileSet, variant: number, x: number, y: number, bitDepth: number): void {
  const { packed, height, rowBytes, phases } = set;
  let from = (variant * phases + (x % phases)) * height * rowBytes;
  let at = y * stride + 1 + ((x * bitDepth) >> 3);
  for (let row = 0; row < height; row++, at += stride, from += rowBytes) {
    for (let b = 0; b < rowBytes; b++) raw[at + b]! |= packed[from + b]!;
  }
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
/** The subset of node:zlib's ZlibOptions used here (so that this module needs no Node types). */
export interface DeflateSettings {
  readonly level: number;
  readonly windowBits: number;
  readonly memLevel: number;
}

function deflateOptions(scanlineBytes: number, truecolour = false): DeflateSettings {
  // Truecolour (a logo of many colours) is 3 or 4 bytes a pixel, and lazy matching costs its
  // 6 ns on each: measured on the reference URL at ECL H (version 5, 450 × 450 px RGB, 608 KB of
  // scanlines) with a 64 × 64 gradient logo, level 6 took 4.3 ms for 10.9 KB and level 3 0.8 ms
  // for 16.4 KB (level 1: 1.1 ms, 19.2 KB; Sub or Up filters changed neither by more than 10 %).
  // A few KB more is the better trade there.
  if (truecolour) return { level: 3, windowBits: 15, memLevel: 8 };
  return { level: 6, windowBits: scanlineBytes <= 32768 ? 11 : 15, memLevel: 8 };
}

// ---------------------------------------------------------------------------------------------
// File layout

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
/** Length, type and CRC around each chunk's data (PNG §5.3). */
const CHUNK_OVERHEAD = 12;

/** The chunks that say how to read the samples: IHDR's colour type (§11.2.2), PLTE and tRNS. */
export interface ColorChunks {
  readonly colorType: 0 | 2 | 3 | 6;
  readonly palette: Uint8Array | undefined;
  readonly transparency: Uint8Array | undefined;
}

/** The PNG file: signature, IHDR, PLTE and tRNS when needed, `idat` (the compressed scanlines) as one IDAT, IEND. */
export function assemble(image: PngImage, idat: Uint8Array, crc32: (data: Uint8Array) => number): Uint8Array {
  const { widthPx, heightPx, colors, bitDepth } = image;
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, widthPx);
  view.setUint32(4, heightPx);
  ihdr[8] = bitDepth;
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
