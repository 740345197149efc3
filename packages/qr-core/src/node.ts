/** qr-core for Node: everything in the portable entry, plus the PNG renderer (node:zlib). */
export * from './index.js';
export { MAX_LOGO_PIXELS, readPng, toPNG, type PngOptions, type PngReadLimits, type RgbaImage } from './png.js';
export { toPNGAsync } from './png.js';
