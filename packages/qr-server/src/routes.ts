/**
 * The route table: method + path → handler. Everything the API answers is listed here, and
 * openapi.test.ts checks that /openapi.json describes exactly these routes.
 */
import { optionsReply } from './cors.js';
import { generateFromPost, generateFromQuery } from './generate.js';
import { jsonReply, type Handler, type Reply } from './handler.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { ApiError } from './problem.js';

export interface Route {
  readonly method: string;
  readonly path: string;
  /** Whether the server reads the body (up to MAX_BODY_BYTES) before calling the handler. */
  readonly readsBody: boolean;
  readonly handler: Handler;
}

const openapiReply: Reply = jsonReply(200, OPENAPI_DOCUMENT, { 'cache-control': 'no-cache' });
const healthReply: Reply = jsonReply(200, { status: 'ok' }, { 'cache-control': 'no-store' });

/** A GET route answers HEAD too (RFC 9110 §9.3.2). */
export const ROUTES: readonly Route[] = Object.freeze([
  { method: 'POST', path: '/generate_qr/', readsBody: true, handler: generateFromPost },
  { method: 'GET', path: '/generate_qr/', readsBody: false, handler: generateFromQuery },
  { method: 'GET', path: '/healthz', readsBody: false, handler: () => healthReply },
  { method: 'GET', path: '/openapi.json', readsBody: false, handler: () => openapiReply },
]);

/**
 * The route for a request, OPTIONS answered for every known path;
 * throws the 404 or the 405 (with `Allow`) when there is none.
 */
export function resolveRoute(method: string, path: string): Route {
  const routes = ROUTES.filter((route) => route.path === path);
  if (routes.length === 0) {
    throw new ApiError('NOT_FOUND', `there is nothing at ${path.slice(0, 200)}; the API is described at /openapi.json`);
  }
  const methods = routes.flatMap((route) => (route.method === 'GET' ? ['GET', 'HEAD'] : [route.method]));
  if (method === 'OPTIONS') {
    return { method, path, readsBody: false, handler: (request) => optionsReply(methods, request.headers) };
  }
  const route = routes.find((candidate) => candidate.method === (method === 'HEAD' ? 'GET' : method));
  if (route === undefined) {
    throw new ApiError('METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}; use ${methods.join(' or ')}`, {
      allow: [...methods, 'OPTIONS'].join(', '),
    });
  }
  return route;
}
