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
import { blockStructure, dataCodewords, ECLS, MAX_VERSION, MIN_VERSION, type BlockStructure } from './tables.js';

/** The QR family members qr-core makes: QR Code Model 2, Micro QR (§5, §6) and rMQR (ISO/IEC 23941). */
export type SymbologyName = 'qr' | 'micro' | 'rmqr';

export const SYMBOLOGIES: readonly SymbologyName[] = Object.freeze(['qr', 'micro', 'rmqr'] as const);

export interface Symbology {
  readonly name: SymbologyName;
  /** What the messages call one symbol: 'a QR code', 'a Micro QR symbol', 'an rMQR symbol'. */
  readonly called: string;
  /** The ECLs it has, weakest first. */
  readonly ecls: readonly Ecl[];
  readonly minVersion: number;
  readonly maxVersion: number;
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
  /** The designator of a symbol: '3-M', 'M2-L', 'R13x77-M'. */
  designator(version: number, ecl: Ecl): string;
  /** Modules across and down. */
  width(version: number): number;
  height(version: number): number;
  /** What a version is called in a message: 'version 5', 'M3', 'R13x77'. */
  versionName(version: number): string;
}

/** QR Code Model 2, ISO/IEC 18004:2015. */
export const QR: Symbology = Object.freeze({
  name: 'qr',
  called: 'a QR code',
  ecls: ECLS,
  minVersion: MIN_VERSION,
  maxVersion: MAX_VERSION,
  streamFormat: (version: number) => QR_STREAM_FORMATS[versionGroup(version)],
  dataBits: (version: number, ecl: Ecl) => dataCodewords(version, ecl) * 8,
  blocks: blockStructure,
  layout: layoutOf,
  maskConditions: [0, 1, 2, 3, 4, 5, 6, 7],
  // §7.8.3: the penalty rules, on packed rows and columns.
  maskScore: (layout: Layout, rows: Int32Array, cols: Int32Array, bound: number) => penaltyScore(rows, cols, layout.width, layout.words, bound),
  needsColumns: true,
  formatValues: (_version: number, ecl: Ecl, mask: number) => qrFormatValues(ecl, mask),
  designator: (version: number, ecl: Ecl) => `${version}-${ecl}`,
  width: (version: number) => version * 4 + 17,
  height: (version: number) => version * 4 + 17,
  versionName: (version: number) => `version ${version}`,
});
