/**
 * qr-core's PNG writer for the widget's local mode (no service, or the service unreachable), and
 * the browser's decode of a logo into the pixels it takes (logo-pixels.ts): loaded with import()
 * the first time a PNG is downloaded or copied (LAZY in scripts/build.mjs), so that /qr-widget.js
 * does not carry them for pages that never save one.
 */
export { toPNGAsync } from 'qr-core';
export { logoPixels } from './logo-pixels.js';
