/**
 * The client side of qr-server's HTTP contract (docs/architecture.md, "The HTTP contract"): `POST /generate_qr/`
 * with a JSON body, errors as RFC 9457 problem details. A logo goes in the same JSON body as a
 * `data:` URL, the form the widget holds it in already, so that every request has one shape.
 */
import { DEFAULT_MARGIN, FINDER_SHAPES, MODULE_SHAPES, type Ecl, type FinderShape, type ModuleShape, type SymbologyName } from 'qr-core';
import type { Payload } from 'qr-core/payloads';

/** What `POST /generate_qr/` is asked for: its JSON body ({@link requestBody}). */
export interface ImageRequest {
  /** The text to encode; with a payload, the text it encodes to, which the service makes itself. */
  data: string;
  /** A payload of qr-core/payloads, sent instead of `data`, for the service to check and encode. */
  payload?: Payload;
  format: 'png' | 'svg';
  /** Micro QR or rMQR; absent for QR, the service's default. */
  symbology?: SymbologyName;
  /** The text is a GS1 element string; absent when it is not. */
  gs1?: boolean;
  /** rMQR's height bound in modules; absent for the smallest symbol. */
  maxHeight?: number;
  ecl: Ecl;
  /** Pixels per module. */
  scale: number;
  /** Quiet zone in modules; absent (Micro QR, rMQR) for the symbology's default, which the service knows. */
  margin?: number;
  dark: string;
  light: string;
  /** The style (qr-core's drawing options), present only where it differs from the plain code's. */
  moduleShape?: ModuleShape;
  finderShape?: FinderShape;
  /** The finder patterns' colour; absent, they are in `dark`. */
  finderColor?: string;
  /** The logo file as a `data:` URL, and its side as a fraction of the symbol's; absent without a logo. */
  logo?: string;
  logoSize?: number;
}

/** A logo for a request: the file as a `data:` URL and the size the preview draws it at. */
export interface RequestLogo {
  readonly dataUrl: string;
  readonly size: number;
}

/** The options an image request is made of; the finder colour is '' while it follows `dark`. */
export type ImageOptions = Pick<ImageRequest, 'ecl' | 'scale' | 'dark' | 'light'> & {
  /** undefined (or null, the absent attribute) for the symbology's default quiet zone. */
  readonly margin?: number | null | undefined;
  readonly symbology?: SymbologyName | undefined;
  readonly gs1?: boolean | undefined;
  readonly maxHeight?: number | null | undefined;
  readonly moduleShape: ModuleShape;
  readonly finderShape: FinderShape;
  readonly finderColor: string;
};

/**
 * The PNG request for `data` with `options` and `logo`. The symbol and style fields are left out
 * where they are the defaults, so that a plain QR code is asked for exactly as before they existed.
 */
export function pngRequest(data: string, options: ImageOptions, logo?: RequestLogo): ImageRequest {
  const { ecl, scale, dark, light, moduleShape, finderShape, finderColor, gs1, maxHeight } = options;
  const symbology = options.symbology ?? 'qr';
  const symbol: Partial<ImageRequest> = symbology === 'qr' ? {} : { symbology };
  if (gs1) symbol.gs1 = true;
  if (symbology === 'rmqr' && maxHeight) symbol.maxHeight = maxHeight;
  // A QR code's quiet zone is always sent, as it was before symbologies; the others' default is the service's.
  const margin = options.margin ?? (symbology === 'qr' ? DEFAULT_MARGIN : undefined);
  const request: ImageRequest = { data, format: 'png', ...symbol, ecl, scale, ...(margin === undefined ? {} : { margin }), dark, light };
  if (moduleShape !== MODULE_SHAPES[0]) request.moduleShape = moduleShape;
  if (finderShape !== FINDER_SHAPES[0]) request.finderShape = finderShape;
  // An absent attribute reads as null: like '', it follows the dark colour.
  if (finderColor && finderColor.toLowerCase() !== dark.toLowerCase()) request.finderColor = finderColor;
  if (logo) Object.assign(request, { logo: logo.dataUrl, logoSize: logo.size });
  return request;
}

/**
 * Whether the service can put `logo` in the PNG it makes: qr-core's PNG renderer, which it draws
 * with, reads PNG logos only (any image goes in an SVG, which the browser draws from qr-core itself).
 */
export function serviceDrawsLogo(logo: { readonly type: string } | undefined): boolean {
  return logo === undefined || logo.type === 'image/png';
}

/** The service answered, with an error status. `message` is the problem's `detail` (or `title`). */
export class ServiceError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.status = status;
  }
}

/** `base` + '/generate_qr/', where an empty base means this page's own origin (behind the load balancer). */
function endpoint(base: string): URL {
  return new URL(`${base.replace(/\/+$/, '')}/generate_qr/`, document.baseURI);
}

/**
 * Asks the service for an image. Rejects with {@link ServiceError} when it answers with an
 * error, and with the fetch's own `TypeError` when it cannot be reached.
 */
export async function requestImage(base: string, request: ImageRequest, signal?: AbortSignal): Promise<Blob> {
  const response = await fetch(endpoint(base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: `image/${request.format === 'svg' ? 'svg+xml' : 'png'}, application/problem+json` },
    body: JSON.stringify(requestBody(request)),
    signal: signal ?? null,
  });
  if (response.ok) return response.blob();
  throw new ServiceError(response.status, await problemMessage(response));
}

/** RFC 9457 §3.1: `detail` explains this occurrence, `title` the kind of problem. */
async function problemMessage(response: Response): Promise<string> {
  const fallback = `The QR service answered ${response.status} ${response.statusText}`.trim();
  if (!/^application\/(problem\+)?json/i.test(response.headers.get('content-type') ?? '')) return fallback;
  try {
    const problem: unknown = await response.json();
    if (typeof problem === 'object' && problem !== null) {
      const { detail, title } = problem as { detail?: unknown; title?: unknown };
      if (typeof detail === 'string' && detail !== '') return detail;
      if (typeof title === 'string' && title !== '') return title;
    }
  } catch {
    // A body that is not JSON says nothing more than the status line.
  }
  return fallback;
}

/** The JSON body for `request`: its text as `data`, or its payload as `payload` (the service takes exactly one). */
export function requestBody(request: ImageRequest): Record<string, unknown> {
  const { data, payload, ...options } = request;
  return payload === undefined ? { data, ...options } : { payload, ...options };
}

/** Why there is no link to a code with a logo. */
export const NO_LOGO_LINK = 'A link cannot carry the logo (the QR service takes logos in the request body only): download the image instead.';

/**
 * A GET link to the same image (the service answers GET with a long cache lifetime, so it can be
 * shared): the text as `data`, or a payload's fields flat (`type=vcard&name=…`, a list's items
 * each as the field). Throws for a request with a logo: a link holds no file, and the service
 * fetches none. The caller keeps payloads with a secret out of links (src/payloads/payload-draft.ts, `noLink`).
 */
export function imageLink(base: string, request: ImageRequest): string {
  if (request.logo !== undefined) throw new Error(NO_LOGO_LINK);
  const url = endpoint(base);
  const { data, payload, ...options } = request;
  if (payload === undefined) url.searchParams.set('data', data);
  else for (const [name, value] of Object.entries(payload)) for (const item of [value].flat()) url.searchParams.append(name, String(item));
  for (const [name, value] of Object.entries(options)) if (value !== undefined) url.searchParams.set(name, String(value));
  return url.href;
}
