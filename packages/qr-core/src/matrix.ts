/**
 * The function patterns of a version (§6.3) and the areas they leave: the modules reserved for the format
 * information (§7.9.1) and the encoding region that codewords fill (`placement.ts`) and masks invert
 * (`mask.ts`). Built once per version and cached.
 *
 * Packing, here and in every later stage: line i, module j is bit (j & 31) of word i × words + (j >>> 5);
 * bits past the symbol's edge are 0. By row, lines are rows; by column (the transposed symbol), columns.
 */
import { assert } from './errors.js';
import { formatBits, versionBits } from './format.js';
import { alignmentPositions, rawDataModules } from './tables.js';
import type { Ecl } from './symbol.js';

export interface Layout {
  readonly version: number;
  /** Modules per side. */
  readonly size: number;
  /** 32-bit words per packed line. */
  readonly words: number;
  /** Dark function modules (finders, separators, timing, alignment, version information, the dark module), by row. */
  readonly functionRows: Int32Array;
  /** The encoding region less the format information: the modules of codewords and remainder bits, by row. */
  readonly dataRows: Int32Array;
  /** The same modules, by column. */
  readonly dataCols: Int32Array;
  /** The modules of the two copies of the format information, bit 0 first (15 each), as packed positions by row. */
  readonly formatRowBits: Int32Array;
  /** The same modules, as packed positions by column. */
  readonly formatColBits: Int32Array;
}

const layouts: (Layout | undefined)[] = [];

/** The cached layout of a version 1..40. */
export function layoutOf(version: number): Layout {
  return (layouts[version] ??= buildLayout(version));
}

function buildLayout(version: number): Layout {
  const size = version * 4 + 17;
  const words = (size + 31) >>> 5;
  // 0 = data module, 1 = light function module, 2 = dark function module.
  const grid = new Uint8Array(size * size);
  const set = (x: number, y: number, dark: boolean): void => {
    grid[y * size + x] = dark ? 2 : 1;
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
  const formatRowBits = new Int32Array(30);
  const formatColBits = new Int32Array(30);
  for (let i = 0; i < 15; i++) {
    // First copy, around the top-left finder: bits 0–7 down column 8, bits 8–14 along row 8 to the left (both skip the timing pattern).
    const x1 = i < 8 ? 8 : i === 8 ? 7 : 14 - i;
    const y1 = i < 6 ? i : i < 8 ? i + 1 : 8;
    // Second copy: bits 0–7 along row 8 from the right edge, bits 8–14 down column 8 at the bottom.
    const x2 = i < 8 ? size - 1 - i : 8;
    const y2 = i < 8 ? 8 : size - 15 + i;
    formatRowBits[i] = ((y1 * words + (x1 >>> 5)) << 5) | (x1 & 31);
    formatColBits[i] = ((x1 * words + (y1 >>> 5)) << 5) | (y1 & 31);
    formatRowBits[15 + i] = ((y2 * words + (x2 >>> 5)) << 5) | (x2 & 31);
    formatColBits[15 + i] = ((x2 * words + (y2 >>> 5)) << 5) | (y2 & 31);
    set(x1, y1, false);
    set(x2, y2, false);
  }
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

  const functionRows = new Int32Array(size * words);
  const dataRows = new Int32Array(size * words);
  const dataCols = new Int32Array(size * words);
  let dataModules = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const kind = grid[y * size + x];
      if (kind === 2) functionRows[y * words + (x >>> 5)]! |= 1 << (x & 31);
      if (kind === 0) {
        dataRows[y * words + (x >>> 5)]! |= 1 << (x & 31);
        dataCols[x * words + (y >>> 5)]! |= 1 << (y & 31);
        dataModules++;
      }
    }
  }
  assert(dataModules === rawDataModules(version), `version ${version} leaves the data modules of Table 1`);

  return Object.freeze({ version, size, words, functionRows, dataRows, dataCols, formatRowBits, formatColBits });
}

/** Sets the 15 format bits of an ECL and mask (§7.9.1), both copies, into packed rows and columns (format areas start light). */
export function writeFormat(layout: Layout, ecl: Ecl, mask: number, rows: Int32Array, cols: Int32Array): void {
  const bits = formatBits(ecl, mask);
  const { formatRowBits, formatColBits } = layout;
  for (let i = 0; i < 30; i++) {
    if (((bits >>> (i % 15)) & 1) === 0) continue;
    const r = formatRowBits[i]!;
    const c = formatColBits[i]!;
    rows[r >>> 5]! |= 1 << (r & 31);
    cols[c >>> 5]! |= 1 << (c & 31);
  }
}
