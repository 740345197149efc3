/**
 * The /generate_qr/ handlers: POST (the original contract, plus JSON, form and text bodies)
 * and GET (for `<img src>`, cacheable). Each is parse → encode → render → answer: qr-request.ts
 * reads the request, render.ts makes the image (or takes it from the cache), and this module
 * writes the answer's headers.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { PAYLOAD_SCHEMAS, type Payload } from 'qr-core/payloads';
import { ifNoneMatch } from '../http/etag.js';
import type { Handler, Reply } from '../http/reply.js';
import { readQrRequest, type QrRequest } from './qr-request.js';
import { entityTag, imageKey, renderImage, type Caches } from './render.js';

const CONTENT_TYPES = Object.freeze({ png: 'image/png', svg: 'image/svg+xml' });

// SVG is a document that can carry script; this forbids everything but the inline styling a
// renderer may use, so an SVG opened directly cannot run or load anything.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";
// With a logo, the SVG's <image> loads the embedded data: URL. That is an image request, so
// img-src governs it (CSP Level 3, "img-src"), and a data: URL matches only a `data:`
// scheme-source, never 'self' or a host (CSP Level 3, "scheme-source"). Nothing else is
// admitted, and answers without a logo keep the policy they had.
const SVG_LOGO_CSP = `${SVG_CSP}; img-src data:`;

// A given request always yields the same image from the same qr-core, so a GET answer may be
// cached for a year without revalidation (RFC 8246 `immutable`).
const CACHE_FOREVER = 'public, max-age=31536000, immutable';
// An answer made from a secret (a Wi-Fi password) is kept by no cache, the browser's included.
const NO_STORE = 'no-store';

export interface GenerateHandlers {
  /** POST /generate_qr/: fields from the query, and from the body when there is one. */
  readonly post: Handler;
  /** GET and HEAD /generate_qr/: fields from the query; strong ETag, 304 on a match. */
  readonly get: Handler;
}

export function generateHandlers(caches: Caches): GenerateHandlers {
  return {
    post: (request) => {
      const qr = readQrRequest(request);
      return answer(qr, imageKey(qr), { 'cache-control': NO_STORE });
    },
    get: (request) => {
      const qr = readQrRequest(request);
      const key = imageKey(qr);
      // No ETag either: a hash of the text is a hash of the password, which a dictionary reverses.
      if (qr.secret) return answer(qr, key, { 'cache-control': NO_STORE, ...(qr.formatFromAccept ? { vary: 'Accept' } : {}) });
      const etag = entityTag(key);
      const headers: OutgoingHttpHeaders = { 'cache-control': CACHE_FOREVER, etag, ...(qr.formatFromAccept ? { vary: 'Accept' } : {}) };
      // RFC 9110 §15.4.5: a 304 carries the headers a 200 would have had for caching.
      if (ifNoneMatch(request.headers['if-none-match'], etag)) return { status: 304, headers, body: '' };
      return answer(qr, key, headers);
    },
  };

  function answer(qr: QrRequest, key: string, headers: OutgoingHttpHeaders): Reply {
    return {
      status: 200,
      headers: {
        ...headers,
        'content-type': CONTENT_TYPES[qr.format],
        ...(qr.format === 'svg' ? { 'content-security-policy': qr.logo === undefined ? SVG_CSP : SVG_LOGO_CSP } : {}),
        ...(qr.download ? { 'content-disposition': `attachment; filename="${downloadName(qr.payload)}.${qr.format}"` } : {}),
      },
      body: renderImage(qr, key, caches),
    };
  }
}

/**
 * The name a download is saved under, without its extension: `qr`, or for a payload its type and
 * the first of its fields in PAYLOAD_SCHEMAS's order that is set and not secret (`wifi-home`,
 * `vcard-ada-lovelace`), reduced to lower-case ASCII letters, digits, `.` and `-` so that it is a
 * safe file name everywhere and needs no quoting in the header (RFC 6266 §4.3).
 */
export function downloadName(payload: Payload | undefined): string {
  if (payload === undefined) return 'qr';
  const fields = payload as unknown as Readonly<Record<string, unknown>>;
  const first = PAYLOAD_SCHEMAS[payload.type].fields
    .filter((field) => field.secret !== true)
    .map((field) => fields[field.name])
    .map((value) => (Array.isArray(value) ? value[0] : value))
    .find((value) => (typeof value === 'string' && value !== '') || typeof value === 'number');
  const slug = String(first ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 40)
    .replace(/[-.]+$/, '');
  return slug === '' ? payload.type : `${payload.type}-${slug}`;
}
