/**
 * The encoded symbol: an immutable value that renderers take.
 * Level: output of {@link encode} (text → symbol) and {@link encodeSegments} (segments → symbol).
 */

/** Error correction level, ISO/IEC 18004:2015 §5.3.8 (recovery of about 7, 15, 25 and 30 % of codewords). */
export type Ecl = 'L' | 'M' | 'Q' | 'H';

/** Marks a symbol made from packed rows by {@link symbolFromRows}, whose byte-per-module form is made on demand. */
const PACKED = new Uint8Array(0);

/** The rows {@link symbolFromRows} hands to the constructor, so that every field is set before the object is frozen. */
let packedRows: Int32Array | undefined;

export class QrSymbol {
  /** 1..40. */
  readonly version: number;
  /** The ECL actually used (after `boostEcl`, if asked). */
  readonly ecl: Ecl;
  /** Data mask pattern reference, 0..7 (§7.8.2). */
  readonly mask: number;
  /** Modules per side: 4 × version + 17. */
  readonly size: number;
  #modules: Uint8Array | undefined;
  /** The encoder's own form: bit (x & 31) of word y × ⌈size / 32⌉ + (x >>> 5) is module (x, y). */
  #rows: Int32Array | undefined;

  /** A symbol from its modules: size × size bytes, row-major, 1 = dark (as {@link QrSymbol.modules} gives them). */
  constructor(version: number, ecl: Ecl, mask: number, modules: Uint8Array) {
    this.version = version;
    this.ecl = ecl;
    this.mask = mask;
    this.size = version * 4 + 17;
    if (modules === PACKED) {
      this.#rows = packedRows;
      packedRows = undefined;
    } else if (modules.length !== this.size * this.size) {
      throw new RangeError(`a version ${version} symbol has ${this.size * this.size} modules; got ${modules.length}`);
    } else {
      this.#modules = modules;
    }
    Object.freeze(this);
  }

  /**
   * size × size modules, row-major, 1 = dark. Treat as read-only. Made from the encoder's packed rows on
   * first use and kept: most renderers read it, while `encode` alone need not pay for it.
   */
  get modules(): Uint8Array {
    return (this.#modules ??= unpack(this.#rows!, this.size));
  }

  /** True when the module at column x, row y (0-based, from the top left) is dark; false outside the symbol. */
  get(x: number, y: number): boolean {
    const size = this.size;
    if (!(x >= 0 && y >= 0 && x < size && y < size)) return false;
    const rows = this.#rows;
    if (rows === undefined) return this.#modules![y * size + x] === 1;
    return ((rows[y * ((size + 31) >>> 5) + (x >>> 5)]! >>> (x & 31)) & 1) === 1;
  }
}

/** A symbol from packed rows (the layout of {@link QrSymbol}'s private form), which it keeps: pass a copy. */
export function symbolFromRows(version: number, ecl: Ecl, mask: number, rows: Int32Array): QrSymbol {
  packedRows = rows;
  return new QrSymbol(version, ecl, mask, PACKED);
}

function unpack(rows: Int32Array, size: number): Uint8Array {
  const words = (size + 31) >>> 5;
  const modules = new Uint8Array(size * size);
  for (let y = 0, i = 0; y < size; y++) {
    for (let k = 0; k < words; k++) {
      const word = rows[y * words + k]!;
      const end = Math.min(32, size - (k << 5));
      for (let bit = 0; bit < end; bit++) modules[i++] = (word >>> bit) & 1;
    }
  }
  return modules;
}

/**
 * Calls `visit(start, end)` for each run of dark modules [start, end) in row y, left to right: the unit
 * the renderers draw (a path rectangle in SVG, a span of pixels in PNG).
 */
export function forEachDarkRun(qr: QrSymbol, y: number, visit: (start: number, end: number) => void): void {
  const { size, modules } = qr;
  const row = y * size;
  for (let x = 0; x < size; ) {
    if (modules[row + x] !== 1) {
      x++;
      continue;
    }
    const start = x;
    while (x < size && modules[row + x] === 1) x++;
    visit(start, x);
  }
}
