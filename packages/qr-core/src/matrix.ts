/**
 * The layout of a symbol: its function patterns and the areas they leave — the modules reserved for the
 * format information and the encoding region that codewords fill (`placement.ts`) and masks invert
 * (`mask.ts`). Each symbology draws its function patterns as a {@link FunctionGrid} (QR's here, §6.3; Micro
 * QR's in `micro/`, rMQR's in `rmqr/`), which {@link packLayout} turns into the packed form every later
 * stage reads. Built once per symbol size and cached.
 *
 * Packing, here and in every later stage: line i, module j is bit (j & 31) of word i × words + (j >>> 5);
 * bits past the symbol's edge are 0. By row, lines are rows; by column (the transposed symbol), columns.
 */
import { assert } from './errors.js';
import { DARK, DATA, LIGHT, type FunctionGrid } from './function-grid.js';
import { formatBits, versionBits } from './format.js';
import { alignmentPositions, ECL_INDEX, rawDataModules } from './tables.js';
import type { Ecl } from './symbol.js';

export interface Layout {
  /** Unique among the layouts of all symbologies: what the caches of later stages are keyed by. */
  readonly key: number;
  readonly version: number;
  /** Modules across and down. */
  readonly width: number;
  readonly height: number;
  /** 32-bit words per packed row. */
  readonly words: number;
  /** 32-bit words per packed column. */
  readonly colWords: number;
  /** Dark function modules (finders, separators, timing, alignment, version information, the dark module), by row. */
  readonly functionRows: Int32Array;
  /** The encoding region less the format information: the modules of codewords and remainder bits, by row. */
  readonly dataRows: Int32Array;
  /** The same modules, by column. */
  readonly dataCols: Int32Array;
  /** Modules of the encoding region (Table 1's "data modules except …"; Micro QR's and rMQR's equivalents). */
  readonly dataModules: number;
  /** The modules of every copy of the format information, bit 0 first, as packed positions by row. */
  readonly formatRowBits: Int32Array;
  /** The same modules, as packed positions by column. */
  readonly formatColBits: Int32Array;
  /** Modules per copy of the format information (15 in QR and Micro QR, 18 in rMQR). */
  readonly formatLength: number;
  /** The right column of the first two-module column of the placement (§7.7.3), from the right edge. */
  readonly placementStart: number;
  /** A column the placement skips whole (QR's vertical timing pattern, column 6), or −1. */
  readonly placementSkip: number;
}

/** A symbology's function patterns → the packed layout. `key`: unique among all layouts (see {@link Layout.key}). */
export function packLayout(
  key: number,
  version: number,
  { width, height, cells, formatCopies }: FunctionGrid,
  placement: { readonly start: number; readonly skip: number },
): Layout {
  const words = (width + 31) >>> 5;
  const colWords = (height + 31) >>> 5;
  const formatLength = formatCopies[0]!.length;
  const formatRowBits = new Int32Array(formatCopies.length * formatLength);
  const formatColBits = new Int32Array(formatRowBits.length);
  formatCopies.forEach((copy, c) => {
    assert(copy.length === formatLength, 'every copy of the format information has the same length');
    copy.forEach(([x, y], i) => {
      assert(cells[y * width + x] === LIGHT, 'format modules are reserved light');
      formatRowBits[c * formatLength + i] = ((y * words + (x >>> 5)) << 5) | (x & 31);
      formatColBits[c * formatLength + i] = ((x * colWords + (y >>> 5)) << 5) | (y & 31);
    });
  });
  const functionRows = new Int32Array(height * words);
  const dataRows = new Int32Array(height * words);
  const dataCols = new Int32Array(width * colWords);
  let dataModules = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const kind = cells[y * width + x];
      if (kind === DARK) functionRows[y * words + (x >>> 5)]! |= 1 << (x & 31);
      if (kind === DATA) {
        dataRows[y * words + (x >>> 5)]! |= 1 << (x & 31);
        dataCols[x * colWords + (y >>> 5)]! |= 1 << (y & 31);
        dataModules++;
      }
    }
  }
  return Object.freeze({
    key,
    version,
    width,
    height,
    words,
    colWords,
    functionRows,
    dataRows,
    dataCols,
    dataModules,
    formatRowBits,
    formatColBits,
    formatLength,
    placementStart: placement.start,
    placementSkip: placement.skip,
  });
}

