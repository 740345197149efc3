/**
 * Size budgets of the two public bundles (issue 4), in gzipped bytes, and how they are measured:
 * gzip at level 9, as the static server sends them. 1 KB = 1000 bytes, the stricter reading.
 */
import { gzipSync } from 'node:zlib';

/**
 * Regression budgets at what the bundles weigh, not the targets: issue 11 asks for 12 KB for
 * /qr-code.js and 25 KB for /qr-widget.js, which are not met, and the README ("Budgets and figures")
 * says why with the figures — Lit with its decorators is 6.5 KB gzipped alone, and qr-core's QR
 * encoder with its plain SVG drawing 12.3 KB alone (nayuki's, without the fewest-bits segmentation,
 * kanji or the bit-packed penalty scoring, is 4.0 KB): 12 KB needs a smaller encoder that keeps
 * its features and speed, which does not exist yet. Each budget is the next whole KB over the size
 * measured when it was set, so that any growth is seen and argued for.
 */
export const BUNDLE_BUDGETS = Object.freeze({
  // 17,361 bytes at issue 11, which moved shapes and logos to a file loaded on first use
  // (qr-code-styled.js); 20,256 since issue 13, with qr-core's encodeQR (Micro QR, rMQR and GS1 in
  // qr-symbologies.js, on first use), whose QR path grew 2.5 KB with the family of symbologies;
  // 20,514 once qr-core's encoder precomputed its candidate versions (its speed back, a865a2b). 21 KB.
  'qr-code.js': 21_000,
  // 25 KB until styled codes: module and finder shapes in qr-core's SVG renderer (+1.75 KB) and
  // the widget's Style fieldset (+0.73 KB) are features of the generator page, which this bundle
  // is; 26 KB was that growth and no more. Logos (issue 9): qr-core's logo in toSVG (+2.78 KB,
  // over 26 KB before a line of the widget's) and the generator's logo picker, size control, ECL
  // switch and <qr-code logo> (+2.71 KB), to 30,948 bytes; 31 KB is that growth and no more
  // (README, "Budgets and figures"). Payloads (issue 10): the content-type picker and the element's
  // wiring (switching types, the ECL lock, the payload in the request, file names, no link with a
  // secret) add 1,244 bytes, to 32,210 (qr-core's INVALID_PAYLOAD field had added 18 before a line
  // of the widget's); the forms and qr-core/payloads (11,940 bytes) load on first use, in a file of
  // their own, and are not in this bundle. 33 KB, the next whole KB as before. Issue 13: 37,943
  // bytes with encodeQR, Micro QR, rMQR and GS1 loaded on first use (qr-symbologies.js); the Symbol
  // piece (2,088) and qr-core's larger QR path (about 2.5 KB) are the growth (README); 38,237 at
  // qr-core a865a2b (its candidate versions precomputed, for speed). 39 KB.
  'qr-widget.js': 39_000,
});

/** @param {Uint8Array} bytes */
export function gzippedSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}
