/**
 * The encoded symbol: an immutable value that renderers take.
 * Level: output of {@link encode} (text → symbol) and {@link encodeSegments} (segments → symbol).
 */

/** Error correction level, ISO/IEC 18004:2015 §5.3.8 (recovery of about 7, 15, 25 and 30 % of codewords). */
export type Ecl = 'L' | 'M' | 'Q' | 'H';

export class QrSymbol {
  /** 1..40. */
  readonly version: number;
  /** The ECL actually used (after `boostEcl`, if asked). */
  readonly ecl: Ecl;
  /** Data mask pattern reference, 0..7 (§7.8.2). */
  readonly mask: number;
  /** Modules per side: 4 × version + 17. */
  readonly size: number;
  /** size × size modules, row-major, 1 = dark. Treat as read-only. */
  readonly modules: Uint8Array;

  constructor(version: number, ecl: Ecl, mask: number, modules: Uint8Array) {
    this.version = version;
    this.ecl = ecl;
    this.mask = mask;
    this.size = version * 4 + 17;
    this.modules = modules;
    Object.freeze(this);
  }

  /** True when the module at column x, row y (0-based, from the top left) is dark; false outside the symbol. */
  get(x: number, y: number): boolean {
    const size = this.size;
    return x >= 0 && y >= 0 && x < size && y < size && this.modules[y * size + x] === 1;
  }
}
