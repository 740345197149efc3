/**
 * What each symbology's drawing of its function patterns hands the shared pipeline (`matrix.ts` packs it
 * into a `Layout`): which modules are function modules and of what colour, which hold the format
 * information, and so which are left for the codewords.
 */

/** A module the codewords fill (the encoding region less the format information). */
export const DATA = 0;
/** A light function module (or a format information module, before the format is written). */
export const LIGHT = 1;
/** A dark function module. */
export const DARK = 2;

export interface FunctionGrid {
  /** Modules across. */
  readonly width: number;
  /** Modules down. */
  readonly height: number;
  /** width × height cells, row-major: DATA, LIGHT or DARK. The format information modules are LIGHT here. */
  readonly cells: Uint8Array;
  /**
   * The format information modules of each copy, as [x, y], bit 0 (the least significant) first: QR has two
   * copies of one 15-bit value, Micro QR one, rMQR two 18-bit values (one beside each finder).
   */
  readonly formatCopies: readonly (readonly (readonly [number, number])[])[];
}
