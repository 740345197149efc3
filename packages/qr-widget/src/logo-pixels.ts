/**
 * A logo file → its pixels, decoded by the browser, for qr-core's portable `toPNGAsync`, which takes a
 * logo as decoded pixels (`{ width, height, rgba }`) and not as a file. The browser reads every format
 * qr-core's SVG takes (PNG, JPEG, WebP, SVG): the file is drawn from an `<img>` on a canvas of the
 * size the PNG needs, and read back with getImageData. Only the logo is drawn so: the code's pixels
 * are qr-core's. Loaded with png-local.ts, on the first PNG saved.
 */

/** A logo's pixels as qr-core's PNG writer takes them: straight-alpha RGBA, 4 bytes a pixel, row-major. */
export interface LogoPixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/**
 * The pixels of the logo file `bytes` (of `type`), at most `maxSidePx` on its longer side: a raster
 * image at its own size when that is smaller (qr-core resamples it, as it would a PNG file), an SVG
 * always at `maxSidePx` (it has no pixels of its own). Rejects when the browser cannot decode it.
 */
export async function logoPixels(bytes: Uint8Array, type: string, maxSidePx: number): Promise<LogoPixels> {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const { width, height } = pixelSize(image.naturalWidth, image.naturalHeight, Math.max(1, Math.round(maxSidePx)), type === 'image/svg+xml');
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context === null) throw new Error('this browser cannot draw on a canvas');
    context.imageSmoothingQuality = 'high';
    context.drawImage(image, 0, 0, width, height);
    const { data } = context.getImageData(0, 0, width, height);
    return { width, height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The size to draw an image of `natural` size at: its aspect ratio (square when it has none), its longer side `maxSide` or, for a raster image, its own when less. */
function pixelSize(naturalWidth: number, naturalHeight: number, maxSide: number, vector: boolean): { width: number; height: number } {
  if (!(naturalWidth > 0 && naturalHeight > 0)) return { width: maxSide, height: maxSide };
  const longer = Math.max(naturalWidth, naturalHeight);
  const side = vector ? maxSide : Math.min(maxSide, longer);
  return { width: Math.max(1, Math.round((naturalWidth * side) / longer)), height: Math.max(1, Math.round((naturalHeight * side) / longer)) };
}
