/**
 * What codeword placement and masking need to know about rMQR (ISO/IEC 23941:2022 §7.7.3, §7.8), beside the
 * function grid: the order is QR's two-module-wide zigzag, the mask is fixed, the remainder bits are zeros.
 */
import { DATA, type FunctionGrid } from '../function-grid.js';

/**
 * Where the zigzag starts and what it skips (§7.7.3): the right edge column (width − 1) is a vertical timing
 * pattern, all function modules, and the zigzag leaves it out, as QR leaves out its column 6: the first pair is
 * columns width − 2 and width − 3, the right module of a pair first, going upward from the bottom row; then pairs
 * two columns further left, alternately downward and upward, the last being columns 1 and 0. Leaving the edge out
 * matters although it holds no data: it decides which columns pair up and which pairs go up or down. No other column is
 * skipped: the vertical timing lines through the alignment patterns are function modules the zigzag passes over.
 * (Early zint releases paired the edge column with width − 2, shifting every pair by one; zint 2.11 does not.)
 */
export const RMQR_PLACEMENT = Object.freeze({
  /** The right column of the first pair, counted from the right edge: the edge column itself is skipped. */
  firstPairRight: 1,
  /** The first pair runs upward, from row height − 1. */
  firstUpward: true,
} as const);

/**
 * Remainder bits (§7.7.3): the modules of the encoding region after the last codeword are 0 (light) before
 * masking, as in QR, so in the symbol they show the mask.
 */
export const RMQR_REMAINDER_BIT = 0;

/**
 * The one data mask (§7.8): (⌊i / 2⌋ + ⌊j / 3⌋) mod 2 = 0, i the row and j the column, QR's mask 100. rMQR has
 * no mask choice, so the format information carries no mask number and no penalty is evaluated. True where a
 * module of the encoding region (and only there) is inverted.
 */
export function rmqrMaskInverts(row: number, column: number): boolean {
  return ((Math.floor(row / 2) + Math.floor(column / 3)) & 1) === 0;
}

/**
 * The cells (y × width + x) of the encoding region in placement order: bit i is bit 7 − (i & 7) of codeword
 * i >>> 3; the cells after the last whole codeword hold the remainder bits.
 */
export function rmqrPlacementOrder(grid: FunctionGrid): Int32Array {
  const { width, height, cells } = grid;
  let count = 0;
  for (const cell of cells) if (cell === DATA) count++;
  const order = new Int32Array(count);
  let n = 0;
  let upward: boolean = RMQR_PLACEMENT.firstUpward;
  for (let right = width - 1 - RMQR_PLACEMENT.firstPairRight; right >= 0; right -= 2, upward = !upward) {
    for (let step = 0; step < height; step++) {
      const y = upward ? height - 1 - step : step;
      for (let x = right; x >= right - 1; x--) {
        if (cells[y * width + x] === DATA) order[n++] = y * width + x;
      }
    }
  }
  return order;
}
