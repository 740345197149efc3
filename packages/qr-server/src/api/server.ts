/**
 * The QR code API: the shared HTTP server (http/server.ts) over the API's routes, with its
 * security headers, CORS, and caches of its own, of images and of decoded logos (so each
 * server, and each test, has fresh ones).
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { corsHeaders } from '../http/cors.js';
import type { Logger } from '../http/log.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import type { ApiConfig } from './config.js';
import { ImageCache } from './image-cache.js';
import { LogoCache } from './logo-cache.js';
import { apiRouter } from './routes.js';

/** Headers on every answer. CSP: a JSON or error answer loads nothing and is never framed. */
const API_HEADERS: Readonly<OutgoingHttpHeaders> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  // Images are meant to be embedded by other sites, including cross-origin-isolated ones.
  'cross-origin-resource-policy': 'cross-origin',
});

/** `logos` is for tests that watch the decoding; a server makes its own from the config. */
export function createApiServer(config: ApiConfig, logger: Logger, logos = new LogoCache(config.logoCacheBytes)): HttpServer {
  return createHttpServer({
    config,
    logger,
    router: apiRouter({ images: new ImageCache(config.imageCacheBytes), logos }),
    maxBodyBytes: config.maxBodyBytes,
    headers: API_HEADERS,
    headersFor: (headers) => corsHeaders(config.corsOrigins, headers.origin),
  });
}
