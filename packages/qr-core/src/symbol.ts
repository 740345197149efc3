/**
 * The encoded symbol: an immutable value that renderers take.
 * Level: output of {@link encode} (text → symbol) and {@link encodeSegments} (segments → symbol).
 */
import { assert, QrError } from './errors.js';
import { choiceOption, integerOption } from './options.js';
import { SYMBOL_SHAPES, SYMBOLOGIES, type SymbologyName } from './symbol-shapes.js';

/** Error correction level, ISO/IEC 18004:2015 §5.3.8 (recovery of about 7, 15, 25 and 30 % of codewords). */
export type Ecl = 'L' | 'M' | 'Q' | 'H';

/**
 * A symbol's modules in the encoder's own form, which the symbol keeps as they are (so pass a copy):
 * bit (x & 31) of word y × ⌈width / 32⌉ + (x >>> 5) is module (x, y), 1 = dark; bits past the edge are 0.
 * A type of its own so that the constructor tells it from a caller's modules.
 */
export class PackedRows {
  constructor(readonly words: Int32Array) {}
}

export class QrSymbol {
  /** Which member of the QR family: 'qr' (QR Code Model 2), 'micro' (Micro QR) or 'rmqr' (ISO/IEC 23941). */
  readonly symbology: SymbologyName;
  /** QR 1..40; Micro QR 1..4 (M1..M4); rMQR 1..32, the sizes in the standard's order (R7x43 .. R17x139). */
  readonly version: number;
  /** The ECL actually used (after `boostEcl`, if asked). Micro QR's M1 has error detection only: 'L'. */
  readonly ecl: Ecl;
  /** Data mask pattern reference (§7.8.2): QR 0..7, Micro QR 0..3, rMQR 0 (it has one). */
  readonly mask: number;
  /** Modules across: QR 4 × version + 17, Micro QR 2 × version + 9, rMQR 27..139. */
  readonly width: number;
  /** Modules down: equal to the width but in rMQR (7..17). */
  readonly height: number;
  /** The width: the side of a square symbol (QR, Micro QR). */
  readonly size: number;
  readonly #rows: Int32Array;
  #modules: Uint8Array | undefined;

  /**
   * A symbol from its modules: width × height bytes, row-major, 1 = dark, 0 = light (as
   * {@link QrSymbol.modules} gives them), which it copies.
   *
   * @throws QrError 'INVALID_OPTION' naming the argument that does not fit, what was given and what would.
   */
  constructor(version: number, ecl: Ecl, mask: number, modules: Uint8Array, symbology?: SymbologyName);
  /** The encoder's symbol, from its packed rows. */
  constructor(version: number, ecl: Ecl, mask: number, modules: PackedRows, symbology?: SymbologyName);
  constructor(version: number, ecl: Ecl, mask: number, modules: Uint8Array | PackedRows, symbology: SymbologyName = 'qr') {
    const packed = modules instanceof PackedRows;
    this.symbology = packed ? symbology : choiceOption('symbology', symbology, SYMBOLOGIES);
    const spec = SYMBOL_SHAPES[this.symbology];
    this.version = packed ? version : integerOption('version', version, spec.minVersion, spec.maxVersion);
    this.ecl = packed ? ecl : choiceOption('ecl', ecl, spec.ecls);
    if (!spec.hasEcl(this.version, this.ecl)) {
      throw new QrError('INVALID_OPTION', `${spec.versionName(this.version)} has no ECL ${this.ecl}`);
    }
    this.mask = packed ? mask : integerOption('mask', mask, 0, spec.masks - 1);
    this.width = spec.width(this.version);
    this.height = spec.height(this.version);
    this.size = this.width;
    this.#rows = packed ? modules.words : pack(modules, spec.versionName(this.version), this.width, this.height);
    assert(this.#rows.length === this.height * ((this.width + 31) >>> 5), 'packed rows have one line per row');
    Object.freeze(this);
  }

  /** Version and ECL as the standards write them: '3-M', 'M2-L' (M1: 'M1'), 'R13x77-M'. Made when asked for. */
  get designator(): string {
    return SYMBOL_SHAPES[this.symbology].designator(this.version, this.ecl);
  }

  /**
   * width × height modules, row-major, 1 = dark. Treat as read-only. Made from the packed rows on first use
   * and kept: most renderers read it, while `encode` alone need not pay for it.
   */
  get modules(): Uint8Array {
    return (this.#modules ??= unpack(this.#rows, this.width, this.height));
  }

  /** True when the module at column x, row y (0-based, from the top left) is dark; false outside the symbol. */
  get(x: number, y: number): boolean {
    const width = this.width;
    if (!(x >= 0 && y >= 0 && x < width && y < this.height)) return false;
    // In range, and whole numbers after the truncation: the word exists.
    return ((this.#rows[(y >>> 0) * ((width + 31) >>> 5) + (x >>> 5)]! >>> (x & 31)) & 1) === 1;
  }
}

/** What a caller passed as modules, for a message. */
function describe(value: unknown): string {
  if (value instanceof Uint8Array) return `a Uint8Array of ${value.length} bytes`;
  if (typeof value !== 'object' || value === null) return String(value);
  const kind = Array.isArray(value) ? 'Array' : (value.constructor?.name ?? 'object');
  return `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}`;
}

/** A caller's modules → packed rows; anything but width × height bytes of 0 and 1 is INVALID_OPTION. */
function pack(modules: unknown, versionName: string, width: number, height: number): Int32Array {
  const expected = `a Uint8Array of ${width * height} bytes (${width} × ${height} modules at ${versionName}, row-major, 1 = dark)`;
  if (!(modules instanceof Uint8Array) || modules.length !== width * height) {
    throw new QrError('INVALID_OPTION', `modules must be ${expected}; got ${describe(modules)}`);
  }
  const words = (width + 31) >>> 5;
  const rows = new Int32Array(height * words);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const module = modules[i]!;
      if (module === 1) rows[y * words + (x >>> 5)]! |= 1 << (x & 31);
      else if (module !== 0) throw new QrError('INVALID_OPTION', `modules must be 0 (light) or 1 (dark); got ${module} at index ${i} (x ${x}, y ${y})`);
    }
  }
  return rows;
}

function unpack(rows: Int32Array, width: number, height: number): Uint8Array {
  const words = (width + 31) >>> 5;
  const modules = new Uint8Array(width * height);
  for (let y = 0, i = 0; y < height; y++) {
    for (let k = 0; k < words; k++) {
      const word = rows[y * words + k]!;
      const end = Math.min(32, width - (k << 5));
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
  forEachRun(qr.modules, qr.width, y, visit);
}

/**
 * The same over any matrix of 0/1 bytes `width` modules across (a renderer's own, with some modules taken
 * out, such as the finder patterns it draws whole).
 */
export function forEachRun(modules: Uint8Array, width: number, y: number, visit: (start: number, end: number) => void): void {
  const row = y * width;
  for (let x = 0; x < width; ) {
    if (modules[row + x] !== 1) {
      x++;
      continue;
    }
    const start = x;
    while (x < width && modules[row + x] === 1) x++;
    visit(start, x);
  }
}
