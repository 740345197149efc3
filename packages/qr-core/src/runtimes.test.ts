/**
 * The runtime matrix: test-runtimes/cases.mjs run by Node, Deno, Bun, workerd (a module worker
 * answering a request on 127.0.0.1) and Chromium (qr-core's modules loaded by a page without a
 * bundler), each handed qr-core's portable entry. Every runtime's SVG and terminal text must be
 * Node's, byte for byte; every PNG must decode to Node's pixels (the PNG reader of the tests after
 * inflating, and zxing-wasm), and Node's PNGs must be toPNG's bytes.
 *
 * The entry is compiled from src/ by esbuild (one file per module, as tsc writes dist/) into a
 * scratch directory, so that the matrix tests the source under test, not a stale dist/.
 */
import { strict as assert } from 'node:assert';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../test-support/chromium.mjs';
import { freePort } from '../../../test-support/free-port.mjs';
import { binary } from '../test-runtimes/binaries.mjs';
import { CASES } from '../test-runtimes/cases.mjs';
import { encode, type EncodeOptions } from './encode.js';
import { toPNG } from './png.js';
import { readPixels } from './test-support/png-pixels.js';
import { zxing } from './test-support/readers.js';

const run = promisify(execFile);
const SRC = fileURLToPath(new URL('.', import.meta.url));
const RUNTIMES_DIR = fileURLToPath(new URL('../test-runtimes/', import.meta.url));
const PNG_OPTIONS = [{}, { scale: 2, margin: 1, dark: '#1a237e', light: '#fff0' }, { scale: 4, moduleShape: 'dots', finderShape: 'rounded' }] as const;

interface CaseResult {
  name: string;
  version?: number;
  ecl?: string;
  mask?: number;
  svg?: string;
  terminal?: string;
  pngs?: string[];
  error?: { type: string; code?: string; message: string };
}
interface Results {
  runtime: string;
  cases: CaseResult[];
  failure?: string;
}

let scratch: string;
const results = new Map<string, Promise<Results>>();

/** Every non-test module of src/ to scratch/dist/*.js, and test-runtimes/ beside it. */
async function compile(): Promise<void> {
  scratch = mkdtempSync(join(tmpdir(), 'qr-runtimes-'));
  const entryPoints = (readdirSync(SRC, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts') && !file.startsWith('test-support'))
    .map((file) => join(SRC, file));
  await build({ entryPoints, outdir: join(scratch, 'dist'), outbase: SRC, format: 'esm', platform: 'neutral', target: 'es2022', logLevel: 'error' });
  cpSync(RUNTIMES_DIR, join(scratch, 'test-runtimes'), { recursive: true });
}

async function parse(runtime: string, text: string): Promise<Results> {
  try {
    return JSON.parse(text) as Results;
  } catch {
    throw new Error(`${runtime} printed no JSON: ${text.slice(0, 500)}`);
  }
}

async function cli(runtime: string, command: string, args: string[]): Promise<Results> {
  const script = join(scratch, 'test-runtimes', 'cli.mjs');
  const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(scratch, 'deno-dir'), NO_COLOR: '1' };
  const { stdout } = await run(command, [...args, script], { cwd: scratch, env, maxBuffer: 64 << 20, timeout: 60_000 });
  return parse(runtime, stdout);
}

/** workerd serving the bundled worker on 127.0.0.1:port; the results are its answer to one GET. */
async function workerd(): Promise<Results> {
  const path = binary('workerd');
  await build({ entryPoints: [join(scratch, 'test-runtimes', 'worker.mjs')], outfile: join(scratch, 'worker.js'), bundle: true, format: 'esm', platform: 'neutral', logLevel: 'error' });
  const port = await freePort();
  writeFileSync(
    join(scratch, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-01-01",
);
`,
  );
  const child = spawn(path, ['serve', join(scratch, 'config.capnp')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode}): ${stderr}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        return await parse('workerd', await response.text());
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`workerd did not answer on 127.0.0.1:${port} within 30 s: ${String(error)} ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await stop(child);
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript' };

/** Chromium, headless, opening test-runtimes/page.html from a server on 127.0.0.1, which the page POSTs the results to. */
async function chromium(): Promise<Results> {
  const server: Server = createServer();
  let resolveResults!: (text: string) => void;
  const posted = new Promise<string>((resolve) => (resolveResults = resolve));
  server.on('request', (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === '/results') {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        response.end();
        resolveResults(body);
      });
      return;
    }
    const file = join(scratch, url.pathname === '/' ? 'test-runtimes/page.html' : url.pathname);
    if (relative(scratch, file).startsWith('..')) return void response.writeHead(404).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, `--user-data-dir=${join(scratch, 'chromium-profile')}`, `http://127.0.0.1:${port}/`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`Chromium (${CHROMIUM_PATH}) exited (${String(code)}) before answering: ${stderr.slice(-1000)}`);
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Chromium gave no results within 60 s: ${stderr.slice(-1000)}`)), 60_000)));
  try {
    return await parse('chromium', await Promise.race([posted, exited, timeout]));
  } finally {
    clearTimeout(timer);
    await stop(child);
    server.close();
  }
}

function chromiumPresent(): void {
  try {
    readFileSync(CHROMIUM_PATH, { flag: 'r' }).length;
  } catch {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}: run \`npm test\` at the repository root (its pretest installs it) or set CHROME_PATH`);
  }
}

