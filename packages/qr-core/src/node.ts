/** qr-core for Node: everything in the portable entry, plus the PNG renderer (node:zlib). */
export * from './index.js';
export { toPNG, type PngOptions } from './png.js';
