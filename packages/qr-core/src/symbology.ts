/**
 * What the shared pipeline (`encode.ts`) needs to know of a symbology: its versions, ECLs, bit stream
 * format, capacities, Reed-Solomon blocks, layout, masks and format information. QR Code's is here; Micro
 * QR's is `micro/micro.ts`, rMQR's `rmqr/rmqr.ts`. Segments, the bit stream, Reed-Solomon, placement and the
 * renderers are the same code for all three.
 */
import { layoutOf, qrFormatValues, type Layout } from './matrix.js';
import { penaltyScore } from './mask.js';
import { QR_STREAM_FORMATS, versionGroup, type StreamFormat } from './segments.js';
import type { Ecl } from './symbol.js';
import { SYMBOL_SHAPES, type SymbolShape } from './symbol-shapes.js';
import { blockStructure, dataCodewords, type BlockStructure } from './tables.js';

export interface Symbology extends SymbolShape {
  /** The bit stream format of a version (count indicator lengths, mode indicators, terminator). */
  streamFormat(version: number): StreamFormat;
  /** Data capacity in bits at a version and ECL; −1 where the version has no such ECL (Micro QR's M1–M3). */
  dataBits(version: number, ecl: Ecl): number;
  /** The Reed-Solomon blocks of a version and ECL. */
  blocks(version: number, ecl: Ecl): BlockStructure;
  layout(version: number): Layout;
  /** The Table 10 condition of each of its mask pattern references (QR: all eight; Micro QR four; rMQR one). */
  readonly maskConditions: readonly number[];
  /**
   * A masked symbol's score, lower is better, given as packed rows and (QR only: `needsColumns`) columns;
   * `bound` is the best so far, which a score may stop at.
   */
  maskScore(layout: Layout, rows: Int32Array, cols: Int32Array, bound: number): number;
  /** Whether {@link maskScore} reads the packed columns. */
  readonly needsColumns: boolean;
  /** The format information values, one per copy in the layout. */
  formatValues(version: number, ecl: Ecl, mask: number): readonly number[];
}

/** QR Code Model 2, ISO/IEC 18004:2015. */
export const QR: Symbology = Object.freeze({
  ...SYMBOL_SHAPES.qr,
  streamFormat: (version: number) => QR_STREAM_FORMATS[versionGroup(version)],
  dataBits: (version: number, ecl: Ecl) => dataCodewords(version, ecl) * 8,
  blocks: blockStructure,
  layout: layoutOf,
  maskConditions: [0, 1, 2, 3, 4, 5, 6, 7],
  // §7.8.3: the penalty rules, on packed rows and columns.
  maskScore: (layout: Layout, rows: Int32Array, cols: Int32Array, bound: number) => penaltyScore(rows, cols, layout.width, layout.words, bound),
  needsColumns: true,
  formatValues: (_version: number, ecl: Ecl, mask: number) => qrFormatValues(ecl, mask),
});
