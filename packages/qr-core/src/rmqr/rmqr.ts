/**
 * rMQR, ISO/IEC 23941:2022: 32 rectangular sizes from R7x43 to R17x139, ECL M and H, one data mask, a 2-module
 * quiet zone. What the shared pipeline needs of it (see `symbology.ts`). qr-core's version of an rMQR symbol is
 * its size index + 1, in the standard's order.
 */
import { packLayout, type Layout } from '../matrix.js';
import type { StreamFormat } from '../segments.js';
import { SYMBOL_SHAPES } from '../symbol-shapes.js';
import type { Symbology } from '../symbology.js';
import type { Ecl } from '../symbol.js';
import { rmqrFormatBits } from './rmqr-format.js';
import { rmqrFunctionGrid } from './rmqr-layout.js';
import { RMQR_SIZES, type RmqrEcl } from './rmqr-sizes.js';
import { RMQR_MODE_BITS, RMQR_MODE_INDICATOR, rmqrBlockStructure, rmqrCountBits, rmqrDataCodewords } from './rmqr-tables.js';

const { numeric, alphanumeric, byte, kanji, eci, fnc1First } = RMQR_MODE_INDICATOR;

/**
 * Table 3's count indicator lengths make one stream format per size, shared between sizes with equal lengths
 * (so that `encode` segments once for them); 3-bit mode indicators and a 3-bit terminator everywhere.
 */
const FORMATS = new Map<string, StreamFormat>();
const STREAM_FORMATS: readonly StreamFormat[] = RMQR_SIZES.map((_, index) => {
  const counts = [rmqrCountBits('numeric', index), rmqrCountBits('alphanumeric', index), rmqrCountBits('byte', index), rmqrCountBits('kanji', index)] as const;
  const key = counts.join();
  let format = FORMATS.get(key);
  if (format === undefined) {
    format = { modeBits: RMQR_MODE_BITS, indicators: [numeric, alphanumeric, byte, kanji, eci, fnc1First], counts, terminatorBits: 3 };
    FORMATS.set(key, format);
  }
  return format;
});

const layouts: (Layout | undefined)[] = [];

const hasEcl = (ecl: Ecl): ecl is RmqrEcl => ecl === 'M' || ecl === 'H';

export const RMQR: Symbology = Object.freeze({
  ...SYMBOL_SHAPES.rmqr,
  streamFormat: (version: number) => STREAM_FORMATS[version - 1]!,
  dataBits: (version: number, ecl: Ecl) => (hasEcl(ecl) ? rmqrDataCodewords(version - 1, ecl) * 8 : -1),
  blocks: (version: number, ecl: Ecl) => rmqrBlockStructure(version - 1, ecl as RmqrEcl),
  // §7.7.3: the right edge column is a timing pattern, and the zigzag leaves it out as QR leaves out its
  // column 6 — which decides how the columns pair up: the first pair is width − 2 and width − 3, the last 1 and 0.
  // (Early zint releases paired the edge column; zint 2.11 does not, and readers agree with it.)
  layout: (version: number) =>
    (layouts[version] ??= packLayout(44 + version, version, rmqrFunctionGrid(version - 1), { start: RMQR_SIZES[version - 1]!.width - 2, skip: -1 })),
  // One mask (§7.8): QR's condition 4, (⌊i / 2⌋ + ⌊j / 3⌋) mod 2 = 0; nothing to choose or score.
  maskConditions: [4],
  maskScore: () => 0,
  needsColumns: false,
  formatValues: (version: number, ecl: Ecl) => rmqrFormatBits(ecl as RmqrEcl, version - 1),
});
