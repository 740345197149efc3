/**
 * A logo file a person picked or dropped on `<qr-widget>`, read once into what its consumers take:
 * its bytes for qr-core's `toSVG` (through the preview `<qr-code>`, at every redraw: bytes spare
 * qr-core decoding a `data:` URL each time, half the time of a redraw with a 200 KB logo), and one
 * `data:` URL for the QR service's JSON body and the picker's thumbnail.
 */
import { LOGO_TYPES, MAX_LOGO_BYTES, QrError, readLogo, type LogoType } from 'qr-core';

/** A logo that qr-core accepted. */
export interface PickedLogo {
  /** The file's name, to say which logo is on. */
  readonly name: string;
  /** The format its bytes hold (qr-core sniffs them; a file's name or declared type can lie). */
  readonly type: LogoType;
  readonly bytes: Uint8Array;
  /** The file as a base64 `data:` URL of `type`. */
  readonly dataUrl: string;
}

/** Why a file cannot be the logo, in words for the person who chose it. */
export class LogoRefusal extends Error {
  override name = 'LogoRefusal';
}

/** The formats' names as people know them, in qr-core's order; typed so that a new format needs a name here. */
const FORMAT_NAMES: Readonly<Record<LogoType, string>> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/svg+xml': 'SVG' };

/** "PNG, JPEG, WebP or SVG". */
export const LOGO_FORMATS = LOGO_TYPES.map((type) => FORMAT_NAMES[type]).join(', ').replace(/, (?=[^,]*$)/, ' or ');

/** qr-core's limit in the unit people see for it (256 KiB). */
export const LOGO_LIMIT = `${MAX_LOGO_BYTES / 1024} KiB`;

/**
 * Reads `file` as a logo. Rejects with a {@link LogoRefusal} for a file over qr-core's
 * MAX_LOGO_BYTES, refused before it is read (its size is known without reading it), and for one
 * whose bytes are not one of qr-core's LOGO_TYPES.
 */
export async function readLogoFile(file: File): Promise<PickedLogo> {
  if (file.size > MAX_LOGO_BYTES) {
    throw new LogoRefusal(`${file.name} is ${Math.ceil(file.size / 1024)} KiB; a logo may be at most ${LOGO_LIMIT}. Choose a smaller file (fewer pixels, or an SVG).`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let type: LogoType;
  try {
    ({ type } = readLogo(bytes));
  } catch (error) {
    if (!(error instanceof QrError)) throw error;
    // Within the size limit, qr-core refuses bytes only for their format.
    throw new LogoRefusal(`${file.name} is not a ${LOGO_FORMATS} image. Choose one of those.`);
  }
  return { name: file.name, type, bytes, dataUrl: await dataUrlOf(new Blob([bytes], { type })) };
}

/** The blob as a base64 `data:` URL of its type, encoded by the browser. */
function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}
