/**
 * Mask evaluation, §7.8.3: the four penalty rules of Table 11, scored on bit-packed lines 32 modules at a time.
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

/** Bits of word `k` for positions p ≤ last (p = 32k + bit). */
function positionsUpTo(last: number, k: number): number {
  const first = k << 5;
  if (last >= first + 31) return -1;
  if (last < first) return 0;
  return (1 << (last - first + 1)) - 1;
}

function moduleAt(lines: Int32Array, offset: number, position: number): number {
  return (lines[offset + (position >>> 5)]! >>> (position & 31)) & 1;
}

/**
 * Length of the run of `colour` starting at `position` and going in `direction` (±1);
 * Infinity for a light run that reaches the edge, since the quiet zone continues it.
 */
function runLength(lines: Int32Array, offset: number, size: number, position: number, colour: number, direction: 1 | -1): number {
  let length = 0;
  for (let p = position; ; p += direction, length++) {
    if (p < 0 || p >= size) return colour === 0 ? Infinity : length;
    if (moduleAt(lines, offset, p) !== colour) return length;
  }
}

/**
 * N3 patterns of unit n ≥ 2 whose 3n-wide centre starts at `start`: rare (the centre is a dark run of
 * six or more after two light modules), so measured run by run.
 */
function widePatternCount(lines: Int32Array, offset: number, size: number, start: number): number {
  const centre = runLength(lines, offset, size, start, 1, 1);
  if (centre % 3 !== 0) return 0;
  const n = centre / 3;
  const before = start - 1;
  const after = start + centre;
  if (runLength(lines, offset, size, before, 0, -1) !== n || runLength(lines, offset, size, after, 0, 1) !== n) return 0;
  if (runLength(lines, offset, size, before - n, 1, -1) !== n || runLength(lines, offset, size, after + n, 1, 1) !== n) return 0;
  const lightBefore = runLength(lines, offset, size, before - 2 * n, 0, -1);
  const lightAfter = runLength(lines, offset, size, after + 2 * n, 0, 1);
  return (lightBefore >= 4 * n && lightAfter >= n ? 1 : 0) + (lightAfter >= 4 * n && lightBefore >= n ? 1 : 0);
}

/**
 * N1 and N3 over every line (rows, or columns as rows of the transposed symbol).
 * With the modules of a line as bits L[p], R_s is the line read s further on (L[p + s]) and B_s the line
 * read s back (L[p − s]), both 0 (light) beyond the edges.
 */
function linesPenalty(lines: Int32Array, size: number, words: number): number {
  let score = 0;
  for (let offset = 0; offset < size * words; offset += words) {
    for (let k = 0; k < words; k++) {
      const cur = lines[offset + k]!;
      const next = k + 1 < words ? lines[offset + k + 1]! : 0;
      const prev = k > 0 ? lines[offset + k - 1]! : 0;
      const r1 = (cur >>> 1) | (next << 31);
      const r2 = (cur >>> 2) | (next << 30);
      const r3 = (cur >>> 3) | (next << 29);
      const r4 = (cur >>> 4) | (next << 28);
      const b1 = (cur << 1) | (prev >>> 31);
      const b2 = (cur << 2) | (prev >>> 30);

      // N1: windows of five equal modules; a run of length L has L − 4 of them, and scores L − 5 + N1.
      const windows = ((cur & r1 & r2 & r3 & r4) | ~(cur | r1 | r2 | r3 | r4)) & positionsUpTo(size - 5, k);
      if (windows !== 0) {
        const runStarts = (cur ^ b1) | (k === 0 ? 1 : 0);
        score += popcount(windows) + (N1 - 1) * popcount(windows & runStarts);
      }

      // N3 with unit 1: 1011101 exactly (light on both sides), with four light modules before or after.
      const r5 = (cur >>> 5) | (next << 27);
      const r6 = (cur >>> 6) | (next << 26);
      const core = cur & ~r1 & r2 & r3 & r4 & ~r5 & r6 & ~b1;
      if (core !== 0) {
        const r7 = (cur >>> 7) | (next << 25);
        const lightAfter4 = ~(r7 | ((cur >>> 8) | (next << 24)) | ((cur >>> 9) | (next << 23)) | ((cur >>> 10) | (next << 22)));
        const lightBefore4 = ~(b1 | b2 | ((cur << 3) | (prev >>> 29)) | ((cur << 4) | (prev >>> 28)));
        score += N3 * (popcount(core & ~r7 & lightBefore4) + popcount(core & lightAfter4));
      }

      // N3 with units 2 and more: start from each dark run of six or more after two light modules.
      let wide = cur & r1 & r2 & r3 & r4 & r5 & ~b1 & ~b2;
      while (wide !== 0) {
        const bit = wide & -wide;
        score += N3 * widePatternCount(lines, offset, size, (k << 5) + 31 - Math.clz32(bit));
        wide ^= bit;
      }
    }
  }
  return score;
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

/** The penalty score of a masked symbol given as packed rows and columns (Table 11: lower is better). */
export function penaltyScore(rows: Int32Array, cols: Int32Array, size: number, words: number): number {
  return blocksAndBalancePenalty(rows, size, words) + linesPenalty(rows, size, words) + linesPenalty(cols, size, words);
}
