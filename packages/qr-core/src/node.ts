/** qr-core for Node: everything in the portable entry, plus the PNG renderer (node:zlib). */
export * from './index.js';
export { toPNG, MAX_PNG_SIDE_PX, type PngOptions } from './png.js';
