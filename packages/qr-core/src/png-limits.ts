/** A limit the PNG reader (node:zlib) and the portable PNG writer share, in a module that imports nothing. */

/**
 * The most that `maxPixels` may be raised to: 4096 × 4096, where a decode holds up to
 * 192 MiB (128 MiB of 16-bit RGBA scanlines and 64 MiB of output).
 */
export const LOGO_PIXELS_CEILING = 4096 * 4096;
