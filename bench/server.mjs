// `npm run bench:server`: qr-server against a node:http + node-qrcode baseline with the same
// contract and look, both in child processes, loaded by autocannon in this process over
// loopback. For each server: 16 and 64 connections, with a different URL in every request (no
// cache can answer) and with one repeated URL; then, for qr-server alone, the cacheable
// `GET /generate_qr/?data=` that a CDN sits in front of: distinct URLs (what reaches the origin
// on a cache miss) beside one URL repeated (what the CDN answers at its edge, and what the API's
// own image cache answers here); then qr-server's RSS before and after 200,000 more requests.
// A measurement, not a test: it prints figures and asserts nothing.
//
// `--quick` shortens every phase (a check that the bench runs, not a measurement).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-installed.mjs';
import { PNG_PAYLOAD } from './payloads.mjs';
import { printTable } from './table.mjs';

const quick = process.argv.includes('--quick');
const SETTINGS = quick
  ? { warmupS: 1, durationS: 2, baselineDurationS: 2, leakRequests: 2_000 }
  : { warmupS: 3, durationS: 10, baselineDurationS: 10, leakRequests: 200_000 };
const CONNECTIONS = [16, 64];

const root = fileURLToPath(new URL('..', import.meta.url));
const SERVER_MAIN = 'packages/qr-server/dist/api/main.js';
if (!existsSync(new URL(`../${SERVER_MAIN}`, import.meta.url))) {
  console.error(`bench: ${SERVER_MAIN} is missing; run \`npm run build\` first`);
  process.exit(1);
}
ensureInstalled();
const { default: autocannon } = await import('autocannon');

/** Starts a server script in a child process on a free port; resolves once it listens. */
async function startServer(name, script) {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    // qr-server logs a line per request, as in production; this process drains the pipe.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout, crlfDelay: Infinity });
  const port = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited (code ${code}) before listening`)));
    lines.once('line', (line) => resolve(JSON.parse(line).port));
  });
  lines.on('line', () => {});
  return {
    name,
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * CPU time a process has used (user + system), from /proc (Linux), in ms. Field 14 and 15 of
 * /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux). The comm field (2) may
 * hold spaces, so the fields are counted after its closing parenthesis.
 */
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident set size of a process, from /proc (Linux), in MiB. */
function rssMiB(pid, field = 'VmRSS') {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return kib / 1024;
}

let counter = 0;
/**
 * The original service's request shape, `POST /generate_qr/?url=...`, or with `method: 'GET'`
 * the `<img src>` shape, `GET /generate_qr/?data=...`; a different URL each time when `distinct`.
 */
function load(server, { connections, distinct, durationS, amount, method = 'POST' }) {
  const field = method === 'GET' ? 'data' : 'url';
  const path = (text) => `/generate_qr/?${field}=${encodeURIComponent(text)}`;
  return autocannon({
    url: server.url,
    connections,
    ...(amount ? { amount } : { duration: durationS }),
    requests: [
      {
        method,
        // The URLs differ in a counter, so they keep the length of PNG_PAYLOAD's class (and its version).
        setupRequest: (request) => ({ ...request, path: path(distinct ? `https://example.com/products/${counter++}?ref=qr` : PNG_PAYLOAD) }),
      },
    ],
  });
}

/** Runs a load and measures it, with the server's own CPU time per request. */
async function measure(server, options) {
  const cpuBefore = cpuMs(server.pid);
  const result = await load(server, options);
  return { ...summary(result), cpuUs: ((cpuMs(server.pid) - cpuBefore) * 1000) / result.requests.total };
}

function summary(result) {
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const number = (value, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const cpus = os.cpus();
console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${os.platform()} ${os.arch()}; Node ${process.version}`);
console.log(`autocannon in this process; each server in a child process; ${SETTINGS.durationS} s per row${quick ? ' (--quick: not a measurement)' : ''}\n`);

const contenders = [
  { name: 'qr-server', script: SERVER_MAIN },
  { name: 'node-qrcode baseline', script: 'bench/baseline-server.mjs' },
];
const scenarios = CONNECTIONS.flatMap((connections) => [
  { label: `distinct URLs, ${connections} conn`, connections, distinct: true },
  { label: `one URL, ${connections} conn`, connections, distinct: false },
]);

// The baseline answers POST only (the original contract), so the GET rows are qr-server's alone.
const cacheScenarios = [
  { label: 'GET, distinct URLs (cache misses), 64 conn', connections: 64, distinct: true, method: 'GET' },
  { label: 'GET, one URL repeated (cache hits), 64 conn', connections: 64, distinct: false, method: 'GET' },
];

const results = new Map();
let leak;
for (const contender of contenders) {
  const server = await startServer(contender.name, contender.script);
  const durationS = contender.name === 'qr-server' ? SETTINGS.durationS : SETTINGS.baselineDurationS;
  await load(server, { connections: 16, distinct: true, durationS: SETTINGS.warmupS });
  for (const scenario of scenarios) {
    process.stderr.write(`bench: ${contender.name}, ${scenario.label}\n`);
    results.set(`${contender.name}\0${scenario.label}`, await measure(server, { ...scenario, durationS }));
  }
  if (contender.name === 'qr-server') {
    for (const scenario of cacheScenarios) {
      process.stderr.write(`bench: ${contender.name}, ${scenario.label}\n`);
      results.set(`${contender.name}\0${scenario.label}`, await measure(server, { ...scenario, durationS }));
    }
    process.stderr.write(`bench: ${contender.name}, ${number(SETTINGS.leakRequests)} requests for RSS\n`);
    const before = rssMiB(server.pid);
    const run = await measure(server, { connections: 16, distinct: true, amount: SETTINGS.leakRequests });
    leak = { before, after: rssMiB(server.pid), peak: rssMiB(server.pid, 'VmHWM'), ...run };
  }
  await server.stop();
}

const [ours, baseline] = contenders.map((contender) => contender.name);
printTable(
  ['scenario', 'qr-server req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU µs/req', 'baseline req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU µs/req', 'req/s ratio', 'CPU ratio'],
  scenarios.map(({ label }) => {
    const a = results.get(`${ours}\0${label}`);
    const b = results.get(`${baseline}\0${label}`);
    return [
      label,
      ...[a, b].flatMap((r) => [number(r.rps), r.p50, r.p99, r.errors, number(r.cpuUs)]),
      `${number(a.rps / b.rps, 1)}×`,
      `${number(b.cpuUs / a.cpuUs, 1)}×`,
    ];
  }),
);
console.log('\nCPU µs/req: the server process\'s user + system CPU time per request (from /proc), which other load on the machine barely changes.');

// Requests one fully busy vCPU would answer: 10^6 µs of CPU time over the CPU time of one.
// terraform/README.md's capacity plan starts from the distinct-URL row (the CDN's misses).
console.log('\nqr-server, the cacheable GET a CDN answers at its edge:');
printTable(
  ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU µs/req', 'req/s per busy vCPU'],
  cacheScenarios.map(({ label }) => {
    const r = results.get(`${ours}\0${label}`);
    return [label, number(r.rps), r.p50, r.p99, r.errors, number(r.cpuUs), number(1e6 / r.cpuUs)];
  }),
);
console.log(
  `\nqr-server RSS: ${number(leak.before, 1)} MiB before, ${number(leak.after, 1)} MiB after ${number(SETTINGS.leakRequests)} requests ` +
    `(peak ${number(leak.peak, 1)} MiB; ${number(leak.rps)} req/s, p99 ${leak.p99} ms, ${number(leak.cpuUs)} CPU µs/req, ${leak.errors} errors)`,
);
