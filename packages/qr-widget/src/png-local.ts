/**
 * qr-core's PNG writer for the widget's local mode (no service, or the service unreachable):
 * loaded with import() the first time a PNG is downloaded or copied (LAZY in scripts/build.mjs),
 * so that /qr-widget.js does not carry it for pages that never save one.
 */
export { toPNGAsync } from 'qr-core';
