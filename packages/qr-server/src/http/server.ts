/**
 * One HTTP server around a route table, for both servers of this package (the API and the page
 * server): reads the request, calls the handler, writes the reply with the headers every
 * answer carries, logs one line, answers malformed requests, and shuts down gracefully.
 * Nothing here touches `process`: http/main.ts owns signals and exit.
 */
import { randomUUID } from 'node:crypto';
import {
  createServer as createNodeServer,
  STATUS_CODES,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { readBody } from './body.js';
import { clientAddress } from './client-address.js';
import { isMultipart, readMultipart, type FormPart } from './multipart.js';
import type { ServerConfig } from './config.js';
import type { Logger } from './log.js';
import { HttpError, problemReply, toHttpError, type ErrorCode } from './problem.js';
import type { Reply } from './reply.js';
import type { Router } from './routes.js';
import { splitTarget } from './target.js';

export interface ServerSetup {
  readonly config: ServerConfig;
  readonly logger: Logger;
  readonly router: Router;
  /** The most body bytes a route that reads the body accepts (413 above). */
  readonly maxBodyBytes: number;
  /** Headers on every answer of this server, errors included (its security policy). */
  readonly headers: Readonly<OutgoingHttpHeaders>;
  /** Headers that depend on the request (CORS); a `Vary` here is joined to the reply's. */
  readonly headersFor?: (requestHeaders: IncomingHttpHeaders) => OutgoingHttpHeaders;
}

export interface HttpServer {
  readonly server: Server;
  /** Starts listening on config.port and config.host; resolves with the bound address. */
  listen(): Promise<AddressInfo>;
  /**
   * Graceful shutdown: new requests get 503 with `Connection: close`, idle connections close,
   * requests in flight finish. Connections still open after config.shutdownTimeoutMs are cut.
   * Resolves when the last connection has closed.
   */
  close(): Promise<void>;
}

/** An incoming X-Request-Id is kept (so a caller's id follows the request) when it is this tame. */
const REQUEST_ID = /^[\w.:@-]{1,128}$/;

const EMPTY: Buffer = Buffer.alloc(0);

export function createHttpServer(setup: ServerSetup): HttpServer {
  const { config, logger, router } = setup;
  let closing: Promise<void> | undefined;
  /** Sockets with an answer under way: a parse error there must not write a second status line. */
  const answering = new WeakSet<Socket>();

  const server = createNodeServer({
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    connectionsCheckingInterval: config.timeoutCheckIntervalMs,
  });
  server.keepAliveTimeout = config.keepAliveTimeoutMs;

  server.on('request', answer);
  // With a listener here Node no longer answers `Expect: 100-continue` by itself: the 100 is
  // sent only once the request has passed routing and readBody's length check, so a client
  // told 404, 405 or 413 never uploads the body at all (RFC 9110 §10.1.1).
  server.on('checkContinue', answer);
  server.on('clientError', answerClientError);

  // handle() turns every failure into a reply; this catch is for a failure in writing one, so
  // that even that costs one connection and never the process (a rejection would end it).
  function answer(request: IncomingMessage, response: ServerResponse): void {
    handle(request, response).catch((error: unknown) => {
      logger.log('error', 'failed to answer', { error: error instanceof Error ? error.stack : String(error) });
      response.destroy();
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const startedMs = performance.now();
    const requestId = requestIdOf(request);
    const method = request.method ?? 'GET';
    const { path, rawQuery } = splitTarget(request.url ?? '/');
    let bodyPending = hasBody(request);
    request.on('error', (error) => logger.log('debug', 'request stream error', { requestId, error: error.message }));
    response.on('error', (error) => logger.log('debug', 'response stream error', { requestId, error: error.message }));
    // 'close' comes whether the answer was sent or the client left first (status 0: no answer).
    let status = 0;
    let sentBytes = 0;
    const client = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], config.trustProxyHops);
    response.once('close', () => {
      const durationMs = Math.round((performance.now() - startedMs) * 100) / 100;
      logger.request({ method, path, status, bytes: response.writableFinished ? sentBytes : 0, durationMs, requestId, client });
    });

    let reply: Reply;
    try {
      if (closing) {
        throw new HttpError('SHUTTING_DOWN', 'this server is shutting down; send the request again and another instance will answer');
      }
      const route = router(method, path);
      let body = EMPTY;
      let form: readonly FormPart[] | undefined;
      if (route.readsBody && bodyPending) {
        body = await readBody(request, setup.maxBodyBytes, () => response.writeContinue());
        bodyPending = false;
        const contentType = request.headers['content-type'];
        if (contentType !== undefined && isMultipart(contentType)) form = await readMultipart(body, contentType);
      }
      reply = route.handler({ method, path, rawQuery, headers: request.headers, body, ...(form ? { form } : {}) });
    } catch (error) {
      const httpError = toHttpError(error);
      if (httpError.code === 'INTERNAL') {
        logger.log('error', 'unexpected failure', { requestId, error: error instanceof Error ? error.stack : String(error) });
      }
      reply = problemReply(httpError, requestId);
    }
    // An unread body would be taken for the next request, and reading it could take long:
    // close instead (RFC 9112 §9.6); a draining server closes every connection it answers.
    const close = closing !== undefined || bodyPending;
    if (response.destroyed) return;
    status = reply.status;
    sentBytes = send(request, response, reply, requestId, close);
  }

  /** Writes the reply; returns the number of body bytes it carries. */
  function send(request: IncomingMessage, response: ServerResponse, reply: Reply, requestId: string, close: boolean): number {
    const perRequest = setup.headersFor?.(request.headers) ?? {};
    const headers: OutgoingHttpHeaders = { ...setup.headers, 'x-request-id': requestId, ...perRequest, ...reply.headers };
    if (reply.headers['vary'] !== undefined && perRequest['vary'] !== undefined) headers['vary'] = `${reply.headers['vary']}, ${perRequest['vary']}`;
    if (close) headers['connection'] = 'close';
    // 204 and 304 have no body and no Content-Length of their own (RFC 9110 §8.6).
    const bodyless = reply.status === 204 || reply.status === 304;
    const length = typeof reply.body === 'string' ? Buffer.byteLength(reply.body) : reply.body.byteLength;
    if (!bodyless) headers['content-length'] = length;
    const socket = response.socket;
    if (socket) {
      answering.add(socket);
      response.once('close', () => answering.delete(socket));
    }
    response.writeHead(reply.status, headers);
    // Node drops the body of an answer to HEAD and keeps its Content-Length (RFC 9110 §9.3.2).
    response.end(reply.body);
    return request.method === 'HEAD' || bodyless ? 0 : length;
  }

  /**
   * Errors Node's parser reports before a request exists: malformed requests (400), headers
   * over Node's 16 KiB limit (431), and the headers or request time-out (408). The answer is
   * written by hand, as the socket has no response object, and the connection is closed; where
   * an answer is already under way on the socket, or the socket cannot be written, it is only
   * closed (fastify's rule, without Node's private fields).
   */
  function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable || answering.has(socket)) {
      socket.destroy();
      return;
    }
    const [code, detail] = clientErrorProblem(error);
    const requestId = randomUUID();
    const reply = problemReply(new HttpError(code, detail), requestId);
    const lines = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status]}`];
    const headers: OutgoingHttpHeaders = {
      ...setup.headers,
      'x-request-id': requestId,
      ...reply.headers,
      'content-length': Buffer.byteLength(reply.body),
      connection: 'close',
    };
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${String(value)}`);
    socket.end(`${lines.join('\r\n')}\r\n\r\n${String(reply.body)}`);
    logger.log('info', 'client error', { status: reply.status, code, error: error.code ?? error.message, requestId });
  }

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: () => {
      closing ??= new Promise((resolve) => {
        const deadline = setTimeout(() => {
          logger.log('warn', 'shutdown deadline reached; closing the remaining connections', { shutdownTimeoutMs: config.shutdownTimeoutMs });
          server.closeAllConnections();
        }, config.shutdownTimeoutMs);
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
        // server.close() stops accepting; kept-alive connections with no request in flight
        // would otherwise stay open until their keep-alive time-out.
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

function clientErrorProblem(error: NodeJS.ErrnoException): [ErrorCode, string] {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return ['HEADERS_TOO_LARGE', 'the request line and headers are larger than this server accepts (16 KiB in all, the query included); send long text, or a logo, in a POST body instead of the query'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return ['REQUEST_TIMEOUT', 'the request did not arrive in time; send the headers and body without pausing'];
    default:
      return ['BAD_REQUEST', `the request is not valid HTTP/1.1 (${error.code ?? error.message})`];
  }
}

function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** RFC 9112 §6.3: a request has a body when it says so with Transfer-Encoding or a non-zero Content-Length. */
function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
