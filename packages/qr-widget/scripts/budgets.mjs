/**
 * Size budgets of the two public bundles (issue 4), in gzipped bytes, and how they are measured:
 * gzip at level 9, as the static server sends them. 1 KB = 1000 bytes, the stricter reading.
 */
import { gzipSync } from 'node:zlib';

export const BUNDLE_BUDGETS = Object.freeze({
  'qr-code.js': 12_000,
  'qr-widget.js': 25_000,
});

/** @param {Uint8Array} bytes */
export function gzippedSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}
