/**
 * `toPNGAsync` for the portable entry: the PNG renderer without a static `node:` import, so that
 * it runs in browsers, web workers, Deno, Bun and Cloudflare Workers. The scanlines and chunks are
 * `png-writer.ts`'s, the same as `toPNG`'s; only the compressor differs:
 * - node:zlib where the runtime has it, found at run time by `process.getBuiltinModule` (Node
 *   20.16+, Deno, Bun; a bundler sees no import): the same settings as `toPNG`, so the same bytes;
 * - otherwise `CompressionStream('deflate')` (the zlib format, RFC 1950; Chrome/Edge 80+,
 *   Firefox 113+, Safari 16.4+, workerd): the same pixels, the compressed bytes the platform's own;
 * - neither: stored (uncompressed) deflate blocks, still a valid PNG of the same pixels.
 *
 * A logo given as a PNG file (bytes or a `data:` URL) needs the PNG reader, which inflates with
 * node:zlib synchronously; this entry takes a logo as decoded pixels (`{ width, height, rgba }`) and
 * refuses a file with `QrError('INVALID_LOGO')` saying so. Node's entry ('qr-core' under the `node`
 * condition, and 'qr-core/png') has a `toPNGAsync` that takes files too.
 */

import { tableCrc32 } from './crc32-table.js';
import { QrError } from './errors.js';
import type { RgbaImage } from './png-reader.js';
import { assemble, pngImage, type DeflateSettings, type PngOptions } from './png-writer.js';
import type { QrSymbol } from './symbol.js';

export type { PngOptions } from './png-writer.js';

/** What of node:zlib is used here, typed locally (this module is built without Node's types in mind). */
interface NodeZlib {
  deflate(data: Uint8Array, options: DeflateSettings, callback: (error: Error | null, result: Uint8Array) => void): void;
  crc32?: (data: Uint8Array) => number;
}

/** node:zlib when the runtime has it and hands it out without an import statement; else undefined. */
function nodeZlib(): NodeZlib | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    const zlib = process?.getBuiltinModule?.('zlib') as NodeZlib | undefined;
    return typeof zlib?.deflate === 'function' ? zlib : undefined;
  } catch {
    return undefined;
  }
}

function refusePngFile(): RgbaImage {
  throw new QrError(
    'INVALID_LOGO',
    "toPNGAsync from qr-core's portable entry takes a logo as decoded pixels ({ width, height, rgba }), not a PNG file: " +
      "decode it first (in a browser: createImageBitmap, then a canvas's getImageData), or use qr-core in Node, where toPNGAsync reads PNG files",
  );
}

/**
 * Renders `qr` as a PNG file: the same options, checks (a bad option rejects with the same
 * `QrError`) and image layout as `toPNG`. Byte-identical to `toPNG` where node:zlib is found; with
 * `CompressionStream` the pixels are identical and the compressed data is the platform's; where
 * neither exists, the scanlines are stored uncompressed ({@link storedDeflate}).
 */
export async function toPNGAsync(qr: QrSymbol, options: PngOptions = {}): Promise<Uint8Array> {
  const image = pngImage(qr, options, refusePngFile);
  const zlib = nodeZlib();
  if (zlib !== undefined) {
    const idat = await new Promise<Uint8Array>((resolve, reject) => zlib.deflate(image.raw, image.deflate, (error, result) => (error ? reject(error) : resolve(result))));
    return assemble(image, idat, typeof zlib.crc32 === 'function' ? zlib.crc32 : tableCrc32);
  }
  return assemble(image, await streamDeflate(image.raw), tableCrc32);
}

async function streamDeflate(raw: Uint8Array): Promise<Uint8Array> {
  if (typeof CompressionStream !== 'function') return storedDeflate(raw);
  const stream = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The last resort, for a runtime with neither node:zlib nor CompressionStream: a zlib datastream
 * (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4), uncompressed — a valid PNG of the same
 * pixels, about scanlines-sized. Exported for its test.
 */
export function storedDeflate(raw: Uint8Array): Uint8Array {
  const BLOCK = 0xffff;
  const blocks = Math.max(1, Math.ceil(raw.length / BLOCK));
  const out = new Uint8Array(2 + blocks * 5 + raw.length + 4);
  out[0] = 0x78; // CM 8 (deflate), CINFO 7 (32 KiB window)
  out[1] = 0x01; // FLEVEL 0, no dictionary; (0x78 << 8 | 0x01) % 31 === 0
  let at = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * BLOCK;
    const length = Math.min(BLOCK, raw.length - start);
    out[at] = b === blocks - 1 ? 1 : 0; // BFINAL, BTYPE 00
    out[at + 1] = length & 0xff;
    out[at + 2] = length >> 8;
    out[at + 3] = ~length & 0xff;
    out[at + 4] = (~length >> 8) & 0xff;
    out.set(raw.subarray(start, start + length), at + 5);
    at += 5 + length;
  }
  // Adler-32 of the uncompressed data, most significant byte first.
  let a = 1;
  let s2 = 0;
  for (let i = 0; i < raw.length; ) {
    const end = Math.min(raw.length, i + 5552);
    for (; i < end; i++) {
      a += raw[i]!;
      s2 += a;
    }
    a %= 65521;
    s2 %= 65521;
  }
  new DataView(out.buffer).setUint32(at, ((s2 << 16) | a) >>> 0);
  return out;
}
