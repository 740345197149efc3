/**
 * Renderer: symbol → PNG file bytes, compressed by node:zlib. Needs node:zlib, so it lives apart
 * from the browser entry: 'qr-core/png', and 'qr-core' under the `node` condition. The scanlines
 * and the chunks are `png-writer.ts`'s, which the portable `toPNGAsync` (`png-async.ts`) shares;
 * only the compressor differs. Level: takes a {@link QrSymbol} from `encode`; see `svg.ts` and
 * `terminal.ts` for the other renderers.
 */

import * as zlib from 'node:zlib';
import { crc32 } from './crc32.js';
import { readPng } from './png-reader.js';
import { assemble, pngImage, type PngImage, type PngOptions } from './png-writer.js';
import type { QrSymbol } from './symbol.js';

// 'qr-core/png' is this module: the reader of PNG logos is part of that entry.
export { MAX_LOGO_PIXELS, readPng, type PngReadLimits, type RgbaImage } from './png-reader.js';
export { EDGE_LEVELS, type PngOptions } from './png-writer.js';

/**
 * Renders `qr` as a PNG file. Throws `QrError('INVALID_OPTION')` on a bad option,
 * `QrError('IMAGE_TOO_LARGE')` when a side would exceed {@link MAX_IMAGE_SIDE_PX},
 * `QrError('INVALID_LOGO')` for a logo that is not a sound PNG file (other formats: SVG output),
 * and `QrError('LOGO_TOO_LARGE')` for a logo larger than the symbol can lose.
 */
export function toPNG(qr: QrSymbol, options: PngOptions = {}): Uint8Array {
  const image = pngImage(qr, options, readPng);
  return assemble(image, zlib.deflateSync(image.raw, image.deflate), crc32);
}

/**
 * {@link toPNG} as a promise, deflating on libuv's thread pool: the same checks (a bad option
 * rejects with the same `QrError`) and the same bytes. The portable entry's `toPNGAsync` has the
 * same signature and runs without node:zlib.
 */
export async function toPNGAsync(qr: QrSymbol, options: PngOptions = {}): Promise<Uint8Array> {
  const image = pngImage(qr, options, readPng);
  return assemble(image, await deflate(image), crc32);
}

function deflate(image: PngImage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => zlib.deflate(image.raw, image.deflate, (error, result) => (error ? reject(error) : resolve(result))));
}
