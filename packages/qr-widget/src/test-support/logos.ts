/**
 * Logo files for the tests, made in the browser (a canvas encodes PNG, JPEG and WebP), and the
 * ways a person hands one to the widget: the file input and a drop.
 */

/** A logo's colour: pure red, far from the code's black and white, so that pixels tell whose they are. */
export const LOGO_RED = '#ff0000';

/** A square image of one colour, encoded by the browser as `type`. */
export async function canvasLogo(type: 'image/png' | 'image/jpeg' | 'image/webp', side = 64, colour = LOGO_RED): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = Object.assign(document.createElement('canvas'), { width: side, height: side });
  const context = canvas.getContext('2d')!;
  context.fillStyle = colour;
  context.fillRect(0, 0, side, side);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((made) => (made ? resolve(made) : reject(new Error(`no ${type}`))), type, 0.9));
  if (blob.type !== type) throw new Error(`this browser encodes no ${type}`);
  return new Uint8Array(await blob.arrayBuffer());
}

/** An SVG logo: a red square. */
export const SVG_LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="${LOGO_RED}"/></svg>`;

/** `bytes` (or text) as a File, with whatever name and declared type a person's file may have. */
export function logoFile(bytes: Uint8Array<ArrayBuffer> | string, name: string, type = ''): File {
  return new File([bytes], name, { type });
}

/** A GIF's first bytes: an image, but not one of qr-core's logo formats. */
export const GIF_BYTES = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x3b]);

function transfer(file: File): DataTransfer {
  const data = new DataTransfer();
  data.items.add(file);
  return data;
}

/** Chooses `file` in a file input the way the browser's file dialog does: files set, then change. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  input.files = transfer(file).files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Drags `file` over `target` and drops it there; returns whether the drop was taken (its default prevented). */
export function dropFile(target: Element, file: File): boolean {
  const dataTransfer = transfer(file);
  target.dispatchEvent(new DragEvent('dragover', { dataTransfer, bubbles: true, cancelable: true, composed: true }));
  const drop = new DragEvent('drop', { dataTransfer, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(drop);
  return drop.defaultPrevented;
}

/** The colour of one pixel of an image (a PNG blob) as [r, g, b, a]. */
export async function pixelOf(image: Blob, x: number, y: number): Promise<number[]> {
  const bitmap = await createImageBitmap(image);
  const canvas = Object.assign(document.createElement('canvas'), { width: bitmap.width, height: bitmap.height });
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return [...context.getImageData(x, y, 1, 1).data];
}
