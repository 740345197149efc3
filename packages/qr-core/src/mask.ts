/**
 * Data masking, §7.8: the eight mask patterns (§7.8.2, Table 10), applied to the unmasked symbol in both
 * packed orientations, and the evaluation of a masked symbol by the four penalty rules of Table 11 (§7.8.3),
 * scored on bit-packed lines 32 modules at a time. Which mask wins is `encode.ts`'s choice.
 *
 * N1 = 3: each run of five or more same-colour modules in a row or column scores 3 + (length − 5).
 * N2 = 3: each 2 × 2 block of one colour scores 3 (blocks may overlap).
 * N3 = 40: each 1:1:3:1:1 (dark:light:dark:light:dark) pattern with a light area four times its unit
 *   wide on one side scores 40, once for each side that has it. The area beyond the symbol counts as light
 *   (the quiet zone, §6.3.8), and patterns of any unit width count, not only width 1.
 * N4 = 10: for each full 5 % by which the dark share deviates from 50 %, 10.
 *
 * The standard leaves two readings of N3 open (whether the light area must be exactly four modules,
 * whether wider units count); this follows the reading of nayuki's reference encoder, so that both pick
 * the same mask for the same symbol — the differential test depends on it.
 */
import type { Layout } from './matrix.js';

/**
 * Table 10: the data mask conditions, with i the row and j the column; where a condition holds,
 * the module is inverted.
 */
const MASK_CONDITIONS: readonly ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

/**
 * The conditions depend on i and j only through their remainders modulo 2, 3, 4 and 6, so each pattern is a
 * 12 × 12 tile repeated; and word k of a line starts at module 32k ≡ 0, 8, 4 (mod 12) for k ≡ 0, 1, 2 (mod 3).
 * So for each mask, 36 words by row (entry (i mod 12) × 3 + k mod 3: row i fixed, the word's bits along j)
 * and 36 by column (column j fixed, bits along i) are every word of every pattern, before the encoding
 * region is cut out.
 */
const TILE_WORDS: readonly { readonly byRow: Int32Array; readonly byCol: Int32Array }[] = MASK_CONDITIONS.map((condition) => {
  const byRow = new Int32Array(36);
  const byCol = new Int32Array(36);
  for (let line = 0; line < 12; line++) {
    for (let phase = 0; phase < 3; phase++) {
      const start = (32 * phase) % 12;
      for (let bit = 0; bit < 32; bit++) {
        if (condition(line, start + bit)) byRow[line * 3 + phase]! |= 1 << bit;
        if (condition(start + bit, line)) byCol[line * 3 + phase]! |= 1 << bit;
      }
    }
  }
  return { byRow, byCol };
});

/**
 * For each condition of Table 10 and a symbol's layout: the modules it inverts (§7.8.2: only in the encoding
 * region), by row and by column. Micro QR's four masks and rMQR's one are conditions of the same table
 * (§7.8.2 Table 10; ISO/IEC 23941 §7.8.2), so one set serves every symbology.
 */
export interface MaskPatterns {
  readonly rows: readonly Int32Array[];
  readonly cols: readonly Int32Array[];
}

const maskPatterns: (MaskPatterns | undefined)[] = [];

/** The cached mask patterns of a layout. */
export function maskPatternsOf(layout: Layout): MaskPatterns {
  return (maskPatterns[layout.key] ??= buildMaskPatterns(layout));
}

function buildMaskPatterns({ width, height, words, colWords, dataRows, dataCols }: Layout): MaskPatterns {
  const rows: Int32Array[] = [];
  const cols: Int32Array[] = [];
  for (const { byRow, byCol } of TILE_WORDS) {
    const patternRows = new Int32Array(height * words);
    const patternCols = new Int32Array(width * colWords);
    for (let line = 0; line < height; line++) {
      for (let k = 0; k < words; k++) patternRows[line * words + k] = byRow[(line % 12) * 3 + (k % 3)]! & dataRows[line * words + k]!;
    }
    for (let line = 0; line < width; line++) {
      for (let k = 0; k < colWords; k++) patternCols[line * colWords + k] = byCol[(line % 12) * 3 + (k % 3)]! & dataCols[line * colWords + k]!;
    }
    rows.push(patternRows);
    cols.push(patternCols);
  }
  return Object.freeze({ rows, cols });
}

/** `masked` = the unmasked lines XOR a mask's pattern (a condition of Table 10), in both orientations of a square symbol. */
export function applyMask(
  patterns: MaskPatterns,
  mask: number,
  rows: Int32Array,
  cols: Int32Array,
  maskedRows: Int32Array,
  maskedCols: Int32Array,
): void {
  const patternRows = patterns.rows[mask]!;
  const patternCols = patterns.cols[mask]!;
  for (let i = 0; i < rows.length; i++) {
    maskedRows[i] = rows[i]! ^ patternRows[i]!;
    maskedCols[i] = cols[i]! ^ patternCols[i]!;
  }
}

