/**
 * Text or bytes → symbol, and segments → symbol, for every symbology qr-core makes: QR Code, Micro QR, rMQR,
 * and GS1 element strings in QR and rMQR. Levels:
 * - {@link encode}: the usual entry; picks modes (see `segmentation.ts`), version, ECL boost and mask.
 * - {@link encodeSegments}: the same from segments built by hand (`makeNumeric`, `makeBytes`, … in `segments.ts`).
 * Renderers (`toSVG`, `toPNG`, `toTerminal`) take the {@link QrSymbol} either returns. A bundle that makes
 * QR codes only can use `encodeQR` (encode-qr.ts) and leave the other symbologies and the GS1 tables out.
 */
import { capacityIn, encodeIn, encodeSegmentsIn, type EncodeOptions, type Family, type SymbolOptions } from './encoder.js';
import { parseGs1 } from './gs1/index.js';
import { MICRO } from './micro/micro.js';
import { RMQR } from './rmqr/rmqr.js';
import type { DataMode, Segment } from './segments.js';
import type { QrSymbol } from './symbol.js';
import { QR } from './symbology.js';

export type { EncodeOptions, SymbolOptions } from './encoder.js';

const ALL: Family = Object.freeze({
  symbologies: Object.freeze({ qr: QR, micro: MICRO, rmqr: RMQR }),
  gs1: (elementString: string) => parseGs1(elementString).encoded,
  instead: 'every symbology is here',
});

/**
 * Encodes text (as UTF-8 where byte mode is used) or raw bytes into a QR Code, Micro QR or rMQR symbol
 * (`symbology`), or a GS1 element string (`gs1`) into a QR or rMQR symbol with FNC1 in first position.
 * Level: text/bytes → symbol. See {@link encodeSegments} for segments → symbol.
 *
 * @throws QrError 'DATA_TOO_LONG' when no allowed version holds the data, 'INVALID_OPTION' for a bad option,
 *   'INVALID_DATA' when the data does not fit the forced `mode`, or `gs1` data is not a valid element string.
 */
export function encode(data: string | Uint8Array, options: EncodeOptions = {}): QrSymbol {
  return encodeIn(ALL, data, options);
}

/**
 * Encodes segments built by hand into a symbol, in the order given.
 * Level: segments → symbol. See {@link encode} for text/bytes → symbol.
 */
export function encodeSegments(segments: readonly Segment[], options: SymbolOptions = {}): QrSymbol {
  return encodeSegmentsIn(ALL, segments, options);
}

/**
 * The most characters of one mode (digits, alphanumeric characters, bytes or kanji) that the largest symbol
 * the options allow holds, at their ECL: what an interface can show beside a choice of symbology
 * ("Micro QR holds at most 21 characters"). 0 where the symbology lacks the mode. `gs1` counts the FNC1 indicator.
 */
export function capacityOf(mode: DataMode, options: SymbolOptions & { gs1?: boolean } = {}): number {
  return capacityIn(ALL, mode, options);
}
