/**
 * The static server: `createServer(config)` loads the assets and returns an HTTP server that
 * answers from them, and a `close()` that drains. Only main.ts touches `process`.
 */
import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadAssets, type Asset, type AssetTable } from './assets.js';
import { chooseCoding, type ContentCoding } from './content-coding.js';
import type { ServerConfig } from './config.js';
import { requestPath } from './request-path.js';

/** What a handler decides; the server writes it. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: Buffer;
}

/** The parts of a request the handler reads. */
export interface RequestHead {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface RequestLog {
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

export interface StaticServer {
  server: http.Server;
  /** Starts listening; resolves with the bound address (useful with port 0). */
  listen(): Promise<AddressInfo>;
  /** Stops accepting, answers 503 meanwhile, waits for in-flight requests (at most drainTimeoutMs). */
  close(): Promise<void>;
}

const ALLOW = 'GET, HEAD, OPTIONS';

/** Headers on every answer. */
const COMMON_HEADERS = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
});

export async function createServer(config: ServerConfig, log: (entry: RequestLog) => void = () => {}): Promise<StaticServer> {
  const assets = await loadAssets(config.publicDir, config.backendUrl);
  let closing = false;

  const server = http.createServer((request, response) => {
    const started = performance.now();
    request.on('error', () => response.destroy());
    response.on('error', () => request.destroy());
    const reply = handle({ method: request.method ?? '', url: request.url ?? '', headers: request.headers }, assets, closing);
    // No route takes a body: rather than read one (of any size) to keep the connection, close it.
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    if (closing || hasBody) reply.headers.connection = 'close';
    response.writeHead(reply.status, { ...COMMON_HEADERS, ...reply.headers });
    response.end(request.method === 'HEAD' ? undefined : reply.body);
    response.on('finish', () => {
      log({ method: request.method ?? '', path: request.url ?? '', status: reply.status, durationMs: Math.round((performance.now() - started) * 100) / 100 });
    });
  });

  // Timeouts above the load balancer's 60 s idle time-out, so that the balancer closes first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;

  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify(problem(status, 'the request could not be read as HTTP/1.1'));
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  return {
    server,
    listen: async () => {
      server.listen(config.port, config.host);
      await once(server, 'listening'); // rejects on an 'error' first, e.g. EADDRINUSE
      return server.address() as AddressInfo;
    },
    close: () =>
      new Promise((resolve) => {
        closing = true;
        const deadline = setTimeout(() => server.closeAllConnections(), config.drainTimeoutMs);
        deadline.unref();
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** Decides the answer to one request from the asset table alone. */
export function handle(request: RequestHead, assets: AssetTable, closing: boolean): Reply {
  const target = requestPath(request.url);
  if (target.ok && target.path === '/healthz') return health(request.method, closing);
  if (closing) return problemReply(503, 'the server is shutting down; try again', { 'retry-after': '1' });
  if (request.method === 'OPTIONS') {
    return {
      status: 204,
      headers: { allow: ALLOW, 'access-control-allow-origin': '*', 'access-control-allow-methods': ALLOW, 'access-control-max-age': '86400' },
    };
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return problemReply(405, `${request.method} is not allowed here; use GET or HEAD`, { allow: ALLOW });
  }
  if (!target.ok) return problemReply(400, target.detail);
  const asset = assets.get(target.path);
  if (!asset) return problemReply(404, `nothing is served at ${target.path}`);
  return serveAsset(asset, request.headers);
}

function serveAsset(asset: Asset, headers: http.IncomingHttpHeaders): Reply {
  const available = Object.keys(asset.codings) as ContentCoding[];
  const coding = chooseCoding(headers['accept-encoding'], available);
  const representation = asset.codings[coding] ?? asset.codings.identity;
  const replyHeaders: Record<string, string> = {
    ...asset.headers,
    'cache-control': asset.cacheControl,
    etag: representation.etag,
    vary: 'Accept-Encoding',
  };
  // RFC 9110 §13.1.2: If-None-Match uses the weak comparison, so W/ prefixes are ignored.
  if (matchesEtag(headers['if-none-match'], representation.etag)) return { status: 304, headers: replyHeaders };
  replyHeaders['content-type'] = asset.type;
  replyHeaders['content-length'] = String(representation.body.length);
  if (coding !== 'identity') replyHeaders['content-encoding'] = coding;
  return { status: 200, headers: replyHeaders, body: representation.body };
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

function health(method: string, closing: boolean): Reply {
  if (method !== 'GET' && method !== 'HEAD') return problemReply(405, `${method} is not allowed here; use GET or HEAD`, { allow: 'GET, HEAD' });
  const status = closing ? 503 : 200;
  const body = Buffer.from(JSON.stringify({ status: closing ? 'closing' : 'ok' }));
  return {
    status,
    headers: { 'content-type': 'application/json', 'content-length': String(body.length), 'cache-control': 'no-store' },
    body,
  };
}

/** RFC 9457 problem details, the same shape as qr-server's errors. */
function problem(status: number, detail: string) {
  return { type: 'about:blank', title: http.STATUS_CODES[status] ?? 'Error', status, detail };
}

function problemReply(status: number, detail: string, headers: Record<string, string> = {}): Reply {
  const body = Buffer.from(JSON.stringify(problem(status, detail)));
  return {
    status,
    headers: { ...headers, 'content-type': 'application/problem+json', 'content-length': String(body.length), 'cache-control': 'no-store' },
    body,
  };
}
