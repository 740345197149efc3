/**
 * An independent check of what the elements show: the image is drawn on a canvas and read back
 * by zxing-wasm's decoder, whose .wasm comes from this repository's node_modules (the test
 * server's root), never from a CDN.
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { drawSvg } from '../raster.js';

const ZXING_WASM = '/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(ZXING_WASM, location.origin).href : prefix + path),
  },
});

/** Decodes the one QR code in a canvas; fails when there is not exactly one. */
export async function decodeCanvas(canvas: HTMLCanvasElement): Promise<string> {
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D context');
  const results = await readBarcodes(context.getImageData(0, 0, canvas.width, canvas.height), { formats: ['QRCode'] });
  if (results.length !== 1) throw new Error(`expected one QR code, found ${results.length}`);
  return results[0]!.text;
}

/** Decodes an SVG document as the browser draws it, 4 pixels per module or so. */
export async function decodeSvg(svg: string, widthPx = 400): Promise<string> {
  return decodeCanvas(await drawSvg(svg, widthPx));
}

/** Decodes a PNG (or any image the browser reads). */
export async function decodeImage(image: Blob): Promise<string> {
  const bitmap = await createImageBitmap(image);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  return decodeCanvas(canvas);
}
