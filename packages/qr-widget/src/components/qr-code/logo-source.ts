/**
 * The image behind `<qr-code logo>`: an image URL, fetched so that the SVG holds the file itself
 * (a standalone document that a download, a design tool or librsvg draws without the network).
 * qr-core reads and checks the bytes; this only gets them.
 */
import type { QrErrorDetail } from '../../events.js';

/** What toSVG's `logo.image` takes: the file's bytes, or a `data:` URL as `<qr-code logo>` may be given. */
export type LogoImage = Uint8Array | string;

/** Why there is no image, in the words of `qr-error`. */
export type LogoFailure = Omit<QrErrorDetail, 'value' | 'symbol'>;

/** The outcome of {@link loadLogo}: a value, not a rejection, so that each failure is worded here once. */
export type LogoLoad = { image: Uint8Array } | { failure: LogoFailure };

/**
 * Fetches the logo at `url`, relative to the document; on another origin its server must let this
 * page read it (CORS). An aborted load ends as a failure too, which the caller drops.
 */
export async function loadLogo(url: string, signal: AbortSignal): Promise<LogoLoad> {
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) return { failure: { code: 'HTTP', status: response.status, message: `The logo ${url} could not be fetched: its server answered ${response.status}.` } };
    return { image: new Uint8Array(await response.arrayBuffer()) };
  } catch {
    // fetch tells a script no more than this: a network failure and a CORS refusal look alike.
    return { failure: { code: 'NETWORK', message: `The logo ${url} could not be fetched: the network failed, or its server does not let this page read it (CORS).` } };
  }
}
