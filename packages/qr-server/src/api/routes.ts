/**
 * The API's route table: everything it answers is listed here, and openapi.test.ts checks that
 * /openapi.json describes exactly these routes.
 */
import { jsonReply, type Reply } from '../http/reply.js';
import { createRouter, HEALTH_ROUTE, type Route, type Router } from '../http/routes.js';
import { generateHandlers } from './generate.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import type { Caches } from './render.js';

const openapiReply: Reply = jsonReply(200, OPENAPI_DOCUMENT, { 'cache-control': 'no-cache' });

/** The routes, over the server's caches. */
export function apiRoutes(caches: Caches): readonly Route[] {
  const generate = generateHandlers(caches);
  return Object.freeze([
    { method: 'POST', path: '/generate_qr/', readsBody: true, handler: generate.post },
    { method: 'GET', path: '/generate_qr/', readsBody: false, handler: generate.get },
    HEALTH_ROUTE,
    { method: 'GET', path: '/openapi.json', readsBody: false, handler: () => openapiReply },
  ]);
}

export function apiRouter(caches: Caches): Router {
  return createRouter(apiRoutes(caches), {
    notFound: (path) => `there is nothing at ${path}; the API is described at /openapi.json`,
  });
}
