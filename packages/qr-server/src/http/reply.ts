/**
 * The contract between a server and its handlers: a handler turns a parsed request into a
 * reply and does no I/O, so it can be tested by calling it. http/server.ts does the socket work
 * around it: routing, reading the body, the headers every answer carries, logging, draining.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { FormPart } from './multipart.js';

export interface HttpRequest {
  /** Upper case, as sent; HEAD reaches the GET handler with method 'HEAD'. */
  readonly method: string;
  /** The path without the query, still percent-encoded. */
  readonly path: string;
  /** Everything after '?', undecoded; '' when absent. */
  readonly rawQuery: string;
  readonly headers: IncomingHttpHeaders;
  /** The whole body when the route reads one and the client sent one; empty otherwise. */
  readonly body: Buffer;
  /** The parts of a multipart/form-data body (http/multipart.ts); undefined for any other body. */
  readonly form?: readonly FormPart[];
}

export interface Reply {
  readonly status: number;
  /** The server adds Content-Length, the security headers and X-Request-Id. */
  readonly headers: OutgoingHttpHeaders;
  readonly body: Uint8Array | string;
}

export type Handler = (request: HttpRequest) => Reply;

/** A JSON reply; `contentType` lets problem.ts use it for application/problem+json. */
export function jsonReply(status: number, value: unknown, headers: OutgoingHttpHeaders = {}, contentType = 'application/json'): Reply {
  return {
    status,
    headers: { 'content-type': `${contentType}; charset=utf-8`, ...headers },
    body: JSON.stringify(value),
  };
}
