/**
 * Two clients for the socket tests: `call` for ordinary requests (node:http, no connection
 * reuse), and `rawConnection` for what an HTTP library will not send: malformed or oversized
 * headers, bodies written in timed pieces, requests left unfinished.
 */
import { once } from 'node:events';
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export async function call(
  port: number,
  method: string,
  path: string,
  options: { headers?: OutgoingHttpHeaders; body?: string | Buffer } = {},
): Promise<Answer> {
  const request = httpRequest({ host: '127.0.0.1', port, method, path, headers: options.headers, agent: false });
  request.end(options.body);
  const [response] = (await once(request, 'response')) as [import('node:http').IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) };
}

/** The problem+json body of an answer, checked for the RFC 9457 shape. */
export function problemOf(answer: Answer): { status: number; code: string; detail: string } {
  if (answer.headers['content-type'] !== 'application/problem+json; charset=utf-8') {
    throw new Error(`expected application/problem+json, got ${answer.headers['content-type']} (status ${answer.status})`);
  }
  return JSON.parse(answer.body.toString()) as { status: number; code: string; detail: string };
}

export interface RawConnection {
  readonly socket: Socket;
  /** Everything received so far, as latin1 text. */
  received(): string;
  /** Resolves once the received text contains `marker`. */
  waitFor(marker: string): Promise<void>;
  /** Resolves with everything received when the connection is closed. */
  readonly closed: Promise<string>;
}

export async function rawConnection(port: number): Promise<RawConnection> {
  const socket = connect(port, '127.0.0.1');
  let text = '';
  const waiters: { marker: string; resolve: () => void }[] = [];
  socket.on('data', (data: Buffer) => {
    text += data.toString('latin1');
    for (const waiter of waiters.filter((candidate) => text.includes(candidate.marker))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  // The server may reset a connection it refused while the client was still writing.
  socket.on('error', () => {});
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(text)));
  await once(socket, 'connect');
  return {
    socket,
    received: () => text,
    waitFor: (marker) => (text.includes(marker) ? Promise.resolve() : new Promise((resolve) => waiters.push({ marker, resolve }))),
    closed,
  };
}

/** Status and lower-cased headers of the first response in raw HTTP/1.1 text. */
export function parseRawResponse(text: string): { status: number; headers: Map<string, string>; body: string } {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...headerLines] = text.slice(0, end < 0 ? text.length : end).split('\r\n');
  const headers = new Map(
    headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: end < 0 ? '' : text.slice(end + 4) };
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
