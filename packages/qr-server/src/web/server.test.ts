import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createLogger } from '../http/log.js';
import type { HttpServer } from '../http/server.js';
import { parseRawResponse, pause, rawConnection } from '../test-support/http-client.js';
import { FIXTURE_SCRIPT, makePublicDir } from '../test-support/public-dir.js';
import { loadAssets } from './assets.js';
import { parseWebConfig } from './config.js';
import { assetHandler, createWebServer } from './server.js';

const silent = createLogger('silent', () => {});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Sends the request target exactly as given (fetch would normalise `..` away). */
function request(port: number, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the static server over HTTP', () => {
  let publicDir: string;
  let server: HttpServer;
  let port: number;

  before(async () => {
    publicDir = await makePublicDir();
    server = await createWebServer({ ...parseWebConfig({ BACKEND_URL: 'https://api.example.com' }), publicDir, port: 0, host: '127.0.0.1' }, silent);
    port = (await server.listen()).port;
  });
  after(() => server.close());

  test('the page gets its backend URL, a strict CSP and revalidation', async () => {
    const page = await request(port, '/');
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(page.body.toString(), /<qr-widget backend-url="https:\/\/api\.example\.com">/);
    assert.match(page.body.toString(), /href="\/styles\.def456\.css"/);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /connect-src 'self' https:\/\/api\.example\.com/);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual((await request(port, '/index.html')).body, page.body);
  });

  test('MIME types', async () => {
    const expected: Record<string, string> = {
      '/qr-code.js': 'text/javascript; charset=utf-8',
      '/qr-code.js.map': 'application/json; charset=utf-8',
      '/styles.def456.css': 'text/css; charset=utf-8',
      '/favicon.svg': 'image/svg+xml',
      '/nested/inner.txt': 'text/plain; charset=utf-8',
      '/healthz': 'application/json; charset=utf-8',
    };
    for (const [path, type] of Object.entries(expected)) {
      const answer = await request(port, path);
      assert.equal(answer.status, 200, path);
      assert.equal(answer.headers['content-type'], type, path);
    }
  });

  test('hashed names are immutable; the stable name serves the same bytes with a short lifetime', async () => {
    const hashed = await request(port, '/qr-code.abc123.js');
    const stable = await request(port, '/qr-code.js');
    assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(stable.headers['cache-control'], 'public, max-age=300');
    assert.equal(stable.body.toString(), FIXTURE_SCRIPT);
    assert.deepEqual(stable.body, hashed.body);
    assert.equal(stable.headers.etag, hashed.headers.etag);
  });

  test('scripts carry CORS headers so other sites can load them as modules', async () => {
    for (const path of ['/qr-code.js', '/qr-code.abc123.js.map']) {
      const answer = await request(port, path, { headers: { origin: 'https://third-party.example' } });
      assert.equal(answer.headers['access-control-allow-origin'], '*', path);
    }
    assert.equal((await request(port, '/')).headers['access-control-allow-origin'], undefined);
  });

  test('ETag and If-None-Match give 304 without a body', async () => {
    const first = await request(port, '/qr-code.js');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    const again = await request(port, '/qr-code.js', { headers: { 'if-none-match': `"other", W/${etag}` } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, etag);
    assert.equal((await request(port, '/qr-code.js', { headers: { 'if-none-match': '"stale"' } })).status, 200);
  });

  test('brotli and gzip by Accept-Encoding, each with its own ETag', async () => {
    const plain = await request(port, '/qr-code.js');
    const br = await request(port, '/qr-code.js', { headers: { 'accept-encoding': 'gzip, br' } });
    const gzip = await request(port, '/qr-code.js', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(brotliDecompressSync(br.body), plain.body);
    assert.deepEqual(gunzipSync(gzip.body), plain.body);
    assert.ok(br.body.length < plain.body.length / 4);
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(new Set([plain.headers.etag, br.headers.etag, gzip.headers.etag]).size, 3);
    assert.equal(Number(br.headers['content-length']), br.body.length);
  });

  test('HEAD answers the headers alone', async () => {
    const head = await request(port, '/qr-code.js', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(Number(head.headers['content-length']), Buffer.byteLength(FIXTURE_SCRIPT));
  });

  test('no path reaches outside the public folder, and none lists a folder', async () => {
    const refused = ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/nested/%2e%2e/manifest.json', '/a%00.js', '/%ZZ'];
    for (const path of refused) {
      const answer = await request(port, path);
      assert.equal(answer.status, 400, path);
      assert.equal(answer.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(JSON.parse(answer.body.toString()).status, 400);
    }
    for (const path of ['/etc/passwd', '//etc/passwd', '/nested/', '/nested', '/.secret', '/manifest.json', `/${publicDir}/index.html`]) {
      assert.equal((await request(port, path)).status, 404, path);
    }
  });

  test('other methods get 405 with Allow; OPTIONS answers the preflight', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await request(port, '/qr-code.js', { method });
      assert.equal(answer.status, 405, method);
      assert.equal(answer.headers.allow, 'GET, HEAD, OPTIONS');
      assert.match(JSON.parse(answer.body.toString()).detail, new RegExp(`${method} is not allowed`));
    }
    const withBody = await request(port, '/', { method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': '5' } });
    assert.equal(withBody.status, 405);
    assert.equal(withBody.headers.connection, 'close', 'a body is never read: the connection is closed instead');
    const options = await request(port, '/qr-code.js', { method: 'OPTIONS' });
    assert.equal(options.status, 204);
    assert.equal(options.headers.allow, 'GET, HEAD, OPTIONS');
  });

  test('malformed HTTP gets a 400, and the server goes on', async () => {
    const { connect } = await import('node:net');
    const socket = connect(port, '127.0.0.1');
    socket.end('NOT HTTP AT ALL\r\n\r\n');
    const [data] = (await once(socket, 'data')) as [Buffer];
    assert.match(data.toString(), /^HTTP\/1\.1 400/);
    assert.equal((await request(port, '/healthz')).status, 200);
  });
});

test('while draining, /healthz and every other path answer 503 with Connection: close, as the API does', async () => {
  const server = await createWebServer({ ...parseWebConfig({}), publicDir: await makePublicDir(), port: 0, host: '127.0.0.1' }, silent);
  const { port } = await server.listen();
  // Started before the close, finished after it: these requests arrive during the drain.
  const late = await Promise.all(['/healthz', '/'].map(async (path) => {
    const connection = await rawConnection(port);
    connection.socket.write(`GET ${path} HTTP/1.1\r\nHost: t\r\n`);
    return connection;
  }));
  await pause(50);
  const closed = server.close();
  await pause(50);
  for (const connection of late) {
    connection.socket.write('\r\n');
    const response = parseRawResponse(await connection.closed);
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('connection'), 'close');
    assert.equal(JSON.parse(response.body).code, 'SHUTTING_DOWN');
  }
  await closed;
});

test('the asset handler alone: the page, and a 404 that says where the page is', async () => {
  const handler = assetHandler(await loadAssets(await makePublicDir(), ''));
  const request = { method: 'GET', rawQuery: '', headers: {}, body: Buffer.alloc(0) };
  assert.equal(handler({ ...request, path: '/' }).status, 200);
  assert.throws(() => handler({ ...request, path: '/missing.js' }), /nothing is served at \/missing\.js; the page is at \//);
});

test('a missing build is reported with what to run', async () => {
  await assert.rejects(loadAssets('/nonexistent-public-dir', ''), /build the widget first/);
});

test('SIGTERM drains and exits 0', async (t) => {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));
  // The built main is what the container runs; the source is the same program, run through tsx.
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PUBLIC_DIR: await makePublicDir() },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  const listening = new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const match = /"url":"(http:\/\/[^"]+?)\/?"/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
  });
  const url = await listening;
  t.after(() => child.kill('SIGKILL'));
  // A keep-alive connection left idle must not hold the exit back for the 65 s keep-alive time-out.
  const agent = new http.Agent({ keepAlive: true });
  const answer = await new Promise<number>((resolve, reject) => {
    http.get(`${url}/healthz`, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    }).on('error', reject);
  });
  assert.equal(answer, 200);
  const started = Date.now();
  child.kill('SIGTERM');
  const [code] = (await once(child, 'exit')) as [number | null];
  agent.destroy();
  assert.equal(code, 0);
  assert.ok(Date.now() - started < 5000, 'exit took too long');
  assert.match(output, /"msg":"listening".*"backendUrl":"\(same origin\)"/);
  assert.match(output, /"msg":"stopped"/);
});
