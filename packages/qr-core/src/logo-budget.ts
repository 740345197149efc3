/**
 * How big a logo a symbol can lose: the knock-out in the centre of the symbol, which modules it
 * hides, and the rule that keeps the symbol readable. Browser-safe.
 *
 * The rule (ISO/IEC 18004:2015): a logo hides only modules of the encoding region — never finder,
 * separator, timing, alignment, format or version modules, nor the dark module (§6.3, §7.9, §7.10);
 * those stay drawn — and in every Reed-Solomon block the codewords it touches number at most HALF
 * of that block's error correction capacity, so that the other half is left for print and camera
 * damage. The capacity is Table 9's (§7.5.2): t = (e − p) / 2 codewords for a block of e error
 * correction codewords, where p is the note's misdecode-protection codewords (p = 3 for 1-L, 2 for
 * 1-M and 2-L, 1 for 1-Q, 1-H and 3-L, 0 elsewhere), rounded down; the logo's share is ⌊t / 2⌋.
 * A hidden codeword is an error, not an erasure: a reader does not know which modules a logo covered.
 *
 * A codeword counts as touched when any of its 8 modules is hidden; its modules are found through
 * the placement order of §7.7.3 (`placementOrder` of `placement.ts`), and its block through the
 * interleaving of §7.6: the data codewords of the blocks column by column (short blocks first, the
 * long blocks' last data codeword after the others), then the error correction codewords the same
 * way — both kinds count for their block. The remainder bits (§7.6, Table 1) belong to no codeword;
 * they are hidden with the codewords but cost nothing.
 *
 * The knock-out is a square of whole modules centred on the symbol. A symbol's side is odd
 * (4 × version + 17), so only an odd side centres exactly: a logo of `size` (a fraction of the
 * symbol's side) with `padding` modules of light margin round it takes the side
 * size × side + 2 × padding, rounded up to the next odd whole number. Squares of one centre nest, so
 * the rule holds for every knock-out up to the largest that passes; {@link maxLogoSize} reports that
 * one, in steps of two modules (one ring) of the symbol's side.
 */

import { QrError } from './errors.js';
import { layoutOf } from './matrix.js';
import { integerOption } from './options.js';
import { placementOrder } from './placement.js';
import type { Ecl, QrSymbol } from './symbol.js';
import { blockStructure, ECC_BLOCKS, ECC_CODEWORDS_PER_BLOCK, ECL_INDEX, totalCodewords } from './tables.js';

/** The default light margin round a logo, in modules. */
export const DEFAULT_LOGO_PADDING = 1;
/** The most padding a logo may ask for, in modules. */
export const MAX_LOGO_PADDING = 16;
/** The default logo size, as a fraction of the symbol's side (capped by {@link maxLogoSize}). */
export const DEFAULT_LOGO_SIZE = 0.25;

/** Table 9's note: codewords of a small symbol's error correction kept for misdecode protection. */
export function misdecodeProtection(version: number, ecl: Ecl): number {
  if (version === 1) return ecl === 'L' ? 3 : ecl === 'M' ? 2 : 1;
  if (version === 2 && ecl === 'L') return 2;
  if (version === 3 && ecl === 'L') return 1;
  return 0;
}

/** Table 9's error correction capacity t of each block: ⌊(e − p) / 2⌋ codewords. */
export function correctionCapacity(version: number, ecl: Ecl): number {
  const e = ECC_CODEWORDS_PER_BLOCK[ECL_INDEX[ecl]]![version]!;
  return Math.floor((e - misdecodeProtection(version, ecl)) / 2);
}

/** The most codewords per block that a logo may touch: half the capacity, rounded down. */
export function logoBudget(version: number, ecl: Ecl): number {
  return Math.floor(correctionCapacity(version, ecl) / 2);
}

/** Per version: the codeword index (in the interleaved order) of each module, row-major; −1 off the codewords. */
const codewordMaps: (Int16Array | undefined)[] = [];

/** Each module's codeword, −1 for function modules, format modules and the remainder bits. */
export function codewordOfModules(version: number): Int16Array {
  let map = codewordMaps[version];
  if (map === undefined) {
    const layout = layoutOf(version);
    const { width: size, words } = layout;
    const order = placementOrder(layout);
    const codewords = totalCodewords(version);
    map = new Int16Array(size * size).fill(-1);
    for (let i = 0; i < codewords * 8; i++) {
      const position = order[i]!;
      const word = position >>> 5;
      const y = Math.floor(word / words);
      const x = ((word - y * words) << 5) | (position & 31);
      map[y * size + x] = i >>> 3;
    }
    codewordMaps[version] = map;
  }
  return map;
}

const blockMaps = new Map<string, Uint8Array>();

/** The RS block (0-based, short blocks first, Table 9) of each codeword in the interleaved order (§7.6). */
export function blockOfCodewords(version: number, ecl: Ecl): Uint8Array {
  const key = `${version}${ecl}`;
  let map = blockMaps.get(key);
  if (map === undefined) {
    const { blocks, eccLength, total, shortBlocks, shortData } = blockStructure(version, ecl);
    map = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i <= shortData; i++) {
      for (let b = i < shortData ? 0 : shortBlocks; b < blocks; b++) map[at++] = b;
    }
    for (let i = 0; i < eccLength; i++) for (let b = 0; b < blocks; b++) map[at++] = b;
    blockMaps.set(key, map);
  }
  return map;
}