const layouts: (Layout | undefined)[] = [];

/** The cached layout of a QR Code version 1..40 (its key is the version). */
export function layoutOf(version: number): Layout {
  return (layouts[version] ??= buildLayout(version));
}

/** QR's function patterns, §6.3. */
function buildLayout(version: number): Layout {
  const size = version * 4 + 17;
  const cells = new Uint8Array(size * size);
  const set = (x: number, y: number, dark: boolean): void => {
    cells[y * size + x] = dark ? DARK : LIGHT;
  };

  // Timing patterns, §6.3.5: row 6 and column 6 alternate, dark at even positions (finders overwrite their ends).
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  // Finder patterns with their separators, §6.3.3–§6.3.4: 7 × 7 rings dark, light, dark 3 × 3, ringed by light.
  for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        const ring = Math.max(Math.abs(dx), Math.abs(dy));
        if (x >= 0 && y >= 0 && x < size && y < size) set(x, y, ring !== 2 && ring !== 4);
      }
    }
  }
  // Alignment patterns, §6.3.6: 5 × 5, centred on every pair of Table E.1 positions except those on the finders.
  const centres = alignmentPositions(version);
  const last = centres.length - 1;
  centres.forEach((cy, i) => {
    centres.forEach((cx, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    });
  });
  // Format information areas, §7.9.1 (Figure 25): reserved here, written per ECL and mask.
  const first: [number, number][] = [];
  const second: [number, number][] = [];
  for (let i = 0; i < 15; i++) {
    // First copy, around the top-left finder: bits 0–7 down column 8, bits 8–14 along row 8 to the left (both skip the timing pattern).
    first.push([i < 8 ? 8 : i === 8 ? 7 : 14 - i, i < 6 ? i : i < 8 ? i + 1 : 8]);
    // Second copy: bits 0–7 along row 8 from the right edge, bits 8–14 down column 8 at the bottom.
    second.push([i < 8 ? size - 1 - i : 8, i < 8 ? 8 : size - 15 + i]);
  }
  for (const [x, y] of [...first, ...second]) set(x, y, false);
  // The dark module, §7.9.1: always dark, beside the bottom-left finder.
  set(8, size - 8, true);
  // Version information, §7.10 (Figure 27): two 6 × 3 blocks for versions 7 and up.
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, dark);
      set(b, a, dark);
    }
  }

  const layout = packLayout(version, version, { width: size, height: size, cells, formatCopies: [first, second] }, { start: size - 1, skip: 6 });
  assert(layout.dataModules === rawDataModules(version), `version ${version} leaves the data modules of Table 1`);
  return layout;
}

/** QR's format information (§7.9.1) for each ECL and mask, both copies: what {@link writeFormat} takes. */
const QR_FORMATS: readonly (readonly number[])[] = (['L', 'M', 'Q', 'H'] as const).flatMap((ecl) =>
  [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => {
    const bits = formatBits(ecl, mask);
    return [bits, bits];
  }),
);

/** The format information values of a QR symbol of this ECL and mask, one per copy. */
export function qrFormatValues(ecl: Ecl, mask: number): readonly number[] {
  return QR_FORMATS[ECL_INDEX[ecl] * 8 + mask]!;
}

/**
 * Sets the format information, one value per copy (bit 0 first, `formatLength` bits each), into packed rows
 * and, if given, columns (format areas start light).
 */
export function writeFormat(layout: Layout, values: readonly number[], rows: Int32Array, cols?: Int32Array): void {
  const { formatRowBits, formatColBits, formatLength } = layout;
  for (let copy = 0, i = 0; copy < values.length; copy++) {
    const value = values[copy]!;
    for (let bit = 0; bit < formatLength; bit++, i++) {
      if (((value >>> bit) & 1) === 0) continue;
      const r = formatRowBits[i]!;
      rows[r >>> 5]! |= 1 << (r & 31);
      if (cols !== undefined) {
        const c = formatColBits[i]!;
        cols[c >>> 5]! |= 1 << (c & 31);
      }
    }
  }
}