/** The same by row only: for the symbologies whose mask choice needs no columns (Micro QR, rMQR). */
export function applyMaskToRows(patterns: MaskPatterns, condition: number, rows: Int32Array, maskedRows: Int32Array): void {
  const patternRows = patterns.rows[condition]!;
  for (let i = 0; i < rows.length; i++) maskedRows[i] = rows[i]! ^ patternRows[i]!;
}

// ---------------------------------------------------------------------------------------------
// Evaluation, §7.8.3: the penalty rules of Table 11

const N1 = 3;
const N2 = 3;
const N3 = 40;
const N4 = 10;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * One word of a bit-packed orientation is 32 lanes, each a line of the other orientation: word k of packed
 * rows holds, for 32 columns at once, the module of row p. Walking p down a word therefore scores 32
 * columns in parallel with plain AND/OR/NOT, and the packed columns do the same for rows.
 */

/** The lanes (bits) of word k that are lines of the symbol: the last word is partly past the edge. */
function lanesOf(size: number, k: number): number {
  const lanes = size - (k << 5);
  return lanes >= 32 ? -1 : (1 << lanes) - 1;
}

/** Word k at position p, light (0) past the edge. */
function wordAt(lines: Int32Array, size: number, words: number, k: number, p: number): number {
  return p >= 0 && p < size ? lines[p * words + k]! : 0;
}

/** N1 over the lines that are lanes of `lines`. */
function runsPenalty(lines: Int32Array, size: number, words: number): number {
  let score = 0;
  for (let k = 0; k < words; k++) {
    const lanes = lanesOf(size, k);
    // e0..e3: whether modules p..p+3 equal the next; eBefore: whether p − 1 equals p (at p = 0, no: a run starts).
    let v3 = lines[3 * words + k]!;
    let e0 = ~(lines[k]! ^ lines[words + k]!);
    let e1 = ~(lines[words + k]! ^ lines[2 * words + k]!);
    let e2 = ~(lines[2 * words + k]! ^ v3);
    let eBefore = 0;
    for (let p = 0, at = 4 * words + k; p <= size - 5; p++, at += words) {
      const v4 = lines[at]!;
      const e3 = ~(v3 ^ v4);
      // Windows of five equal modules: a run of length L has L − 4 of them, and scores L − 5 + N1.
      const windows = e0 & e1 & e2 & e3 & lanes;
      if (windows !== 0) score += popcount(windows) + (N1 - 1) * popcount(windows & ~eBefore);
      eBefore = e0;
      e0 = e1;
      e1 = e2;
      e2 = e3;
      v3 = v4;
    }
  }
  return score;
}

/**
 * Length of the run of `colour` in lane `lane` of word k, from `position` in `direction` (±1);
 * Infinity for a light run that reaches the edge, since the quiet zone continues it.
 */
function runLength(lines: Int32Array, size: number, words: number, k: number, lane: number, position: number, colour: number, direction: 1 | -1): number {
  let length = 0;
  for (let p = position; ; p += direction, length++) {
    if (p < 0 || p >= size) return colour === 0 ? Infinity : length;
    if (((lines[p * words + k]! >>> lane) & 1) !== colour) return length;
  }
}

/**
 * N3 patterns of unit n ≥ 2 in one lane whose 3n-wide centre starts at `start`: rare (the centre is a dark
 * run of six or more after two light modules), so measured run by run.
 */
function widePatternCount(lines: Int32Array, size: number, words: number, k: number, lane: number, start: number): number {
  const run = (position: number, colour: number, direction: 1 | -1): number =>
    runLength(lines, size, words, k, lane, position, colour, direction);
  const centre = run(start, 1, 1);
  if (centre % 3 !== 0) return 0;
  const n = centre / 3;
  const before = start - 1;
  const after = start + centre;
  if (run(before, 0, -1) !== n || run(after, 0, 1) !== n || run(before - n, 1, -1) !== n || run(after + n, 1, 1) !== n) return 0;
  const lightBefore = run(before - 2 * n, 0, -1);
  const lightAfter = run(after + 2 * n, 0, 1);
  return (lightBefore >= 4 * n && lightAfter >= n ? 1 : 0) + (lightAfter >= 4 * n && lightBefore >= n ? 1 : 0);
}

