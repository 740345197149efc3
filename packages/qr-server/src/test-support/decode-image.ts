/**
 * Reads the QR code in an image file (PNG) with ZXing-C++ compiled to WebAssembly. The file
 * goes to ZXing as it is, so the test also checks that the PNG is a valid PNG: nothing of
 * qr-core is used to read it. qr-core's own decoder (its test-support/decode.ts) reads module
 * matrices, not files. The .wasm is read from node_modules: tests never touch the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

let ready: Promise<unknown> | undefined;

export async function decodeImage(file: Uint8Array): Promise<string> {
  if (!ready) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    ready = prepareZXingModule({ overrides: { wasmBinary: new Uint8Array(wasm).buffer }, fireImmediately: true });
  }
  await ready;
  const [result] = await readBarcodes(new Uint8Array(file), { formats: ['QRCode'], maxNumberOfSymbols: 1, textMode: 'Plain' });
  if (!result?.isValid) throw new Error(`ZXing found no QR code in the image${result?.error ? `: ${result.error}` : ''}`);
  return result.text;
}
