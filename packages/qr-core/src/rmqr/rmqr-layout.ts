/**
 * The function patterns of an rMQR size (ISO/IEC 23941:2022 §6.3) and the areas they leave: the format
 * information modules (§7.9) and the encoding region the codewords fill. Drawn in an order where each later
 * pattern wins where two meet, which is how the standard's figures overlap them.
 */
import { DARK, DATA, LIGHT, type FunctionGrid } from '../function-grid.js';
import { RMQR_SIZES } from './rmqr-sizes.js';
import { rmqrAlignmentColumns } from './rmqr-tables.js';

const grids: (FunctionGrid | undefined)[] = [];

/** The cached function grid of a size index 0..31. */
export function rmqrFunctionGrid(index: number): FunctionGrid {
  return (grids[index] ??= buildGrid(index));
}

function buildGrid(index: number): FunctionGrid {
  const size = RMQR_SIZES[index];
  if (size === undefined) throw new RangeError(`rMQR size index ${index} is not in 0..${RMQR_SIZES.length - 1}`);
  const { width, height } = size;
  const cells = new Uint8Array(width * height).fill(DATA);
  const set = (x: number, y: number, dark: boolean): void => {
    cells[y * width + x] = dark ? DARK : LIGHT;
  };
  // Timing patterns: all four edges alternate, dark at even positions; the finder, the sub-finder and the
  // corner patterns overwrite their parts. Every height and width is odd, so each edge starts and ends dark.
  for (let x = 0; x < width; x++) {
    set(x, 0, x % 2 === 0);
    set(x, height - 1, x % 2 === 0);
  }
  for (let y = 0; y < height; y++) {
    set(0, y, y % 2 === 0);
    set(width - 1, y, y % 2 === 0);
  }
  // Corner finder patterns at the top-right and bottom-left corners: dark along both edges for three modules
  // from the corner (the timing gives the corner and the third; the second, light in the timing, turns dark) and
  // light diagonally inside the corner, so a reader finds an L there. At heights 7 and 9 the finder and its
  // separator, drawn next, take over part of the bottom-left one (at 9 the separator makes (0, 7) light).
  for (const [cx, cy, dx, dy] of [[width - 1, 0, -1, 1], [0, height - 1, 1, -1]] as const) {
    set(cx + dx, cy, true);
    set(cx, cy + dy, true);
    set(cx + dx, cy + dy, false);
  }
  // Finder pattern at the top left: 7 × 7 rings dark, light, dark 3 × 3, centred on (3, 3).
  for (let y = 0; y < 7; y++) {
    for (let x = 0; x < 7; x++) set(x, y, Math.max(Math.abs(x - 3), Math.abs(y - 3)) !== 2);
  }
  // Its separator: one light column on its right; below it a light row, except at height 7, where the
  // finder spans the whole height and the bottom timing row takes that place.
  for (let y = 0; y < 7; y++) set(7, y, false);
  if (height > 7) {
    for (let x = 0; x < 8; x++) set(x, 7, false);
  }
  // Sub-finder pattern at the bottom right: 5 × 5 rings dark, light, dark centre, with no separator.
  for (let y = height - 5; y < height; y++) {
    for (let x = width - 5; x < width; x++) set(x, y, Math.max(Math.abs(x - (width - 3)), Math.abs(y - (height - 3))) !== 1);
  }
  // Alignment patterns and the vertical timing lines through them, at the Table D.1 columns:
  // the line runs from the top edge to the bottom, dark at even rows; a 3 × 3 pattern (dark ring, light centre)
  // sits on it at each edge, centred on rows 1 and height − 2.
  for (const column of rmqrAlignmentColumns(index)) {
    for (let y = 0; y < height; y++) set(column, y, y % 2 === 0);
    for (const centre of [1, height - 2]) {
      for (let y = centre - 1; y <= centre + 1; y++) {
        for (let x = column - 1; x <= column + 1; x++) set(x, y, x !== column || y !== centre);
      }
    }
  }
  // Format information (§7.9): beside the finder, bits 0–14 fill the 3 × 5
  // block of columns 8–10, rows 1–5, down each column (bit 5j + i at column 8 + j, row 1 + i), and bits 15–17
  // go down column 11, rows 1–3; beside the sub-finder the same shape, its block in columns width − 8 … width − 6,
  // rows height − 6 … height − 2, and bits 15–17 along row height − 6, columns width − 5 … width − 3, the row above
  // the sub-finder. Reserved light here, written per ECL.
  const finderSide: (readonly [number, number])[] = [];
  const subFinderSide: (readonly [number, number])[] = [];
  for (let bit = 0; bit < 15; bit++) {
    const j = Math.floor(bit / 5);
    const i = bit % 5;
    finderSide.push([8 + j, 1 + i]);
    subFinderSide.push([width - 8 + j, height - 6 + i]);
  }
  for (let k = 0; k < 3; k++) {
    finderSide.push([11, 1 + k]);
    subFinderSide.push([width - 5 + k, height - 6]);
  }
  for (const [x, y] of [...finderSide, ...subFinderSide]) set(x, y, false);

  return Object.freeze({ width, height, cells, formatCopies: Object.freeze([Object.freeze(finderSide), Object.freeze(subFinderSide)]) });
}
