/**
 * The format and version information read back from a symbol's modules, where a reader finds them
 * (ISO/IEC 18004:2015 §7.9.1 Figure 25, §7.10 Figure 27), written out here rather than taken from the
 * encoder's layout so that the tests check the encoder's positions against the standard's.
 * Bits come back as the standard's tables print them: a string, most significant bit first.
 */

/** Whether the module at column x, row y is dark. */
export type Dark = (x: number, y: number) => boolean;

function bitString(dark: Dark, positions: readonly (readonly [number, number])[]): string {
  // positions[i] holds bit i (least significant first); the string starts with the most significant.
  return positions.map(([x, y]) => (dark(x, y) ? '1' : '0')).reverse().join('');
}

/**
 * The 15 format information bits of one copy (Table C.1's form). Copy 0 is around the top-left finder:
 * bits 0–7 down column 8 from the top, stepping over the timing pattern in row 6, then bits 8–14 along row 8
 * leftwards, stepping over column 6. Copy 1 is split: bits 0–7 along row 8 leftwards from the right edge,
 * bits 8–14 down column 8 to the bottom edge.
 */
export function readFormat(dark: Dark, size: number, copy: 0 | 1): string {
  const positions: [number, number][] = [];
  for (let i = 0; i < 15; i++) {
    if (copy === 0) positions.push(i < 8 ? [8, i < 6 ? i : i + 1] : [i === 8 ? 7 : 14 - i, 8]);
    else positions.push(i < 8 ? [size - 1 - i, 8] : [8, size - 15 + i]);
  }
  return bitString(dark, positions);
}

/**
 * The 18 version information bits of one block (Table D.1's form), versions 7 and up. The bottom-left block
 * is 6 columns × 3 rows above the bottom-left finder, bit i in column ⌊i / 3⌋ and row size − 11 + i mod 3;
 * the top-right block is its transpose, left of the top-right finder.
 */
export function readVersion(dark: Dark, size: number, block: 'bottom-left' | 'top-right'): string {
  const positions: [number, number][] = [];
  for (let i = 0; i < 18; i++) {
    const across = Math.floor(i / 3);
    const along = size - 11 + (i % 3);
    positions.push(block === 'bottom-left' ? [across, along] : [along, across]);
  }
  return bitString(dark, positions);
}
