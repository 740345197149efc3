/**
 * Saving a QR code as a file: qr-core's SVG as it is, or a PNG the browser draws from it
 * (see raster.ts), at the widget's pixels per module.
 */
import { imageSidePx, largestScale, MAX_IMAGE_SIDE_PX, type QrSymbol } from 'qr-core';
import { canvasToPng, drawSvg } from './raster.js';

/** A code on display, as `<qr-code>` reports it in `qr-generated`. */
export interface DrawnCode {
  readonly symbol: QrSymbol;
  /** The symbol drawn as an SVG document. */
  readonly svg: string;
}

/** Offers a blob as a download through a temporary link, which is never in the document. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // The download has started from the URL by the next task.
  setTimeout(() => URL.revokeObjectURL(url));
}

/** The code's SVG as a file. */
export function svgFile(code: DrawnCode): Blob {
  return new Blob([code.svg], { type: 'image/svg+xml' });
}

/**
 * The code as a PNG, `scale` pixels per module; `margin` is the quiet zone its SVG has. Rejects
 * an image wider than qr-core's MAX_IMAGE_SIDE_PX, saying which scale would fit.
 */
export async function pngFile(code: DrawnCode, { scale, margin }: { scale: number; margin: number }): Promise<Blob> {
  const side = imageSidePx(code.symbol, { scale, margin });
  if (side > MAX_IMAGE_SIDE_PX) {
    const fits = largestScale(code.symbol, { margin });
    throw new RangeError(`At ${scale} pixels per module this code is ${side} px wide, more than the ${MAX_IMAGE_SIDE_PX} px a PNG may have: choose ${fits} or less.`);
  }
  return canvasToPng(await drawSvg(code.svg, side));
}
