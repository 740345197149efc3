/**
 * The rMQR facts, indexed the way the standard reads them.
 * Standard: ISO/IEC 23941:2022 (Rectangular Micro QR Code). Every clause and table cited under `rmqr/` is from
 * this edition. The 32 sizes are indexed 0..31 in the standard's order (R7x43 … R17x139): the index is the size's
 * 5-bit indicator in the format information (§7.9; Annex C, Table C.1 lists the 64 words in this order), so it is
 * also the order of every table below.
 */
import type { Mode } from '../segments.js';
import type { BlockStructure } from '../tables.js';
import { rmqrSize as sizeOf, type RmqrEcl } from './rmqr-sizes.js';

/**
 * Table 1: total codewords (data + error correction) by size index. The encoding region of each size holds these
 * × 8 modules plus its remainder bits (asserted against the layout in `rmqr.test.ts`).
 */
const TOTAL_CODEWORDS: readonly number[] = [
  13, 21, 32, 44, 68, // R7
  21, 33, 49, 66, 99, // R9
  15, 31, 47, 67, 89, 132, // R11
  21, 41, 60, 85, 113, 166, // R13
  51, 74, 103, 136, 199, // R15
  61, 88, 122, 160, 232, // R17
];

/**
 * Table 1: remainder bits by size index, the modules of the encoding region after the last whole codeword (the same
 * at M and H, since the layout does not depend on the ECL).
 */
const REMAINDER_BITS: readonly number[] = [
  0, 3, 5, 6, 1, // R7
  2, 3, 1, 4, 5, // R9
  2, 1, 0, 2, 7, 6, // R11
  4, 1, 6, 4, 3, 0, // R13
  1, 4, 6, 7, 2, // R15
  1, 2, 0, 3, 4, // R17
];

/** Table 6: data codewords by size index, per ECL. */
const DATA_CODEWORDS: Readonly<Record<RmqrEcl, readonly number[]>> = {
  M: [
    6, 12, 20, 28, 44, // R7
    12, 21, 31, 42, 63, // R9
    7, 19, 31, 43, 57, 84, // R11
    12, 27, 38, 53, 73, 106, // R13
    33, 48, 67, 88, 127, // R15
    39, 56, 78, 100, 152, // R17
  ],
  H: [
    3, 7, 10, 14, 24, // R7
    7, 11, 17, 22, 33, // R9
    5, 11, 15, 23, 29, 42, // R11
    7, 13, 20, 29, 35, 54, // R13
    15, 26, 31, 48, 69, // R15
    21, 28, 38, 56, 76, // R17
  ],
};

/**
 * Table 8: number of error correction blocks by size index, per ECL. Every block of a symbol has the same number
 * of error correction codewords, (total − data) / blocks; where the data does not divide evenly, the later blocks
 * hold one data codeword more, as in QR (§7.6).
 */
const BLOCKS: Readonly<Record<RmqrEcl, readonly number[]>> = {
  M: [
    1, 1, 1, 1, 1, // R7
    1, 1, 1, 1, 2, // R9
    1, 1, 1, 1, 2, 2, // R11
    1, 1, 1, 2, 2, 3, // R13
    1, 1, 2, 2, 3, // R15
    1, 2, 2, 3, 4, // R17
  ],
  H: [
    1, 1, 1, 1, 2, // R7
    1, 1, 2, 2, 3, // R9
    1, 1, 2, 2, 2, 3, // R11
    1, 1, 2, 2, 3, 4, // R13
    2, 2, 3, 4, 5, // R15
    2, 2, 3, 4, 6, // R17
  ],
};

/** The data modes that have a character count indicator. */
export type RmqrDataMode = Exclude<Mode, 'eci'>;

/**
 * Table 3: character count indicator lengths in bits by size index, per mode. They grow with the size's data
 * capacity, not with a version group as in QR, so every size has its own row.
 */
