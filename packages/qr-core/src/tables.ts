/**
 * The standard's tables, indexed the way the standard reads them.
 * Standard: ISO/IEC 18004:2015 (QR Code Model 2). Every clause and table cited in qr-core is from this edition.
 */
import type { Ecl } from './symbol.js';

/** ECLs in ascending strength, the order of the rows below and of `boostEcl`. */
export const ECLS: readonly Ecl[] = Object.freeze(['L', 'M', 'Q', 'H'] as const);

/**
 * About how much of a symbol each level can restore, in % of its codewords (§5.3.8): for people
 * choosing a level; the exact capacity of each block is Table 9's.
 */
export const ECL_RECOVERY_PERCENT: Readonly<Record<Ecl, number>> = Object.freeze({ L: 7, M: 15, Q: 25, H: 30 });

/** The level `encode` uses when none is asked for: M, as the original service used (about 15 % recoverable). */
export const DEFAULT_ECL: Ecl = 'M';

/** Row of the tables below for each ECL. */
export const ECL_INDEX: Readonly<Record<Ecl, number>> = Object.freeze({ L: 0, M: 1, Q: 2, H: 3 });

/** Two-bit ECL indicator of the format information, §7.9.1 Table 12 (L = 01, M = 00, Q = 11, H = 10). */
export const ECL_FORMAT_BITS: Readonly<Record<Ecl, number>> = Object.freeze({ L: 1, M: 0, Q: 3, H: 2 });

export const MIN_VERSION = 1;
export const MAX_VERSION = 40;

/**
 * Table 9: error correction codewords per block, by [ECL row][version 1..40] (index 0 unused).
 * Every block of a symbol has the same number of error correction codewords.
 */
export const ECC_CODEWORDS_PER_BLOCK: readonly (readonly number[])[] = Object.freeze([
  // 0, 1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40
  [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30], // L
  [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28], // M
  [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30], // Q
  [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30], // H
].map((row) => Object.freeze(row)));

/** Table 9: number of error correction blocks, by [ECL row][version 1..40] (index 0 unused). */
export const ECC_BLOCKS: readonly (readonly number[])[] = Object.freeze([
  // 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40
  [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25], // L
  [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49], // M
  [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68], // Q
  [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81], // H
].map((row) => Object.freeze(row)));

/**
 * Number of modules available for codewords and remainder bits at a version (Table 1, "data modules except ..."):
 * the whole symbol less finder patterns with separators, timing patterns, alignment patterns,
 * format information, the dark module and, from version 7, version information.
 */
export function rawDataModules(version: number): number {
  let modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const aligns = Math.floor(version / 7) + 2;
    modules -= (25 * aligns - 10) * aligns - 55;
    if (version >= 7) modules -= 36;
  }
  return modules;
}

/** Table 1: total codewords of a version (data + error correction); the remainder bits are rawDataModules % 8. */
export function totalCodewords(version: number): number {
  return rawDataModules(version) >>> 3;
}

/** A version and ECL's Reed-Solomon blocks (Table 9): short blocks first, the rest one data codeword longer (§7.6). */
export interface BlockStructure {
  readonly blocks: number;
  /** Error correction codewords in every block. */
  readonly eccLength: number;
  readonly total: number;
  readonly shortBlocks: number;
  /** Data codewords in a short block. */
  readonly shortData: number;
}

/** Made once per version and ECL, so that the encoder's hot path allocates nothing for it. */
const blockStructures: (BlockStructure | undefined)[] = [];

export function blockStructure(version: number, ecl: Ecl): BlockStructure {
  const row = ECL_INDEX[ecl];
  const key = version * 4 + row;
  let structure = blockStructures[key];
  if (structure === undefined) {
    const blocks = ECC_BLOCKS[row]![version]!;
    const eccLength = ECC_CODEWORDS_PER_BLOCK[row]![version]!;
    const total = totalCodewords(version);
    structure = Object.freeze({ blocks, eccLength, total, shortBlocks: blocks - (total % blocks), shortData: Math.floor(total / blocks) - eccLength });
    blockStructures[key] = structure;
  }
  return structure;
}

/** Table 7 / Table 9: data codewords available at a version and ECL. */
export function dataCodewords(version: number, ecl: Ecl): number {
  const row = ECL_INDEX[ecl];
  return totalCodewords(version) - ECC_CODEWORDS_PER_BLOCK[row]![version]! * ECC_BLOCKS[row]![version]!;
}

/**
 * Annex E, Table E.1: row/column coordinates of alignment pattern centres, ascending.
 * The table follows a rule: the first is 6, the last is size − 7, and the ones between are evenly
 * spaced by an even step (version 32 is the standard's one exception to the rounding, step 26).
 */
export function alignmentPositions(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
  const positions = [6];
  for (let pos = version * 4 + 10; positions.length < count; pos -= step) positions.splice(1, 0, pos);
  return positions;
}
