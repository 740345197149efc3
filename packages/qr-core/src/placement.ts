/**
 * Codewords → the unmasked symbol (§7.7.3) in packed rows, and its transpose, the same symbol in packed
 * columns: the two orientations that masking (`mask.ts`) then inverts and scores.
 *
 * A file of its own rather than part of `matrix.ts`: the placement rule depends on the function patterns only
 * through the modules they leave free (`Layout.dataRows`), and it is what runs for every symbol, while
 * `matrix.ts` only builds and caches. The order of the bits is built once per version, as runs.
 * `encode.ts` calls the transpose itself: inlined into the placement, V8 compiles the two loops slower.
 */
import type { Layout } from './matrix.js';

/**
 * Where each codeword's bits go, as runs: the bits of a codeword that land side by side in one word, right
 * to left (two for most rows of the two-column placement, one beside function modules). Codeword i's runs
 * are `runs[starts[i] .. starts[i + 1])`, each packed as word << 12 | lowest bit << 7 | shift of the run in
 * the codeword byte << 4 | length.
 */
interface Placement {
  readonly runs: Int32Array;
  readonly starts: Int32Array;
}

const placements: (Placement | undefined)[] = [];

/**
 * The packed position (word << 5 | bit, by row) of every module of the encoding region in placement order
 * (§7.7.3): bit i is bit 7 − (i & 7) of codeword i >>> 3; in QR the modules after the last whole codeword
 * hold the remainder bits, in Micro QR's M1 and M3 a 4-bit codeword. Also what `logo-budget.ts` maps modules
 * to codewords with.
 */
export function placementOrder(layout: Layout): Int32Array {
  const { height, words, dataRows, placementStart, placementSkip } = layout;
  // The packed position of every data module in placement order (§7.7.3, Figure 14; Micro QR the same, rMQR
  // ISO/IEC 23941 §7.7.3): two-module-wide columns from the right, alternately upwards and downwards (the
  // first upwards), the right module of a pair first, skipping a column given whole (QR's vertical timing
  // pattern, column 6) and every module that is not in the encoding region.
  const positions = new Int32Array(layout.dataModules);
  let n = 0;
  for (let right = placementStart, pair = 0; right >= 1; right -= 2, pair++) {
    if (right === placementSkip) right--;
    const upward = (pair & 1) === 0;
    for (let step = 0; step < height; step++) {
      const y = upward ? height - 1 - step : step;
      for (let x = right; x >= right - 1; x--) {
        const word = y * words + (x >>> 5);
        if (((dataRows[word]! >>> (x & 31)) & 1) === 1) positions[n++] = (word << 5) | (x & 31);
      }
    }
  }
  return positions;
}

function buildPlacement(layout: Layout): Placement {
  const positions = placementOrder(layout);
  const n = positions.length;
  // Byte slots of eight modules, the last one shorter where the modules are not a multiple of 8: QR's remainder
  // bits (Table 1), zeros, which no codeword reaches; Micro QR's 4-bit codeword, in the high bits of a byte.
  const slots = (n + 7) >>> 3;
  const runs: number[] = [];
  const starts = new Int32Array(slots + 1);
  for (let i = 0; i < slots; i++) {
    starts[i] = runs.length;
    const bits = Math.min(8, n - i * 8);
    for (let bit = 0; bit < bits; ) {
      // Bit `bit` (most significant first) and the ones after it while each lands one module to the left, in the same word.
      const first = positions[i * 8 + bit]!;
      let length = 1;
      while (bit + length < bits && positions[i * 8 + bit + length] === first - length && (first & 31) >= length) length++;
      const lowest = first - length + 1;
      runs.push(((lowest >>> 5) << 12) | ((lowest & 31) << 7) | ((8 - bit - length) << 4) | length);
      bit += length;
    }
  }
  starts[slots] = runs.length;
  return { runs: Int32Array.from(runs), starts };
}

/**
 * The unmasked symbol by row: the function patterns with every 1 bit of the codewords set (§7.7.3, a run of
 * side-by-side bits at a time).
 */
export function placeCodewords(layout: Layout, codewords: Uint8Array, rows: Int32Array): void {
  const { runs, starts } = (placements[layout.key] ??= buildPlacement(layout));
  rows.set(layout.functionRows);
  for (let i = 0; i < codewords.length; i++) {
    const byte = codewords[i]!;
    for (let r = starts[i]!, end = starts[i + 1]!; r < end; r++) {
      const run = runs[r]!;
      rows[run >>> 12]! |= ((byte >>> ((run >>> 4) & 7)) & ((1 << (run & 15)) - 1)) << ((run >>> 7) & 31);
    }
  }
}

const block = new Int32Array(32);

/**
 * Packed rows → packed columns (every word written), 32 × 32 modules at a time: five rounds, each swapping the off-diagonal
 * halves of 2s × 2s sub-blocks (s = 16, 8, 4, 2, 1), so bit j of word i ends as bit i of word j.
 */
export function transpose(rows: Int32Array, cols: Int32Array, size: number, words: number): void {
  for (let m = 0; m < words; m++) {
    for (let k = 0; k < words; k++) {
      // The block of rows 32m.. and columns 32k..: word i = row 32m + i (past the edge: 0).
      for (let i = 0, y = m << 5; i < 32; i++, y++) block[i] = y < size ? rows[y * words + k]! : 0;
      for (let s = 16, mask = 0x0000ffff; s > 0; s >>>= 1, mask ^= mask << s) {
        for (let i = 0; i < 32; i = (i + s + 1) & ~s) {
          const t = ((block[i]! >>> s) ^ block[i + s]!) & mask;
          block[i] = block[i]! ^ (t << s);
          block[i + s] = block[i + s]! ^ t;
        }
      }
      for (let j = 0, x = k << 5; j < 32 && x < size; j++, x++) cols[x * words + m] = block[j]!;
    }
  }
}
