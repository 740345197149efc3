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

/**
 * One word of a bit-packed orientation is 32 lanes, each a line of the other orientation: word k of packed
 * rows holds, for 32 columns at once, the module of row p. Walking p down a word therefore scores 32
 * columns in parallel with plain AND/OR/NOT, and the packed columns do the same for rows.
 * `strip` holds the word's value at each position p at index p + PAD, with light (0) padding either side.
 */
const PAD = 4;
const TAIL = 11;
let strip = new Int32Array(177 + PAD + TAIL);

/** The lanes (bits) of word k that are lines of the symbol: the last word is partly past the edge. */
function lanesOf(size: number, k: number): number {
  const lanes = size - (k << 5);
  return lanes >= 32 ? -1 : (1 << lanes) - 1;
}

/**
 * Length of the run of `colour` in lane `lane` of the strip, from `position` in `direction` (±1);
 * Infinity for a light run that reaches the edge, since the quiet zone continues it.
 */
function runLength(size: number, lane: number, position: number, colour: number, direction: 1 | -1): number {
  let length = 0;
  for (let p = position; ; p += direction, length++) {
    if (p < 0 || p >= size) return colour === 0 ? Infinity : length;
    if (((strip[p + PAD]! >>> lane) & 1) !== colour) return length;
  }
}

/**
 * N3 patterns of unit n ≥ 2 in one lane whose 3n-wide centre starts at `start`: rare (the centre is a dark
 * run of six or more after two light modules), so measured run by run.
 */
function widePatternCount(size: number, lane: number, start: number): number {
  const centre = runLength(size, lane, start, 1, 1);
  if (centre % 3 !== 0) return 0;
  const n = centre / 3;
  const before = start - 1;
  const after = start + centre;
  if (runLength(size, lane, before, 0, -1) !== n || runLength(size, lane, after, 0, 1) !== n) return 0;
  if (runLength(size, lane, before - n, 1, -1) !== n || runLength(size, lane, after + n, 1, 1) !== n) return 0;
  const lightBefore = runLength(size, lane, before - 2 * n, 0, -1);
  const lightAfter = runLength(size, lane, after + 2 * n, 0, 1);
  return (lightBefore >= 4 * n && lightAfter >= n ? 1 : 0) + (lightAfter >= 4 * n && lightBefore >= n ? 1 : 0);
}

/** Set bits of a word that has few (Kernighan's loop): cheaper than a full popcount for sparse words. */
function sparseCount(x: number): number {
  let count = 0;
  for (; x !== 0; x &= x - 1) count++;
  return count;
}

/**
 * N1 and N3 over the lines that are lanes of `lines` (so: columns when given packed rows, and the reverse).
 * Walking down a word, registers roll: b4..b1 hold positions p − 4..p − 1, v0..v6 positions p..p + 6,
 * and e0..e3 whether each of v0..v4 equals the next (eBefore: whether p − 1 equals p).
 */
function lanesPenalty(lines: Int32Array, size: number, words: number): number {
  let score = 0;
  if (strip.length < size + PAD + TAIL) strip = new Int32Array(size + PAD + TAIL);
  const s = strip;
  s.fill(0, size + PAD, size + PAD + TAIL); // a larger symbol may have used the strip before
  for (let k = 0; k < words; k++) {
    const lanes = lanesOf(size, k);
    for (let p = 0; p < size; p++) s[p + PAD] = lines[p * words + k]!;
    let b4 = 0, b3 = 0, b2 = 0, b1 = 0;
    let v0 = s[PAD]!, v1 = s[PAD + 1]!, v2 = s[PAD + 2]!, v3 = s[PAD + 3]!, v4 = s[PAD + 4]!, v5 = s[PAD + 5]!;
    let eBefore = 0; // position −1 is the quiet zone: a run starts at 0 in every lane
    let e0 = ~(v0 ^ v1), e1 = ~(v1 ^ v2), e2 = ~(v2 ^ v3);
    const lastWindow = size - 5;
    for (let p = 0; p < size; p++) {
      const v6 = s[p + PAD + 6]!;
      const e3 = ~(v3 ^ v4);
      const five = e0 & e1 & e2 & e3; // v0..v4 all equal

      // N1: windows of five equal modules; a run of length L has L − 4 of them, and scores L − 5 + N1.
      if (p <= lastWindow) {
        const windows = five & lanes;
        if (windows !== 0) score += sparseCount(windows) + (N1 - 1) * sparseCount(windows & ~eBefore);
      }

      // N3 with unit 1: 1011101 exactly (light on both sides), with four light modules before or after.
      const core = v0 & ~v1 & v2 & v3 & v4 & ~v5 & v6 & ~b1;
      if (core !== 0) {
        const v7 = s[p + PAD + 7]!;
        const lightAfter4 = ~(v7 | s[p + PAD + 8]! | s[p + PAD + 9]! | s[p + PAD + 10]!);
        const lightBefore4 = ~(b1 | b2 | b3 | b4);
        score += N3 * (sparseCount(core & ~v7 & lightBefore4) + sparseCount(core & lightAfter4));
      }

      // N3 with units 2 and more: from each dark run of six or more after two light modules.
      let wide = five & v0 & v5 & ~(b1 | b2);
      while (wide !== 0) {
        const bit = wide & -wide;
        score += N3 * widePatternCount(size, 31 - Math.clz32(bit), p);
        wide ^= bit;
      }

      b4 = b3; b3 = b2; b2 = b1; b1 = v0;
      v0 = v1; v1 = v2; v2 = v3; v3 = v4; v4 = v5; v5 = v6;
      eBefore = e0; e0 = e1; e1 = e2; e2 = e3;
    }
  }
  return score;
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
 */
export function penaltyScore(rows: Int32Array, cols: Int32Array, size: number, words: number, bound = Infinity): number {
  // Packed rows have columns as lanes, and packed columns rows.
  let score = blocksAndBalancePenalty(rows, size, words);
  if (score < bound) score += lanesPenalty(cols, size, words);
  if (score < bound) score += lanesPenalty(rows, size, words);
  return score;
}
