/**
 * The encoded symbol: an immutable value that renderers take.
 * Level: output of {@link encode} (text → symbol) and {@link encodeSegments} (segments → symbol).
 */
import { assert, QrError } from './errors.js';
import { choiceOption, integerOption } from './options.js';
import { ECLS, MAX_VERSION, MIN_VERSION } from './tables.js';

/** Error correction level, ISO/IEC 18004:2015 §5.3.8 (recovery of about 7, 15, 25 and 30 % of codewords). */
export type Ecl = 'L' | 'M' | 'Q' | 'H';

/**
 * A symbol's modules in the encoder's own form, which the symbol keeps as they are (so pass a copy):
 * bit (x & 31) of word y × ⌈size / 32⌉ + (x >>> 5) is module (x, y), 1 = dark; bits past the edge are 0.
 * A type of its own so that the constructor tells it from a caller's modules.
 */
export class PackedRows {
  constructor(readonly words: Int32Array) {}
}

export class QrSymbol {
  /** 1..40. */
  readonly version: number;
  /** The ECL actually used (after `boostEcl`, if asked). */
  readonly ecl: Ecl;
  /** Data mask pattern reference, 0..7 (§7.8.2). */
  readonly mask: number;
  /** Modules per side: 4 × version + 17. */
  readonly size: number;
  readonly #rows: Int32Array;
  #modules: Uint8Array | undefined;

  /**
   * A symbol from its modules: size × size bytes, row-major, 1 = dark, 0 = light (as {@link QrSymbol.modules}
   * gives them), which it copies.
   *
   * @throws QrError 'INVALID_OPTION' naming the argument that does not fit, what was given and what would.
   */
  constructor(version: number, ecl: Ecl, mask: number, modules: Uint8Array);
  /** The encoder's symbol, from its packed rows. */
  constructor(version: number, ecl: Ecl, mask: number, modules: PackedRows);
  constructor(version: number, ecl: Ecl, mask: number, modules: Uint8Array | PackedRows) {
    const packed = modules instanceof PackedRows;
    this.version = packed ? version : integerOption('version', version, MIN_VERSION, MAX_VERSION);
    this.ecl = packed ? ecl : choiceOption('ecl', ecl, ECLS);
    this.mask = packed ? mask : integerOption('mask', mask, 0, 7);
    this.size = this.version * 4 + 17;
    this.#rows = packed ? modules.words : pack(modules, this.version, this.size);
    assert(this.#rows.length === this.size * ((this.size + 31) >>> 5), 'packed rows have one line per row');
    Object.freeze(this);
  }

  /**
   * size × size modules, row-major, 1 = dark. Treat as read-only. Made from the packed rows on first use
   * and kept: most renderers read it, while `encode` alone need not pay for it.
   */
  get modules(): Uint8Array {
    return (this.#modules ??= unpack(this.#rows, this.size));
  }

  /** True when the module at column x, row y (0-based, from the top left) is dark; false outside the symbol. */
  get(x: number, y: number): boolean {
    const size = this.size;
    if (!(x >= 0 && y >= 0 && x < size && y < size)) return false;
    // In range, and whole numbers after the truncation: the word exists.
    return ((this.#rows[(y >>> 0) * ((size + 31) >>> 5) + (x >>> 5)]! >>> (x & 31)) & 1) === 1;
  }
}

/** What a caller passed as modules, for a message. */
function describe(value: unknown): string {
  if (value instanceof Uint8Array) return `a Uint8Array of ${value.length} bytes`;
  if (typeof value !== 'object' || value === null) return String(value);
  const kind = Array.isArray(value) ? 'Array' : (value.constructor?.name ?? 'object');
  return `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** A caller's modules → packed rows; anything but size × size bytes of 0 and 1 is INVALID_OPTION. */
function pack(modules: unknown, version: number, size: number): Int32Array {
  const expected = `a Uint8Array of ${size * size} bytes (${size} × ${size} modules at version ${version}, row-major, 1 = dark)`;
  if (!(modules instanceof Uint8Array) || modules.length !== size * size) {
    throw new QrError('INVALID_OPTION', `modules must be ${expected}; got ${describe(modules)}`);
  }
  const words = (size + 31) >>> 5;
  const rows = new Int32Array(size * words);
  for (let y = 0, i = 0; y < size; y++) {
    for (let x = 0; x < size; x++, i++) {
      const module = modules[i]!;
      if (module === 1) rows[y * words + (x >>> 5)]! |= 1 << (x & 31);
      else if (module !== 0) throw new QrError('INVALID_OPTION', `modules must be 0 (light) or 1 (dark); got ${module} at index ${i} (x ${x}, y ${y})`);
    }
  }
  return rows;
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
  forEachRun(qr.modules, qr.size, y, visit);
}

/**
 * The same over any size × size matrix of 0/1 bytes (a renderer's own, with some modules taken
 * out, such as the finder patterns it draws whole).
 */
export function forEachRun(modules: Uint8Array, size: number, y: number, visit: (start: number, end: number) => void): void {
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