/** Whether each module is a function module (or a format module): 1 where a logo must not hide it. */
export function functionModules(version: number): Uint8Array {
  const { width: size, words, dataRows } = layoutOf(version);
  const out = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) out[y * size + x] = ((dataRows[y * words + (x >>> 5)]! >>> (x & 31)) & 1) ^ 1;
  }
  return out;
}

/** The first row/column of a centred square of odd `side` in a symbol of `size` modules. */
function originOf(size: number, side: number): number {
  return (size - side) / 2;
}

/** Per block, how many of its codewords a centred knock-out of `side` modules (odd) touches. */
export function touchedPerBlock(version: number, ecl: Ecl, side: number): Int32Array {
  const size = version * 4 + 17;
  const map = codewordOfModules(version);
  const blockOf = blockOfCodewords(version, ecl);
  const counts = new Int32Array(ECC_BLOCKS[ECL_INDEX[ecl]]![version]!);
  const seen = new Uint8Array(blockOf.length);
  const o = originOf(size, side);
  for (let y = o; y < o + side; y++) {
    for (let x = o; x < o + side; x++) {
      const c = map[y * size + x]!;
      if (c >= 0 && seen[c] === 0) {
        seen[c] = 1;
        counts[blockOf[c]!]!++;
      }
    }
  }
  return counts;
}

const largestSides = new Map<string, number>();

/**
 * The side of the largest centred knock-out (odd, in modules) that keeps the rule at this version
 * and ECL; 0 when not even the centre module may go. Grown ring by ring.
 */
export function largestKnockout(version: number, ecl: Ecl): number {
  const key = `${version}${ecl}`;
  const cached = largestSides.get(key);
  if (cached !== undefined) return cached;
  const size = version * 4 + 17;
  const map = codewordOfModules(version);
  const blockOf = blockOfCodewords(version, ecl);
  const budget = logoBudget(version, ecl);
  const counts = new Int32Array(ECC_BLOCKS[ECL_INDEX[ecl]]![version]!);
  const seen = new Uint8Array(blockOf.length);
  const centre = (size - 1) / 2;
  let best = 0;
  // Ring r: the modules at Chebyshev distance r from the centre; the square of side 2r + 1 is rings 0..r.
  outer: for (let r = 0; 2 * r + 1 <= size; r++) {
    for (let y = centre - r; y <= centre + r; y++) {
      const edge = y === centre - r || y === centre + r;
      for (let x = centre - r; x <= centre + r; x += edge || x === centre + r ? 1 : 2 * r) {
        const c = map[y * size + x]!;
        if (c >= 0 && seen[c] === 0) {
          seen[c] = 1;
          if (++counts[blockOf[c]!]! > budget) break outer;
        }
      }
    }
    best = 2 * r + 1;
  }
  largestSides.set(key, best);
  return best;
}

/** The knock-out side (odd, whole modules) of a logo of `size` with `padding` in a symbol of `symbolSide` modules. */
export function knockoutSide(size: number, padding: number, symbolSide: number): number {
  // A hair of tolerance, so that the value maxLogoSize returns maps back onto its own side.
  const side = Math.max(1, Math.ceil(size * symbolSide + 2 * padding - 1e-9));
  return side % 2 === 1 ? side : side + 1;
}

function paddingOption(value: unknown): number {
  return integerOption('logo.padding', value, 0, MAX_LOGO_PADDING, DEFAULT_LOGO_PADDING);
}

/** The largest logo size at `version`/`ecl` with `padding` (see {@link maxLogoSize}). */
export function maxLogoSizeAt(version: number, ecl: Ecl, padding: number): number {
  const size = version * 4 + 17;
  const inner = largestKnockout(version, ecl) - 2 * padding;
  return inner > 0 ? inner / size : 0;
}

/**
 * The largest logo side, as a fraction (0..1) of the symbol's side, that `qr` can lose with
 * `padding` modules (default 1) of light margin round the logo: the logo then covers
 * (side of the largest knock-out − 2 × padding) modules. The steps are two modules (a ring); 0 when
 * no logo fits (small versions at ECL L and M often, and every Micro QR and rMQR symbol). Throws `QrError('INVALID_OPTION')` for a bad padding.
 */
export function maxLogoSize(qr: QrSymbol, options: { padding?: number } = {}): number {
  if (typeof options !== 'object' || options === null) throw new QrError('INVALID_OPTION', `options must be an object; got ${String(options)}`);
  const padding = paddingOption(options.padding);
  // No logo on Micro QR or rMQR (see qrOnly).
  return qr.symbology === 'qr' ? maxLogoSizeAt(qr.version, qr.ecl, padding) : 0;
}

