// @ts-check
/**
 * The independent decoder of every Node test: ZXing-C++ compiled to WebAssembly (zxing-wasm),
 * prepared once per process with its .wasm read from node_modules, since zxing-wasm would
 * otherwise fetch it from a CDN and tests never touch the network. (Browser tests serve the
 * same file from /node_modules: packages/qr-widget/src/test-support/decode.ts.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

/** @type {Promise<unknown> | undefined} */
let ready;

/**
 * zxing-wasm's `readBarcodes`, once its module is ready.
 * @returns {Promise<typeof readBarcodes>}
 */
export async function zxingReader() {
  if (!ready) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    ready = prepareZXingModule({
      overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
      fireImmediately: true,
    });
  }
  await ready;
  return readBarcodes;
}
