/**
 * The page server: the shared HTTP server (http/server.ts) over the widget's built files,
 * loaded once at start (assets.ts). Every path not in the route table is an asset lookup;
 * nothing here reads a body or the file system after start.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { ifNoneMatch } from '../http/etag.js';
import type { Logger } from '../http/log.js';
import { HttpError } from '../http/problem.js';
import type { Handler, Reply } from '../http/reply.js';
import { createRouter, HEALTH_ROUTE } from '../http/routes.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import { loadAssets, type Asset, type AssetTable } from './assets.js';
import { chooseCoding, type ContentCoding } from './content-coding.js';
import type { WebConfig } from './config.js';
import { assetPath } from './request-path.js';

/** Headers on every answer; the page adds its own Content-Security-Policy (assets.ts). */
const WEB_HEADERS: Readonly<OutgoingHttpHeaders> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
});

export async function createWebServer(config: WebConfig, logger: Logger): Promise<HttpServer> {
  const assets = await loadAssets(config.publicDir, config.backendUrl);
  const router = createRouter([HEALTH_ROUTE], { notFound: notServed, fallback: { methods: ['GET'], handler: assetHandler(assets) } });
  // No route reads a body: a request with one is answered and its connection closed.
  return createHttpServer({ config, logger, router, maxBodyBytes: 0, headers: WEB_HEADERS });
}

/** GET and HEAD of any path: the asset there, in the best coding the client accepts. */
export function assetHandler(assets: AssetTable): Handler {
  return (request) => {
    const path = assetPath(request.path);
    const asset = assets.get(path);
    if (asset === undefined) throw new HttpError('NOT_FOUND', notServed(path));
    return serveAsset(asset, request.headers);
  };
}

function notServed(path: string): string {
  return `nothing is served at ${path.slice(0, 200)}; the page is at /`;
}

function serveAsset(asset: Asset, headers: IncomingHttpHeaders): Reply {
  const available = Object.keys(asset.codings) as ContentCoding[];
  const coding = chooseCoding(headers['accept-encoding'], available);
  const representation = asset.codings[coding] ?? asset.codings.identity;
  const replyHeaders: OutgoingHttpHeaders = {
    ...asset.headers,
    'cache-control': asset.cacheControl,
    etag: representation.etag,
    vary: 'Accept-Encoding',
  };
  if (ifNoneMatch(headers['if-none-match'], representation.etag)) return { status: 304, headers: replyHeaders, body: '' };
  replyHeaders['content-type'] = asset.type;
  if (coding !== 'identity') replyHeaders['content-encoding'] = coding;
  return { status: 200, headers: replyHeaders, body: representation.body };
}
