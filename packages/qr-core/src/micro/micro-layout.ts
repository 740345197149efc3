/**
 * Micro QR's function patterns (ISO/IEC 18004:2015 §6.3, Figure 2) and format information (§7.9.2):
 * one finder pattern in the top-left corner with its separator, timing patterns along the top row and the
 * left column, and one copy of the format information around the finder.
 */
import { DARK, LIGHT, type FunctionGrid } from '../function-grid.js';
import { bch15 } from '../format.js';

/** Modules per side of M1..M4 (§6.1: 11, 13, 15, 17). */
export function microSize(version: number): number {
  return version * 2 + 9;
}

export function microFunctionGrid(version: number): FunctionGrid {
  const size = microSize(version);
  const cells = new Uint8Array(size * size);
  const set = (x: number, y: number, dark: boolean): void => {
    cells[y * size + x] = dark ? DARK : LIGHT;
  };
  // Finder pattern (§6.3.3), 7 × 7 rings dark, light, dark 3 × 3, and its separator (§6.3.4): light along
  // its right and bottom sides only, the other two being the symbol's edge.
  for (let y = 0; y <= 7; y++) {
    for (let x = 0; x <= 7; x++) {
      const ring = Math.max(Math.abs(x - 3), Math.abs(y - 3));
      set(x, y, ring !== 2 && ring !== 4);
    }
  }
  // Timing patterns (§6.3.5): row 0 and column 0, dark at even positions, from the separator to the edge.
  for (let i = 8; i < size; i++) {
    set(i, 0, i % 2 === 0);
    set(0, i, i % 2 === 0);
  }
  // Format information (§7.9.2, Figure 26): bits 14..7 along row 8 from column 1, bits 6..0 up column 8 from row 7.
  const copy: [number, number][] = [];
  for (let bit = 0; bit < 15; bit++) copy.push(bit < 7 ? [8, bit + 1] : [15 - bit, 8]);
  for (const [x, y] of copy) set(x, y, false);
  return { width: size, height: size, cells, formatCopies: [copy] };
}

/**
 * Table 13: the symbol number of each version and ECL, the 3 bits of the format information that say both.
 * M1 has error detection only, which qr-core reports as 'L'.
 */
const SYMBOL_NUMBERS: readonly Readonly<Record<string, number>>[] = [{}, { L: 0 }, { L: 1, M: 2 }, { L: 3, M: 4 }, { L: 5, M: 6, Q: 7 }];


/**
 * The 15 format information bits (§7.9.2): the symbol number (3 bits) and the mask (2 bits), a (15, 5) BCH
 * code with QR's generator 0x537, XORed with 100010001000101 (0x4445), Micro QR's own mask.
 */
export function microFormatBits(version: number, ecl: string, mask: number): number {
  return bch15((SYMBOL_NUMBERS[version]![ecl]! << 2) | mask) ^ 0x4445;
}
