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
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative } from 'node:path';
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
import { zxingReader } from '../../../test-support/zxing.mjs';
import { toSVG, toTerminal } from './index.js';

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
  // qr-core installed, as the README's examples expect it: node_modules/qr-core over the compiled dist.
  mkdirSync(join(scratch, 'node_modules', 'qr-core'), { recursive: true });
  cpSync(fileURLToPath(new URL('../package.json', import.meta.url)), join(scratch, 'node_modules', 'qr-core', 'package.json'));
  symlinkSync(join(scratch, 'dist'), join(scratch, 'node_modules', 'qr-core', 'dist'));
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ private: true, type: 'module', dependencies: { 'qr-core': '*' } }));
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

/** Runs `use` against workerd serving `entry` (bundled by esbuild, as wrangler does) on 127.0.0.1 and a free port. */
async function withWorkerd<T>(entry: string, use: (origin: string) => Promise<T>): Promise<T> {
  const path = binary('workerd');
  const name = `worker-${basename(entry, '.mjs')}`;
  await build({ entryPoints: [entry], outfile: join(scratch, `${name}.js`), bundle: true, format: 'esm', platform: 'neutral', logLevel: 'error' });
  const port = await freePort();
  const config = join(scratch, `${name}.capnp`);
  writeFileSync(
    config,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "${name}.js")],
  compatibilityDate = "2025-01-01",
);
`,
  );
  const child = spawn(path, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const origin = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode}): ${stderr}`);
      try {
        await fetch(`${origin}/ready`, { method: 'HEAD' });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`workerd did not answer on 127.0.0.1:${port} within 30 s: ${String(error)} ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    return await use(origin);
  } finally {
    await stop(child);
  }
}

/** workerd running test-runtimes/worker.mjs; the results are its answer to one GET. */
function workerd(): Promise<Results> {
  return withWorkerd(join(scratch, 'test-runtimes', 'worker.mjs'), async (origin) => parse('workerd', await (await fetch(origin)).text()));
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript' };

/** A server on 127.0.0.1 of the scratch directory (`/` is test-runtimes/page.html); POST /results resolves `posted`. */
async function scratchServer(): Promise<{ origin: string; posted: Promise<string>; close: () => void }> {
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
    const file = join(scratch, url.pathname === '/' ? 'test-runtimes/page.html' : decodeURIComponent(url.pathname));
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
  return { origin: `http://127.0.0.1:${port}`, posted, close: () => server.close() };
}

/** Chromium, headless, with the repository's flags and a profile in the scratch directory; `until` settles, then it is stopped. */
async function withChromium<T>(args: string[], until: (exited: Promise<never>) => Promise<T>): Promise<T> {
  chromiumPresent();
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, `--user-data-dir=${mkdtempSync(join(scratch, 'chromium-'))}`, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`Chromium (${CHROMIUM_PATH}) exited (${String(code)}) before answering: ${stderr.slice(-1000)}`);
  });
  exited.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Chromium gave no answer within 60 s: ${stderr.slice(-1000)}`)), 60_000)));
  try {
    return await Promise.race([until(exited), timeout]);
  } finally {
    clearTimeout(timer);
    await stop(child);
  }
}

/** Chromium opening test-runtimes/page.html from the scratch server, which the page POSTs the results to. */
async function chromium(): Promise<Results> {
  const server = await scratchServer();
  try {
    return await withChromium([`${server.origin}/`], async (exited) => parse('chromium', await Promise.race([server.posted, exited])));
  } finally {
    server.close();
  }
}

function chromiumPresent(): void {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
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
  later('deno', () => cli('deno', binary('deno'), ['run', '--quiet', '--cached-only', '--no-config', '--no-lock', '--allow-read']));
  later('bun', () => cli('bun', binary('bun'), ['--no-install']));
  later('workerd', workerd);
  later('chromium', chromium);
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

const EXAMPLES = join(RUNTIMES_DIR, 'examples');
const README = fileURLToPath(new URL('../README.md', import.meta.url));

describe("the README's examples (test-runtimes/examples/), as they are", () => {
  const expected = encode('https://example.com');

  test('the README shows each example file verbatim', () => {
    const readme = readFileSync(README, 'utf8');
    for (const file of readdirSync(EXAMPLES)) {
      assert.ok(readme.includes(readFileSync(join(EXAMPLES, file), 'utf8')), `README.md lacks test-runtimes/examples/${file} as it is`);
    }
  });

  for (const runtime of ['node', 'deno', 'bun']) {
    test(`qr.mjs in ${runtime}: the terminal text, qr.svg and qr.png`, async () => {
      const dir = mkdtempSync(join(scratch, `example-${runtime}-`));
      cpSync(join(EXAMPLES, 'qr.mjs'), join(dir, 'qr.mjs'));
      const command = runtime === 'node' ? process.execPath : binary(runtime as 'deno' | 'bun');
      // --cached-only and --no-install: qr-core is in node_modules, and no runtime may reach a registry.
      const args = runtime === 'deno' ? ['run', '--quiet', '--cached-only', '--allow-write=.', 'qr.mjs'] : runtime === 'bun' ? ['--no-install', 'qr.mjs'] : ['qr.mjs'];
      const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(scratch, 'deno-dir'), NO_COLOR: '1' };
      const { stdout } = await run(command, args, { cwd: dir, env, timeout: 60_000 });
      assert.equal(stdout, `${toTerminal(expected)}\n`);
      assert.equal(readFileSync(join(dir, 'qr.svg'), 'utf8'), toSVG(expected));
      assert.deepEqual(readPixels(readFileSync(join(dir, 'qr.png'))), readPixels(toPNG(expected)));
    });
  }

  test('worker.mjs in workerd: a PNG, and an SVG with ?format=svg, of ?data', async () => {
    await withWorkerd(join(scratch, 'test-runtimes', 'examples', 'worker.mjs'), async (origin) => {
      const png = await fetch(`${origin}/?data=${encodeURIComponent('Grüße 👋')}`);
      assert.equal(png.headers.get('content-type'), 'image/png');
      assert.deepEqual(readPixels(new Uint8Array(await png.arrayBuffer())), readPixels(toPNG(encode('Grüße 👋'))));
      const svg = await fetch(`${origin}/?format=svg`);
      assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
      assert.equal(await svg.text(), toSVG(expected));
    });
  });

  test('index.html in Chromium, qr-core from node_modules by an import map: both codes on the screen read', async () => {
    const server = await scratchServer();
    const screenshot = join(scratch, 'example.png');
    try {
      cpSync(join(EXAMPLES, 'index.html'), join(scratch, 'index.html'));
      await withChromium([`--screenshot=${screenshot}`, '--window-size=300,480', '--virtual-time-budget=10000', `${server.origin}/index.html`], async (exited) => {
        // Chromium exits by itself once the screenshot is written.
        await exited.catch(() => {});
      });
    } finally {
      server.close();
    }
    const read = await zxingReader();
    const found = await read(new Uint8Array(readFileSync(screenshot)), { formats: ['QRCode'], maxNumberOfSymbols: 4 });
    assert.deepEqual(found.filter((r) => r.isValid).map((r) => r.text), ['https://example.com', 'https://example.com']);
  });
});
