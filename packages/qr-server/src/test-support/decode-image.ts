/**
 * Reads the QR code in an image file (PNG) with the repository's one Node ZXing loader
 * (test-support/zxing.mjs at the root). The file goes to ZXing as it is, so the test also checks
 * that the PNG is a valid PNG: nothing of qr-core is used to read it.
 */
import { zxingReader } from '../../../../test-support/zxing.mjs';

export async function decodeImage(file: Uint8Array): Promise<string> {
  const readBarcodes = await zxingReader();
  const [result] = await readBarcodes(new Uint8Array(file), { formats: ['QRCode'], maxNumberOfSymbols: 1, textMode: 'Plain' });
  if (!result?.isValid) throw new Error(`ZXing found no QR code in the image${result?.error ? `: ${result.error}` : ''}`);
  return result.text;
}
