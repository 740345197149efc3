/**
 * The server over real sockets on 127.0.0.1: every row of the contract, every error status,
 * the time-outs and the graceful close. Time-outs are configured short so that the tests that
 * wait for them take a fraction of a second; no assertion is about speed.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import { createLogger } from '../http/log.js';
import type { HttpServer as QrServer } from '../http/server.js';
import { decodeImage } from '../test-support/decode-image.js';
import { call, parseRawResponse, pause, problemOf, rawConnection, type Answer } from '../test-support/http-client.js';
import { parseApiConfig as parseConfig, type ApiConfig as Config } from './config.js';
import { createApiServer as createServer } from './server.js';

const LIMIT = 1024;
const TEST_CONFIG: Config = {
  ...parseConfig({}),
  port: 0,
  host: '127.0.0.1',
  maxBodyBytes: LIMIT,
  keepAliveTimeoutMs: 400,
  headersTimeoutMs: 500,
  requestTimeoutMs: 5_000,
  timeoutCheckIntervalMs: 50,
  shutdownTimeoutMs: 5_000,
};
/** Each test's own bound: a server that stops answering fails the test instead of hanging it. */
const BOUND = { timeout: 10_000 };

async function start(config: Config = TEST_CONFIG): Promise<{ qr: QrServer; port: number; log: Record<string, unknown>[] }> {
  const log: Record<string, unknown>[] = [];
  const qr = createServer(config, createLogger('info', (line) => log.push(JSON.parse(line) as Record<string, unknown>)));
  const { port } = await qr.listen();
  return { qr, port, log };
}