before(async () => {
  await compile();
  results.set('node', cli('node', process.execPath, []));
  results.set('node without shift_jis', cli('node', process.execPath, ['--import', join(scratch, 'test-runtimes', 'no-shift-jis.mjs')]));
  // A missing binary fails its runtime's test alone, in one line.
  const later = (name: string, start: () => Promise<Results>): void => {
    const promise = Promise.resolve().then(start);
    promise.catch(() => {}); // reported by the test that awaits it
    results.set(name, promise);
  };
  later('deno', () => cli('deno', binary('deno'), ['run', '--quiet', '--no-config', '--no-lock', '--allow-read']));
  later('bun', () => cli('bun', binary('bun'), ['--no-install']));
  later('workerd', workerd);
  later('chromium', () => (chromiumPresent(), chromium()));
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function resultsOf(runtime: string): Promise<Results> {
  const found = await results.get(runtime)!;
  assert.equal(found.failure, undefined, `${runtime} failed: ${found.failure}`);
  assert.equal(found.cases.length, CASES.length);
  return found;
}

const decodePng = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

describe('the runtime matrix (test-runtimes/cases.mjs)', () => {
  test('Node: every case encodes; its PNGs are toPNG’s bytes and zxing reads each plain one', async () => {
    const node = await resultsOf('node');
    for (const [i, [name, data, options]] of CASES.entries()) {
      const result = node.cases[i]!;
      assert.equal(result.error, undefined, `${name}: ${result.error?.message}`);
      const qr = encode(data, options as EncodeOptions);
      assert.deepEqual([result.version, result.ecl, result.mask], [qr.version, qr.ecl, qr.mask], name);
      PNG_OPTIONS.forEach((png, k) => assert.deepEqual(decodePng(result.pngs![k]!), toPNG(qr, png), `${name}, PNG ${k}`));
      const text = await zxing(decodePng(result.pngs![0]!));
      if (typeof data === 'string') assert.equal(text, data, name);
      else assert.notEqual(text, undefined, name);
    }
    assert.equal(node.cases.find((c) => c.name === 'version 40')?.version, 40);
  });

  for (const runtime of ['deno', 'bun', 'workerd', 'chromium']) {
    test(`${runtime}: SVG and terminal text byte-identical to Node's, PNGs of the same pixels`, async (t) => {
      const [node, other] = await Promise.all([resultsOf('node'), resultsOf(runtime)]);
      const same = node.cases.flatMap((c, i) => c.pngs!.map((png, k) => png === other.cases[i]!.pngs?.[k])).filter(Boolean).length;
      t.diagnostic(`${same} of ${node.cases.length * PNG_OPTIONS.length} PNGs byte-identical to Node's (the others: the same pixels, deflated by this runtime's own zlib or CompressionStream)`);
      assert.equal(other.runtime, runtime);
      for (const [i, expected] of node.cases.entries()) {
        const actual = other.cases[i]!;
        const { name } = expected;
        assert.deepEqual(actual.error, undefined, `${runtime}, ${name}: ${actual.error?.message}`);
        assert.deepEqual([actual.version, actual.ecl, actual.mask], [expected.version, expected.ecl, expected.mask], `${runtime}, ${name}`);
        assert.ok(actual.svg === expected.svg, `${runtime}, ${name}: the SVG differs from Node's`);
        assert.ok(actual.terminal === expected.terminal, `${runtime}, ${name}: the terminal text differs from Node's`);
        for (const [k, png] of expected.pngs!.entries()) {
          const bytes = decodePng(actual.pngs![k]!);
          assert.deepEqual(readPixels(bytes), readPixels(decodePng(png)), `${runtime}, ${name}, PNG ${k}: the pixels differ from Node's`);
        }
        assert.equal(await zxing(decodePng(actual.pngs![0]!)), await zxing(decodePng(expected.pngs![0]!)), `${runtime}, ${name}: zxing reads another text`);
      }
    });
  }

  test("without TextDecoder('shift_jis'): kanji in mode 'auto' falls back to byte mode (the same text), mode 'kanji' is a QrError saying why", async () => {
    const [node, bare] = await Promise.all([resultsOf('node'), resultsOf('node without shift_jis')]);
    for (const [i, [name, data]] of CASES.entries()) {
      const expected = node.cases[i]!;
      const actual = bare.cases[i]!;
      if (name === 'kanji mode') {
        assert.deepEqual(actual.error, {
          type: 'QrError',
          code: 'INVALID_DATA',
          message: "kanji mode needs TextDecoder('shift_jis'), which this JavaScript runtime lacks: use mode 'auto' or 'byte'",
        });
      } else if (name === 'kanji') {
        assert.notEqual(actual.svg, expected.svg, 'byte mode makes another symbol');
        assert.ok(actual.version! >= expected.version!);
        assert.equal(await zxing(decodePng(actual.pngs![0]!)), data);
      } else {
        assert.equal(actual.svg, expected.svg, `${name}: unchanged without Shift JIS`);
      }
    }
  });
});