/** Where a logo goes, in modules from the symbol's top-left corner, and what it hides. */
export interface LogoArea {
  /** The knock-out square: light background, data modules hidden. */
  readonly x: number;
  readonly y: number;
  readonly side: number;
  /** The logo's own square inside it (the knock-out less the padding). */
  readonly logoX: number;
  readonly logoY: number;
  readonly logoSide: number;
  /** size × size, row-major: 1 where a module is hidden (a data module in the knock-out). */
  readonly hidden: Uint8Array;
  /** size × size, row-major: 1 for function modules inside the knock-out (drawn over the logo). */
  readonly functionInside: Uint8Array;
  /** The logo size used, as a fraction of the symbol's side. */
  readonly size: number;
}

/**
 * Checks a logo's `size` and `padding` against the rule and returns its area. `size` undefined is
 * the smaller of {@link DEFAULT_LOGO_SIZE} and {@link maxLogoSize}. A logo larger than the rule
 * allows (or any logo where none fits) is `QrError('LOGO_TOO_LARGE')`.
 */
export function logoArea(qr: QrSymbol, sizeValue: unknown, paddingValue: unknown): LogoArea {
  qrOnly(qr);
  const padding = paddingOption(paddingValue);
  const { version, ecl } = qr;
  const symbolSide = qr.size;
  const largest = maxLogoSizeAt(version, ecl, padding);
  const atH = ecl === 'H' ? largest : maxLogoSizeAt(version, 'H', padding);
  const hint =
    ecl === 'H'
      ? 'use a smaller logo or less padding, or more data (a larger version)'
      : atH > largest
        ? `use a smaller logo, or ECL H, which allows more (${round(atH)} at version ${version} with this padding)`
        : `use a smaller logo (at this version ECL H allows no more: ${round(atH)}), or more padding-free room`;
  const what = `version ${version} at ECL ${ecl} with logo.padding ${padding}`;
  let size: number;
  if (sizeValue === undefined) {
    if (largest === 0) {
      throw new QrError('LOGO_TOO_LARGE', `no logo fits this symbol (${what}): hiding even the centre would take more than half of a Reed-Solomon block's correction capacity; ${hint}`);
    }
    size = Math.min(DEFAULT_LOGO_SIZE, largest);
  } else {
    size = sizeOption(sizeValue);
  }
  const side = knockoutSide(size, padding, symbolSide);
  if (side > largestKnockout(version, ecl)) {
    throw new QrError(
      'LOGO_TOO_LARGE',
      `logo.size ${round(size)} is too large for this symbol (${what}): the largest is ${round(largest)}` +
        ` (a logo may touch at most half of each Reed-Solomon block's correction capacity); ${hint}`,
    );
  }
  const x = originOf(symbolSide, side);
  const hidden = new Uint8Array(symbolSide * symbolSide);
  const functionInside = new Uint8Array(symbolSide * symbolSide);
  const functions = functionModules(version);
  for (let j = x; j < x + side; j++) {
    for (let i = x; i < x + side; i++) {
      const at = j * symbolSide + i;
      if (functions[at] === 1) functionInside[at] = 1;
      else hidden[at] = 1;
    }
  }
  return { x, y: x, side, logoX: x + padding, logoY: x + padding, logoSide: side - 2 * padding, hidden, functionInside, size };
}

/**
 * How much of the error correction `qr` can do that a logo of `size` (a fraction of the symbol's
 * side) with `padding` (default 1) uses: in the Reed-Solomon block it damages most, the codewords
 * it touches over that block's correction capacity t (Table 9). The rule allows up to 0.5 (see the
 * module comment); at 1 or more the symbol cannot be read even undamaged. For a widget's "the logo
 * uses 41 % of what this code can repair". Throws `QrError('INVALID_OPTION')` for a bad size or padding.
 */
export function logoCorrectionUse(qr: QrSymbol, options: { size: number; padding?: number }): number {
  if (typeof options !== 'object' || options === null) throw new QrError('INVALID_OPTION', `options must be an object; got ${String(options)}`);
  qrOnly(qr);
  const padding = paddingOption(options.padding);
  const size = sizeOption(options.size);
  const side = Math.min(knockoutSide(size, padding, qr.size), qr.size);
  const capacity = correctionCapacity(qr.version, qr.ecl);
  const worst = Math.max(...touchedPerBlock(qr.version, qr.ecl, side));
  return worst === 0 ? 0 : capacity === 0 ? Infinity : worst / capacity;
}

/**
 * Logos are for QR codes: Micro QR's and rMQR's few codewords, in one to a handful of blocks, leave no
 * correction to spare for a hidden centre, and their layouts differ from the one this budget maps.
 */
function qrOnly(qr: QrSymbol): void {
  if (qr.symbology !== 'qr') {
    throw new QrError('INVALID_OPTION', `logos are drawn on QR codes only; this is ${qr.designator} (${qr.symbology}): leave out the logo or use symbology 'qr'`);
  }
}

function sizeOption(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 1) {
    throw new QrError('INVALID_OPTION', `logo.size must be a number above 0 and at most 1 (a fraction of the symbol's side); got ${typeof value} ${String(value)}`);
  }
  return value;
}

function round(value: number): string {
  return String(Math.floor(value * 1000) / 1000);
}