describe('qr-server over sockets', () => {
  let port = 0;
  let qr: QrServer;
  let log: Record<string, unknown>[];
  before(async () => ({ qr, port, log } = await start()));
  after(() => qr.close());

  const expectProblem = (answer: Answer, status: number, code: string): string => {
    assert.equal(answer.status, status, answer.body.toString());
    const problem = problemOf(answer);
    assert.equal(problem.status, status);
    assert.equal(problem.code, code);
    return problem.detail;
  };

  test("the original client's request decodes to its URL", BOUND, async () => {
    const answer = await call(port, 'POST', '/generate_qr/?url=https://example.com');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-type'], 'image/png');
    assert.equal(Number(answer.headers['content-length']), answer.body.length);
    assert.equal(await decodeImage(answer.body), 'https://example.com');
  });

  test('a JSON body from another origin: SVG with CORS headers', BOUND, async () => {
    const answer = await call(port, 'POST', '/generate_qr/', {
      headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: JSON.stringify({ data: 'hello', format: 'svg', ecl: 'Q' }),
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-type'], 'image/svg+xml');
    assert.equal(answer.headers['access-control-allow-origin'], '*');
    assert.equal(answer.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'");
  });

  test('a multipart/form-data body, as browsers and curl -F send it; a broken one is a 400', BOUND, async () => {
    const form = new FormData();
    form.set('data', 'from a multipart form');
    form.set('format', 'png');
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    const answer = await call(port, 'POST', '/generate_qr/', { headers: { 'content-type': encoded.headers.get('content-type') ?? '' }, body });
    assert.equal(answer.status, 200, answer.body.toString());
    assert.equal(await decodeImage(answer.body), 'from a multipart form');
    const broken = await call(port, 'POST', '/generate_qr/', { headers: { 'content-type': 'multipart/form-data; boundary=nope' }, body: 'not multipart at all' });
    assert.match(expectProblem(broken, 400, 'BAD_REQUEST'), /multipart\/form-data body could not be read/);
  });

  test('a form body and a text/plain body', BOUND, async () => {
    const form = await call(port, 'POST', '/generate_qr/', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'data=form+text',
    });
    assert.equal(await decodeImage(form.body), 'form text');
    const text = await call(port, 'POST', '/generate_qr/', { headers: { 'content-type': 'text/plain' }, body: 'plain text' });
    assert.equal(await decodeImage(text.body), 'plain text');
  });

  test('GET for <img src>: ETag and a long Cache-Control, then 304 on If-None-Match', BOUND, async () => {
    const first = await call(port, 'GET', '/generate_qr/?data=cached');
    assert.equal(first.status, 200);
    assert.equal(first.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(first.headers['vary'], 'Accept');
    const etag = String(first.headers['etag']);
    const again = await call(port, 'GET', '/generate_qr/?data=cached', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers['etag'], etag);
  });

  test('HEAD has the headers of GET and no body', BOUND, async () => {
    const get = await call(port, 'GET', '/generate_qr/?data=head');
    const head = await call(port, 'HEAD', '/generate_qr/?data=head');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers['content-length'], String(get.body.length));
    assert.equal(head.headers['etag'], get.headers['etag']);
    assert.equal(head.headers['content-type'], 'image/png');
  });

  test('Accept: image/svg+xml and download=1 over GET', BOUND, async () => {
    const answer = await call(port, 'GET', '/generate_qr/?data=x&download=1', { headers: { accept: 'image/svg+xml' } });
    assert.equal(answer.headers['content-type'], 'image/svg+xml');
    assert.equal(answer.headers['content-disposition'], 'attachment; filename="qr.svg"');
  });

  test('/healthz and /openapi.json', BOUND, async () => {
    const health = await call(port, 'GET', '/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(JSON.parse(health.body.toString()), { status: 'ok' });
    const openapi = await call(port, 'GET', '/openapi.json');
    assert.equal(openapi.status, 200);
    assert.equal(JSON.parse(openapi.body.toString()).openapi, '3.1.0');
  });

  test('CORS preflight', BOUND, async () => {
    const answer = await call(port, 'OPTIONS', '/generate_qr/', {
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(answer.status, 204);
    assert.equal(answer.headers['access-control-allow-origin'], '*');
    assert.match(String(answer.headers['access-control-allow-methods']), /POST/);
    assert.match(String(answer.headers['access-control-allow-headers']), /Content-Type/i);
    assert.ok(Number(answer.headers['access-control-max-age']) > 0);
  });

  test('every answer, error or not, carries nosniff, a CSP, CORS and a request id', BOUND, async () => {
    const answers = await Promise.all([
      call(port, 'POST', '/generate_qr/?url=a'),
      call(port, 'GET', '/healthz'),
      call(port, 'GET', '/nowhere'),
      call(port, 'POST', '/generate_qr/'),
    ]);
    for (const answer of answers) {
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', String(answer.status));
      assert.match(String(answer.headers['content-security-policy']), /default-src 'none'/);
      assert.equal(answer.headers['access-control-allow-origin'], '*');
      assert.match(String(answer.headers['x-request-id']), /^[\w-]+$/);
    }
  });

  test("a caller's X-Request-Id is kept, in the answer, the problem and the log line", BOUND, async () => {
    const answer = await call(port, 'GET', '/nowhere', { headers: { 'x-request-id': 'trace-42' } });
    assert.equal(answer.headers['x-request-id'], 'trace-42');
    assert.equal(JSON.parse(answer.body.toString()).requestId, 'trace-42');
    await pause(20);
    const line = log.find((entry) => entry['requestId'] === 'trace-42');
    assert.deepEqual({ ...line, time: undefined, durationMs: typeof line?.['durationMs'] }, {
      time: undefined,
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/nowhere',
      status: 404,
      bytes: answer.body.length,
      durationMs: 'number',
      requestId: 'trace-42',
      client: '127.0.0.1',
    });
  });

  const errorRows: [string, string, string, { headers?: Record<string, string>; body?: string }, number, string][] = [
    ['no data', 'POST', '/generate_qr/', {}, 400, 'MISSING_DATA'],
    ['empty data', 'POST', '/generate_qr/?url=', {}, 400, 'MISSING_DATA'],
    ['malformed JSON', 'POST', '/generate_qr/', { headers: { 'content-type': 'application/json' }, body: '{"data":' }, 400, 'MALFORMED_JSON'],
    ['a JSON number for data', 'POST', '/generate_qr/', { headers: { 'content-type': 'application/json' }, body: '{"data":42}' }, 400, 'INVALID_FIELD'],
    ['a JSON string for scale', 'POST', '/generate_qr/', { headers: { 'content-type': 'application/json' }, body: '{"data":"a","scale":"9"}' }, 400, 'INVALID_FIELD'],
    ['a bad ecl', 'POST', '/generate_qr/?url=a&ecl=Z', {}, 400, 'INVALID_OPTION'],
    ['a bad colour', 'GET', '/generate_qr/?data=a&dark=%23ab', {}, 400, 'INVALID_OPTION'],
    ['scale 0', 'POST', '/generate_qr/?url=a&scale=0', {}, 400, 'INVALID_OPTION'],
    ['a huge scale', 'POST', '/generate_qr/?url=a&scale=100000', {}, 400, 'INVALID_OPTION'],
    ['an image over the size cap', 'POST', `/generate_qr/?scale=100&url=${'a'.repeat(1000)}`, {}, 400, 'IMAGE_TOO_LARGE'],
    ['bad percent-encoding', 'POST', '/generate_qr/?url=%E2%82', {}, 400, 'BAD_PERCENT_ENCODING'],
    ['an unknown path', 'GET', '/generate', {}, 404, 'NOT_FOUND'],
    ['an unknown method', 'DELETE', '/generate_qr/', {}, 405, 'METHOD_NOT_ALLOWED'],
    ['a body over the limit', 'POST', '/generate_qr/', { headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(LIMIT + 1) }, 413, 'BODY_TOO_LARGE'],
    ['an XML body', 'POST', '/generate_qr/', { headers: { 'content-type': 'application/xml' }, body: '<data>a</data>' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['data too long for a QR code', 'POST', `/generate_qr/?url=${'ab'.repeat(1500)}`, {}, 422, 'DATA_TOO_LONG'],
  ];

  for (const [name, method, path, options, status, code] of errorRows) {
    test(`${name}: ${status} ${code}`, BOUND, async () => {
      const detail = expectProblem(await call(port, method, path, options), status, code);
      assert.ok(detail.length > 20, 'the detail says what to do');
    });
  }

  test('405 names the allowed methods in Allow', BOUND, async () => {
    const answer = await call(port, 'PUT', '/healthz');
    assert.equal(answer.headers['allow'], 'GET, HEAD, OPTIONS');
  });

  test('422 says how many bytes fit at the ECL asked for', BOUND, async () => {
    const answer = await call(port, 'GET', `/generate_qr/?ecl=H&data=${'x'.repeat(1300)}`);
    assert.match(expectProblem(answer, 422, 'DATA_TOO_LONG'), /1300 bytes.*1273/);
  });

  test('413 as soon as Content-Length says so: the body is never asked for, the connection closes', BOUND, async () => {
    const connection = await rawConnection(port);
    connection.socket.write(`POST /generate_qr/ HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: ${100 * LIMIT}\r\nExpect: 100-continue\r\n\r\n`);
    const response = parseRawResponse(await connection.closed);
    assert.equal(response.status, 413);
    assert.equal(response.headers.get('connection'), 'close');
    assert.doesNotMatch(connection.received(), /100 Continue/);
  });

  test('Expect: 100-continue within the limit is told to go on', BOUND, async () => {
    const connection = await rawConnection(port);
    connection.socket.write('POST /generate_qr/ HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n');
    await connection.waitFor('HTTP/1.1 100 Continue\r\n\r\n');
    connection.socket.end('hello');
    await connection.waitFor('HTTP/1.1 200 OK');
    connection.socket.destroy();
  });

  test('413 for a chunked body sent slowly, as soon as it passes the limit', BOUND, async () => {
    const connection = await rawConnection(port);
    connection.socket.write('POST /generate_qr/ HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = `100\r\n${'z'.repeat(256)}\r\n`;
    let sent = 0;
    // Up to three times the limit, a quarter of it at a time; the answer must come first.
    while (!connection.received().includes('HTTP/1.1') && sent < 3 * LIMIT) {
      connection.socket.write(chunk);
      sent += 256;
      await pause(30);
    }
    const response = parseRawResponse(await connection.closed);
    assert.equal(response.status, 413);
    assert.ok(sent > LIMIT && sent < 3 * LIMIT, `answered after ${sent} bytes`);
    assert.equal(response.headers.get('connection'), 'close');
    assert.equal(JSON.parse(response.body).code, 'BODY_TOO_LARGE');
  });

  test('431 for headers over 16 KiB', BOUND, async () => {
    const connection = await rawConnection(port);
    connection.socket.write(`GET /healthz HTTP/1.1\r\nHost: t\r\nX-Padding: ${'p'.repeat(20_000)}\r\n\r\n`);
    const response = parseRawResponse(await connection.closed);
    assert.equal(response.status, 431);
    assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(JSON.parse(response.body).code, 'HEADERS_TOO_LARGE');
  });

  test('400 for a request that is not HTTP', BOUND, async () => {
    const connection = await rawConnection(port);
    connection.socket.write('HELLO THERE\r\n\r\n');
    const response = parseRawResponse(await connection.closed);
    assert.equal(response.status, 400);
    assert.equal(JSON.parse(response.body).code, 'BAD_REQUEST');
  });

  test('a client that stalls mid-headers gets 408 and is cut off', BOUND, async () => {
    const connection = await rawConnection(port);
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: ');
    const response = parseRawResponse(await connection.closed);
    assert.equal(response.status, 408);
    assert.equal(JSON.parse(response.body).code, 'REQUEST_TIMEOUT');
  });

  test('a kept-alive connection serves several requests, then idles out', BOUND, async () => {
    const connection = await rawConnection(port);
    connection.socket.write('GET /healthz HTTP/1.1\r\nHost: t\r\n\r\nGET /healthz HTTP/1.1\r\nHost: t\r\n\r\n');
    const text = await connection.closed;
    assert.equal(text.match(/HTTP\/1\.1 200 OK/g)?.length, 2);
  });

  test('after all of that the server is healthy', BOUND, async () => {
    assert.equal((await call(port, 'GET', '/healthz')).status, 200);
  });
});

describe('graceful close', () => {
  test('requests in flight finish; requests that arrive later get 503 and Connection: close', BOUND, async () => {
    const { qr, port } = await start();
    // In flight: the headers are in, the body is still coming.
    const inFlight = await rawConnection(port);
    inFlight.socket.write('POST /generate_qr/ HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello');
    // Started before the close, finished after it: it arrives during the drain.
    const late = await rawConnection(port);
    late.socket.write('GET /healthz HTTP/1.1\r\nHost: t\r\n');
    const idle = await rawConnection(port);
    await pause(50);

    const closed = qr.close();
    await pause(50);
    late.socket.write('\r\n');
    const lateResponse = parseRawResponse(await late.closed);
    assert.equal(lateResponse.status, 503);
    assert.equal(lateResponse.headers.get('connection'), 'close');
    assert.equal(JSON.parse(lateResponse.body).code, 'SHUTTING_DOWN');

    inFlight.socket.write(' world');
    const response = parseRawResponse(await inFlight.closed);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('connection'), 'close');
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.equal(await decodeImage(Buffer.from(response.body, 'latin1')), 'hello world');

    await idle.closed;
    await closed;
  });

  test('connections still open at the deadline are cut', BOUND, async () => {
    const { qr, port } = await start({ ...TEST_CONFIG, shutdownTimeoutMs: 200 });
    const stuck = await rawConnection(port);
    stuck.socket.write('POST /generate_qr/ HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nnever finished');
    await pause(50);
    await qr.close();
    await stuck.closed;
  });
});
