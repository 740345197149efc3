/**
 * {@link encodeQR}: `encode` for QR Code alone, so that a bundle that makes QR codes only (the `<qr-code>`
 * element embedders load) leaves out Micro QR, rMQR and the GS1 tables — about 10 KB gzipped of encoder.
 */
import { encodeIn, type EncodeOptions, type Family } from './encoder.js';
import type { QrSymbol } from './symbol.js';
import { QR } from './symbology.js';

const QR_ONLY: Family = Object.freeze({
  symbologies: Object.freeze({ qr: QR }),
  instead: "use encode, which makes every symbology and reads GS1 element strings (it is the same otherwise)",
});

/**
 * The same as `encode` for QR codes (`symbology` 'qr', no `gs1`): the same symbols, options and errors; any
 * other symbology or `gs1` is `QrError('INVALID_OPTION')` saying to use `encode`.
 */
export function encodeQR(data: string | Uint8Array, options: EncodeOptions = {}): QrSymbol {
  return encodeIn(QR_ONLY, data, options);
}
