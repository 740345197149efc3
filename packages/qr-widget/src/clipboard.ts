/** Copying a QR code, or a link to it, to the clipboard (the async Clipboard API; secure contexts only). */

function clipboard(): Clipboard {
  // Undefined on a page served over plain HTTP, where the browser offers no clipboard.
  if (navigator.clipboard === undefined) throw new Error('The clipboard is not available here: browsers offer it only to pages served over HTTPS.');
  return navigator.clipboard;
}

/**
 * Copies a PNG. It takes the PNG as a promise, made in the click's task, so that Chrome keeps
 * the click's user activation while the image is being made.
 */
export async function copyPng(png: Promise<Blob>): Promise<void> {
  await clipboard().write([new ClipboardItem({ 'image/png': png })]);
}

/** Copies text, e.g. a link to the image. */
export async function copyText(text: string): Promise<void> {
  await clipboard().writeText(text);
}
