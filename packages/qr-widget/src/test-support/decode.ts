/**
 * An independent check of what the elements show: the image is drawn on a canvas and read back
 * by zxing-wasm's decoder, whose .wasm comes from this repository's node_modules (the test
 * server's root), never from a CDN.
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { drawSvg } from './raster.js';

const ZXING_WASM = '/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(ZXING_WASM, location.origin).href : prefix + path),
  },
});

/** What zxing reads of a symbol: its text (GS1 data in the bracketed form, zxing's HRI text), format ('QRCode', 'MicroQRCode', 'RMQRCode') and symbology identifier (']Q3' for GS1). */
export interface ReadSymbol {
  text: string;
  format: string;
  symbologyIdentifier: string;
}

/** Reads the one symbol of the QR family (QR Code, Micro QR, rMQR) in a canvas; fails when there is not exactly one. */
export async function readCanvas(canvas: HTMLCanvasElement): Promise<ReadSymbol> {
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D context');
  const results = await readBarcodes(context.getImageData(0, 0, canvas.width, canvas.height), { formats: ['QRCode'], textMode: 'HRI' });
  if (results.length !== 1) throw new Error(`expected one QR code, found ${results.length}`);
  const { text, format, symbologyIdentifier } = results[0]!;
  return { text, format, symbologyIdentifier };
}

/** Decodes the one QR code in a canvas; fails when there is not exactly one. */
export async function decodeCanvas(canvas: HTMLCanvasElement): Promise<string> {
  return (await readCanvas(canvas)).text;
}

/** Reads an SVG document as the browser draws it, `widthPx` wide. */
export async function readSvg(svg: string, widthPx = 400): Promise<ReadSymbol> {
  return readCanvas(await drawSvg(svg, widthPx));
}

/** Reads a PNG (or any image the browser reads). */
export async function readImage(image: Blob): Promise<ReadSymbol> {
  const bitmap = await createImageBitmap(image);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
  return readCanvas(canvas);
}

/** Decodes an SVG document as the browser draws it, 4 pixels per module or so. */
export async function decodeSvg(svg: string, widthPx = 400): Promise<string> {
  return decodeCanvas(await drawSvg(svg, widthPx));
}

/** Decodes a PNG (or any image the browser reads). */
export async function decodeImage(image: Blob): Promise<string> {
  return (await readImage(image)).text;
}
