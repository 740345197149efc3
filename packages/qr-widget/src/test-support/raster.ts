/**
 * SVG → pixels in the browser, for the tests: the browser draws qr-core's SVG on a canvas (to
 * decode what an element shows), and the canvas encodes a PNG (the canvas export that the widget's
 * local PNGs were before they were qr-core's, to compare sizes with).
 */

/** Draws an SVG document on a new canvas `widthPx` wide (and as high as its aspect ratio says). */
export async function drawSvg(svg: string, widthPx: number): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = widthPx;
    canvas.height = Math.round((widthPx * image.naturalHeight) / image.naturalWidth);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw on a canvas');
    // Module edges fall on whole pixels at an integer scale: smoothing would only blur them.
    context.imageSmoothingEnabled = false;
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Encodes a canvas as PNG, as the browser's canvas export does. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
  });
}
