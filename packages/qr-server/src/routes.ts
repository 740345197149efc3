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

/** Per path: its routes by method (HEAD sharing GET's), and the methods for `Allow`. */
const BY_PATH: ReadonlyMap<string, { readonly byMethod: ReadonlyMap<string, Route>; readonly methods: readonly string[]; readonly options: Route }> =
  new Map(
    [...new Set(ROUTES.map((route) => route.path))].map((path) => {
      const byMethod = new Map<string, Route>();
      for (const route of ROUTES.filter((candidate) => candidate.path === path)) {
        byMethod.set(route.method, route);
        if (route.method === 'GET') byMethod.set('HEAD', route);
      }
      const methods = [...byMethod.keys()];
      const options: Route = { method: 'OPTIONS', path, readsBody: false, handler: (request) => optionsReply(methods, request.headers) };
      return [path, { byMethod, methods, options }];
    }),
  );

/**
 * The route for a request, OPTIONS answered for every known path;
 * throws the 404 or the 405 (with `Allow`) when there is none.
 */
export function resolveRoute(method: string, path: string): Route {
  const routes = BY_PATH.get(path);
  if (routes === undefined) {
    throw new ApiError('NOT_FOUND', `there is nothing at ${path.slice(0, 200)}; the API is described at /openapi.json`);
  }
  if (method === 'OPTIONS') return routes.options;
  const route = routes.byMethod.get(method);
  if (route === undefined) {
    throw new ApiError('METHOD_NOT_ALLOWED', `${method.slice(0, 20)} is not allowed on ${path}; use ${routes.methods.join(' or ')}`, {
      allow: [...routes.methods, 'OPTIONS'].join(', '),
    });
  }
  return route;
}
