/**
 * Cross-origin access (WHATWG Fetch Standard, "CORS protocol"), so pages on other origins can
 * call the API from script: the response headers every answer carries, and the preflight.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { Reply } from './reply.js';

/** '*' (any origin) or the exact origins allowed to read answers from a browser. */
export type CorsOrigins = '*' | readonly string[];

/** What script on another origin may read beyond the CORS-safelisted response headers. */
const EXPOSED_HEADERS = 'ETag, Content-Disposition, X-Request-Id';
/** Request headers a page may set: JSON bodies, revalidation, and correlation. */
const ALLOWED_HEADERS = 'Content-Type, If-None-Match, X-Request-Id';
/** A day: browsers cap it lower anyway (Chromium at 2 h), and the answer rarely changes. */
const PREFLIGHT_MAX_AGE_S = 86_400;

export function corsHeaders(allowed: CorsOrigins, origin: string | undefined): OutgoingHttpHeaders {
  if (allowed === '*') {
    return { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSED_HEADERS };
  }
  // The answer depends on Origin, so caches must key on it (Fetch Standard, "CORS protocol and HTTP caches").
  if (origin !== undefined && allowed.includes(origin)) {
    return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED_HEADERS, vary: 'Origin' };
  }
  return { vary: 'Origin' };
}

/**
 * The answer to OPTIONS on a known path: a preflight when the browser asks for one
 * (`Access-Control-Request-Method`), otherwise the methods the path allows (RFC 9110 §9.3.7).
 */
export function optionsReply(methods: readonly string[], requestHeaders: { readonly [name: string]: unknown }): Reply {
  const allow = [...methods, 'OPTIONS'].join(', ');
  if (requestHeaders['access-control-request-method'] === undefined) {
    return { status: 204, headers: { allow }, body: '' };
  }
  return {
    status: 204,
    headers: {
      allow,
      'access-control-allow-methods': allow,
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
    },
    body: '',
  };
}