const COUNT_BITS: Readonly<Record<RmqrDataMode, readonly number[]>> = {
  numeric: [
    4, 5, 6, 7, 7, // R7
    5, 6, 7, 7, 8, // R9
    4, 6, 7, 7, 8, 8, // R11
    5, 6, 7, 7, 8, 8, // R13 (R13x77: 7 bits in the 2022 edition, enough for its 124 digits; drafts had 8)
    7, 7, 8, 8, 9, // R15
    7, 8, 8, 8, 9, // R17
  ],
  alphanumeric: [
    3, 5, 5, 6, 6, // R7
    5, 5, 6, 6, 7, // R9
    4, 5, 6, 6, 7, 7, // R11
    5, 6, 6, 7, 7, 8, // R13
    6, 7, 7, 7, 8, // R15
    6, 7, 7, 8, 8, // R17
  ],
  byte: [
    3, 4, 5, 5, 6, // R7
    4, 5, 5, 6, 6, // R9
    3, 5, 5, 6, 6, 7, // R11
    4, 5, 6, 6, 7, 7, // R13
    6, 6, 7, 7, 7, // R15
    6, 6, 7, 7, 8, // R17
  ],
  kanji: [
    2, 3, 4, 5, 5, // R7
    3, 4, 5, 5, 6, // R9
    2, 4, 5, 5, 6, 6, // R11
    3, 5, 5, 6, 6, 7, // R13
    5, 5, 6, 6, 7, // R15
    5, 6, 6, 6, 7, // R17
  ],
};

/**
 * Table 2: the 3-bit mode indicators (one bit shorter than QR's), with the 3-bit terminator 000 of the same table.
 * The values are QR's with the modes renumbered densely: byte is 011 here where QR has 0100.
 */
export const RMQR_MODE_INDICATOR = Object.freeze({
  terminator: 0b000,
  numeric: 0b001,
  alphanumeric: 0b010,
  byte: 0b011,
  kanji: 0b100,
  fnc1First: 0b101,
  fnc1Second: 0b110,
  eci: 0b111,
} as const);

/** Mode indicator and terminator length in bits (Table 2). */
export const RMQR_MODE_BITS = 3;

/**
 * Annex D, Table D.1: columns of the alignment pattern centres by symbol width. Each is also a vertical timing
 * line from the top edge to the bottom; width 27 has none. The centres split the width into nearly equal spans.
 */
const ALIGNMENT_COLUMNS: Readonly<Record<number, readonly number[]>> = {
  27: [],
  43: [21],
  59: [19, 39],
  77: [25, 51],
  99: [23, 49, 75],
  139: [27, 55, 83, 111],
};


/** Table 1: total codewords of a size. */
export function rmqrTotalCodewords(index: number): number {
  sizeOf(index);
  return TOTAL_CODEWORDS[index]!;
}

/** Table 1: remainder bits of a size; its encoding region has 8 × total codewords + these modules. */
export function rmqrRemainderBits(index: number): number {
  sizeOf(index);
  return REMAINDER_BITS[index]!;
}

/** Table 6: data codewords available at a size and ECL. */
export function rmqrDataCodewords(index: number, ecl: RmqrEcl): number {
  sizeOf(index);
  return DATA_CODEWORDS[ecl][index]!;
}

/** Made once per size and ECL, so that the encoder's hot path allocates nothing for it. */
const blockStructures: (BlockStructure | undefined)[] = [];

/** A size and ECL's Reed-Solomon blocks (Table 8), in the shape of QR's: short blocks first, the rest one data codeword longer. */
export function rmqrBlockStructure(index: number, ecl: RmqrEcl): BlockStructure {
  const key = index * 2 + (ecl === 'H' ? 1 : 0);
  let structure = blockStructures[key];
  if (structure === undefined) {
    const total = rmqrTotalCodewords(index);
    const blocks = BLOCKS[ecl][index]!;
    const eccLength = (total - rmqrDataCodewords(index, ecl)) / blocks;
    structure = Object.freeze({ blocks, eccLength, total, shortBlocks: blocks - (total % blocks), shortData: Math.floor(total / blocks) - eccLength });
    blockStructures[key] = structure;
  }
  return structure;
}

/** Table 3: the character count indicator length of a mode at a size. */
export function rmqrCountBits(mode: RmqrDataMode, index: number): number {
  sizeOf(index);
  return COUNT_BITS[mode][index]!;
}

/** Table D.1: the alignment pattern centre columns of a size, ascending. */
export function rmqrAlignmentColumns(index: number): readonly number[] {
  return ALIGNMENT_COLUMNS[sizeOf(index).width]!;
}