/** The number of N3 patterns over the lines that are lanes of `lines`. */
function finderPatterns(lines: Int32Array, size: number, words: number): number {
  let count = 0;
  for (let k = 0; k < words; k++) {
    // b4..b1 hold positions p − 4..p − 1 (light before the edge), v0..v6 positions p..p + 6.
    let b4 = 0, b3 = 0, b2 = 0, b1 = 0;
    let v0 = lines[k]!, v1 = lines[words + k]!, v2 = lines[2 * words + k]!;
    let v3 = lines[3 * words + k]!, v4 = lines[4 * words + k]!, v5 = lines[5 * words + k]!;
    // A pattern of any unit needs its last dark module inside: p + 6 < size.
    for (let p = 0, at = 6 * words + k; p < size - 6; p++, at += words) {
      const v6 = lines[at]!;
      // Unit 1: 1011101 exactly (light on both sides), with four light modules before or after.
      const core = v0 & ~v1 & v2 & v3 & v4 & ~v5 & v6 & ~b1;
      if (core !== 0) {
        const v7 = wordAt(lines, size, words, k, p + 7);
        const lightAfter4 = ~(v7 | wordAt(lines, size, words, k, p + 8) | wordAt(lines, size, words, k, p + 9) | wordAt(lines, size, words, k, p + 10));
        const lightBefore4 = ~(b1 | b2 | b3 | b4);
        count += popcount(core & ~v7 & lightBefore4) + popcount(core & lightAfter4);
      }
      // Units 2 and more: a centre of six or more dark modules after two light ones, then measured run by
      // run — but only where the neighbours fit: unit 2 has dark at p − 3, p − 4 and light at p + 6;
      // units of 3 and more have light at p − 3 and dark up to p + 8. (Finder rings, 7 long, fit neither.)
      const centre = v0 & v1 & v2 & v3 & v4 & v5 & ~(b1 | b2);
      if (centre !== 0) {
        let wide = centre & b3 & b4 & ~v6;
        const longer = centre & ~b3 & v6;
        if (longer !== 0) wide |= longer & wordAt(lines, size, words, k, p + 7) & wordAt(lines, size, words, k, p + 8);
        for (; wide !== 0; wide &= wide - 1) count += widePatternCount(lines, size, words, k, 31 - Math.clz32(wide & -wide), p);
      }
      b4 = b3; b3 = b2; b2 = b1; b1 = v0;
      v0 = v1; v1 = v2; v2 = v3; v3 = v4; v4 = v5; v5 = v6;
    }
  }
  return count;
}

/** Bits of word `k` for positions p ≤ last (p = 32k + bit). */
function positionsUpTo(last: number, k: number): number {
  const first = k << 5;
  if (last >= first + 31) return -1;
  if (last < first) return 0;
  return (1 << (last - first + 1)) - 1;
}

/** N2 and N4, on rows. */
function blocksAndBalancePenalty(rows: Int32Array, size: number, words: number): number {
  let blocks = 0;
  let dark = 0;
  for (let offset = 0; offset < size * words; offset += words) {
    for (let k = 0; k < words; k++) dark += popcount(rows[offset + k]!);
    if (offset + words >= size * words) break;
    for (let k = 0; k < words; k++) {
      const a = rows[offset + k]!;
      const b = rows[offset + words + k]!;
      const both = a & b;
      const either = a | b;
      const hasNext = k + 1 < words;
      const bothNext = hasNext ? rows[offset + k + 1]! & rows[offset + words + k + 1]! : 0;
      const eitherNext = hasNext ? rows[offset + k + 1]! | rows[offset + words + k + 1]! : 0;
      const darkBlocks = both & ((both >>> 1) | (bothNext << 31));
      const lightBlocks = ~(either | (either >>> 1) | (eitherNext << 31));
      blocks += popcount((darkBlocks | lightBlocks) & positionsUpTo(size - 2, k));
    }
  }
  const total = size * size;
  // k full 5 % steps of deviation; total is odd, so the share is never exactly 50 %.
  const steps = Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1;
  return N2 * blocks + N4 * steps;
}

/**
 * The penalty score of a masked symbol given as packed rows and columns (Table 11: lower is better).
 * Every rule adds, so scoring stops as soon as the sum reaches `bound` (the best score so far): the
 * result is then some value ≥ bound, and the caller only asks whether a mask beats the best.
 * The costliest rule, N3, comes last.
 */
export function penaltyScore(rows: Int32Array, cols: Int32Array, size: number, words: number, bound = Infinity): number {
  // Packed rows have columns as lanes, and packed columns rows.
  let score = blocksAndBalancePenalty(rows, size, words) + runsPenalty(rows, size, words) + runsPenalty(cols, size, words);
  if (score < bound) score += N3 * (finderPatterns(rows, size, words) + finderPatterns(cols, size, words));
  return score;
}
