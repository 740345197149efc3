/**
 * Micro QR (ISO/IEC 18004:2015, the Micro QR clauses of §5–§7): M1..M4, 11 × 11 to 17 × 17 modules, one
 * finder pattern, a 2-module quiet zone. What the shared pipeline needs of it (see `symbology.ts`).
 */
import { packLayout, type Layout } from '../matrix.js';
import type { StreamFormat } from '../segments.js';
import { SYMBOL_SHAPES } from '../symbol-shapes.js';
import type { Symbology } from '../symbology.js';
import type { Ecl } from '../symbol.js';
import type { BlockStructure } from '../tables.js';
import { microFormatBits, microFunctionGrid, microSize } from './micro-layout.js';

/**
 * Table 7 (Micro QR rows): data capacity in bits by version and ECL. M1 and M3 end in a 4-bit codeword
 * (§7.4.10), hence 20, 84 and 68 bits.
 */
const DATA_BITS: readonly Readonly<Record<string, number>>[] = [{}, { L: 20 }, { L: 40, M: 32 }, { L: 84, M: 68 }, { L: 128, M: 112, Q: 80 }];

/** Table 1 (Micro QR rows): total codewords, the 4-bit one counted whole. */
const TOTAL_CODEWORDS = [0, 5, 10, 17, 24] as const;

/**
 * Tables 2 and 3: mode indicators of 0 (M1), 1, 2 and 3 bits (numeric 0, alphanumeric 1, byte 2, kanji 3;
 * no ECI, no FNC1), character count indicators by version (0 bits: the mode does not exist there), and the
 * terminator of §7.4.9: 3, 5, 7 and 9 zero bits.
 */
const STREAM_FORMATS: readonly StreamFormat[] = [
  { modeBits: 0, indicators: [0, -1, -1, -1, -1, -1], counts: [3, 0, 0, 0], terminatorBits: 3 },
  { modeBits: 1, indicators: [0, 1, -1, -1, -1, -1], counts: [4, 3, 0, 0], terminatorBits: 5 },
  { modeBits: 2, indicators: [0, 1, 2, 3, -1, -1], counts: [5, 4, 4, 3], terminatorBits: 7 },
  { modeBits: 3, indicators: [0, 1, 2, 3, -1, -1], counts: [6, 5, 5, 4], terminatorBits: 9 },
];

const layouts: (Layout | undefined)[] = [];
const blockStructures = new Map<string, BlockStructure>();

/** The evaluation of §7.8.3.2: SUM1 and SUM2, the dark modules of the right and bottom edges (the timing row and column left out). */
function edgeScore(layout: Layout, rows: Int32Array): number {
  const { width: size, words } = layout;
  const right = size - 1;
  let sum1 = 0;
  let sum2 = 0;
  for (let i = 1; i < size; i++) {
    sum1 += (rows[i * words + (right >>> 5)]! >>> (right & 31)) & 1;
    sum2 += (rows[right * words + (i >>> 5)]! >>> (i & 31)) & 1;
  }
  // Higher is better: the larger sum counts once, the smaller sixteen times.
  return sum1 <= sum2 ? sum1 * 16 + sum2 : sum2 * 16 + sum1;
}

export const MICRO: Symbology = Object.freeze({
  ...SYMBOL_SHAPES.micro,
  streamFormat: (version: number) => STREAM_FORMATS[version - 1]!,
  dataBits: (version: number, ecl: Ecl) => DATA_BITS[version]![ecl] ?? -1,
  blocks(version: number, ecl: Ecl): BlockStructure {
    const key = `${version}${ecl}`;
    let structure = blockStructures.get(key);
    if (structure === undefined) {
      // One block (Table 9): the data codewords (the 4-bit one as a byte) and the rest error correction.
      const total = TOTAL_CODEWORDS[version]!;
      const data = (DATA_BITS[version]![ecl]! + 7) >>> 3;
      structure = Object.freeze({ blocks: 1, eccLength: total - data, total, shortBlocks: 1, shortData: data });
      blockStructures.set(key, structure);
    }
    return structure;
  },
  layout: (version: number) => (layouts[version] ??= packLayout(40 + version, version, microFunctionGrid(version), { start: microSize(version) - 1, skip: -1 })),
  // §7.8.2 Table 10: Micro QR's references 00–11 are QR's conditions 1, 4, 6 and 7.
  maskConditions: [1, 4, 6, 7],
  maskScore: (layout: Layout, rows: Int32Array) => -edgeScore(layout, rows),
  needsColumns: false,
  formatValues: (version: number, ecl: Ecl, mask: number) => [microFormatBits(version, ecl, mask)],
});
