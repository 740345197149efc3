/**
 * readBody against real sockets: a raw client writes the request bytes itself, so the test
 * controls exactly when each part of the body is sent.
 */
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { readBody } from './body.js';
import { HttpError } from './problem.js';

const LIMIT = 64;
let port = 0;
/** The outcome of readBody for the next request the server receives. */
let nextOutcome: Promise<Buffer>;
let deliver: (request: IncomingMessage, response: ServerResponse) => void;

const server = createServer((request, response) => {
  deliver(request, response);
  response.on('error', () => {});
});
server.on('checkContinue', (request, response) => deliver(request, response));

function expectRequest(): void {
  nextOutcome = new Promise((resolve, reject) => {
    deliver = (request, response) => readBody(request, LIMIT, () => response.writeContinue()).then(resolve, reject);
  });
}

before(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

async function rawClient(head: string): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  await once(socket, 'connect');
  socket.write(head);
  return socket;
}

function isTooLarge(error: unknown): boolean {
  return error instanceof HttpError && error.code === 'BODY_TOO_LARGE' && error.message.includes(`at most ${LIMIT} bytes`);
}

test('reads a body with Content-Length', async () => {
  expectRequest();
  const socket = await rawClient('POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello');
  assert.equal((await nextOutcome).toString(), 'hello');
  socket.destroy();
});

test('reads a chunked body up to the limit exactly', async () => {
  expectRequest();
  const body = 'x'.repeat(LIMIT);
  const socket = await rawClient(`POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n${body.slice(0, 32)}\r\n20\r\n${body.slice(32)}\r\n0\r\n\r\n`);
  assert.equal((await nextOutcome).toString(), body);
  socket.destroy();
});

test('refuses a Content-Length over the limit before any of the body is sent', async () => {
  expectRequest();
  const socket = await rawClient(`POST / HTTP/1.1\r\nHost: t\r\nContent-Length: ${LIMIT + 1}\r\n\r\n`);
  await assert.rejects(nextOutcome, (error) => isTooLarge(error) && /the body is 65 bytes/.test((error as Error).message));
  socket.destroy();
});

test('refuses a chunked body as soon as it passes the limit, before the client has finished', async () => {
  expectRequest();
  const socket = await rawClient('POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n');
  let refused = false;
  nextOutcome.catch(() => (refused = true));
  // 16 bytes at a time, with a pause after each: the refusal must come after the 5th chunk
  // (80 bytes > 64) while the client is still sending, not when the body ends.
  for (let chunk = 1; chunk <= 5; chunk++) {
    assert.equal(refused, false, `refused after only ${chunk - 1} chunks`);
    socket.write(`10\r\n${'y'.repeat(16)}\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await assert.rejects(nextOutcome, isTooLarge);
  socket.destroy();
});

test('Expect: 100-continue gets the 100 only when the declared length fits', async () => {
  expectRequest();
  const fits = await rawClient('POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n');
  const [interim] = (await once(fits, 'data')) as [Buffer];
  assert.equal(interim.toString(), 'HTTP/1.1 100 Continue\r\n\r\n');
  fits.end('ok');
  assert.equal((await nextOutcome).toString(), 'ok');
  fits.destroy();

  expectRequest();
  let received = '';
  const tooBig = await rawClient(`POST / HTTP/1.1\r\nHost: t\r\nContent-Length: ${LIMIT + 1}\r\nExpect: 100-continue\r\n\r\n`);
  tooBig.on('data', (data: Buffer) => (received += data.toString()));
  await assert.rejects(nextOutcome, isTooLarge);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(received, '');
  tooBig.destroy();
});

test('a client that goes away mid-body is a 400, not a hang', async () => {
  expectRequest();
  const socket = await rawClient('POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 50\r\n\r\nonly part');
  await new Promise((resolve) => setTimeout(resolve, 20));
  socket.destroy();
  await assert.rejects(nextOutcome, (error) => error instanceof HttpError && error.code === 'BAD_REQUEST');
});
