/**
 * The real process, as the container runs it: `node dist/api/main.js` (built by `pretest`).
 * Configuration errors, the first log line, and SIGTERM while a request is in flight.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { decodeImage } from '../test-support/decode-image.js';
import { call, parseRawResponse, pause, rawConnection } from '../test-support/http-client.js';

const MAIN = fileURLToPath(new URL('../../dist/api/main.js', import.meta.url));
const BOUND = { timeout: 20_000 };

interface Running {
  readonly child: ChildProcess;
  readonly port: number;
  /** Every stdout line so far, parsed. */
  readonly lines: Record<string, unknown>[];
  readonly exited: Promise<[number | null, NodeJS.Signals | null]>;
}

async function startMain(env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const lines: Record<string, unknown>[] = [];
  const first = new Promise<Record<string, unknown>>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      if (lines.length === 1) resolve(entry);
    });
    void exited.then(([code]) => reject(new Error(`dist/api/main.js exited with code ${code} before its first line`)));
  });
  const listening = await first;
  assert.equal(listening['msg'], 'listening');
  assert.equal(listening['address'], '127.0.0.1');
  return { child, port: Number(listening['port']), lines, exited };
}

test('the first log line says where the server listens, and it answers there', BOUND, async () => {
  const server = await startMain();
  assert.ok(server.port > 0);
  const answer = await call(server.port, 'POST', '/generate_qr/?url=https://example.com');
  assert.equal(await decodeImage(answer.body), 'https://example.com');
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, [0, null]);
  assert.deepEqual(server.lines.slice(-2).map((line) => line['msg']), ['shutting down', 'stopped']);
});

test('SIGTERM during a slow request still delivers its answer, then exits 0', BOUND, async () => {
  const server = await startMain();
  const slow = await rawConnection(server.port);
  slow.socket.write('POST /generate_qr/ HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 23\r\n\r\nhttps://example');
  await pause(100);
  server.child.kill('SIGTERM');
  await pause(200);
  // The listening socket is closed: nobody new gets in.
  await assert.rejects(call(server.port, 'GET', '/healthz'), /ECONNREFUSED/);
  slow.socket.write('.com/abc');
  const response = parseRawResponse(await slow.closed);
  assert.equal(response.status, 200);
  assert.equal(await decodeImage(Buffer.from(response.body, 'latin1')), 'https://example.com/abc');
  assert.deepEqual(await server.exited, [0, null]);
});

test('a second signal exits at once, without waiting for requests in flight', BOUND, async () => {
  const server = await startMain();
  const slow = await rawConnection(server.port);
  slow.socket.write('POST /generate_qr/ HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nnot all');
  await pause(100);
  server.child.kill('SIGTERM');
  await pause(100);
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, [1, null]);
  await slow.closed;
});

test('a bad setting stops the process at start with a message naming it', BOUND, async () => {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: 'http' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const [code] = await once(child, 'exit');
  assert.equal(code, 1);
  assert.match(stderr, /PORT is "http"; give a whole number from 0 to 65535/);
});
