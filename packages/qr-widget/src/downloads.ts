/**
 * Saving a QR code as a file: qr-core's SVG as it is, or qr-core's PNG (`toPNGAsync`: 1-bit, a
 * small palette, or truecolour where a logo's colours need it, deflated by the browser's
 * CompressionStream; loaded on first use, png-local.ts) at the widget's pixels per module. A logo
 * goes in as pixels the browser decoded from its file (logo-pixels.ts), which is what qr-core's
 * portable PNG writer takes: every PNG the widget makes itself is qr-core's.
 */
import { imageSidePx, largestScale, MAX_IMAGE_SIDE_PX, type FinderShape, type ModuleShape, type QrSymbol } from 'qr-core';

/** The drawing options of the code on display, as the widget has them (`finderColor` '' for the dark colour). */
export interface PngDrawing {
  readonly scale: number;
  /** undefined for qr-core's default quiet zone for the symbology (4 for QR, 2 for Micro QR and rMQR). */
  readonly margin: number | undefined;
  readonly dark?: string;
  readonly light?: string;
  readonly moduleShape?: ModuleShape;
  readonly finderShape?: FinderShape;
  readonly finderColor?: string;
}

/** The logo of the code on display: its file and the size it is drawn at (a fraction of the symbol's side). */
export interface PngLogo {
  readonly bytes: Uint8Array;
  /** The format its bytes hold, one of qr-core's LOGO_TYPES. */
  readonly type: string;
  readonly size: number;
}

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
 * The code as a PNG, `scale` pixels per module, drawn by qr-core with the options its SVG was drawn
 * with (`margin` is the quiet zone the SVG has) and `logo`, if it has one. Rejects an image wider
 * than qr-core's MAX_IMAGE_SIDE_PX, saying which scale would fit.
 */
export async function pngFile(code: DrawnCode, drawing: PngDrawing, logo?: PngLogo): Promise<Blob> {
  const { scale, margin } = drawing;
  const side = imageSidePx(code.symbol, { scale, margin });
  if (side > MAX_IMAGE_SIDE_PX) {
    const fits = largestScale(code.symbol, { margin });
    throw new RangeError(`At ${scale} pixels per module this code is ${side} px wide, more than the ${MAX_IMAGE_SIDE_PX} px a PNG may have: choose ${fits} or less.`);
  }
  const { toPNGAsync, logoPixels } = await import('./png-local.js');
  // The logo's pixels at the most the PNG shows of it: its side in modules (and one for the padding's rounding) at the scale.
  const logoOption = logo && { image: await logoPixels(logo.bytes, logo.type, Math.min(side, Math.ceil((logo.size * code.symbol.width + 1) * scale))), size: logo.size };
  const png = await toPNGAsync(code.symbol, {
    scale,
    margin,
    dark: drawing.dark,
    light: drawing.light,
    moduleShape: drawing.moduleShape,
    finderShape: drawing.finderShape,
    finderColor: drawing.finderColor || undefined,
    logo: logoOption,
  });
  return new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}
