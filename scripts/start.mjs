// `npm start`: the whole product on one machine. qr-server's two processes: the API on port 8000
// and, once the widget has been built, the page server on port 3000, pointed at that API. Each
// child's output is prefixed with its name; Ctrl-C or SIGTERM drains both; the command exits
// when both have exited, non-zero if either failed. If one stops on its own, the other is
// stopped too, so a crash is never hidden behind a half-running stack.
//
// Environment: API_PORT (8000), WIDGET_PORT (3000), BACKEND_URL for the page (default: this
// API at http://localhost:API_PORT, so the page works when opened directly); everything else
// (HOST, LOG_LEVEL, CORS_ORIGIN, ...) reaches both servers unchanged.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const API_MAIN = 'packages/qr-server/dist/api/main.js';
const WEB_MAIN = 'packages/qr-server/dist/web/main.js';
// What the page server serves: without the widget's build there is no page to start it for.
const WIDGET_BUILD = 'packages/qr-widget/dist/public/manifest.json';

const apiPort = process.env.API_PORT || '8000';
const widgetPort = process.env.WIDGET_PORT || '3000';

function say(message) {
  process.stdout.write(`[start]  ${message}\n`);
}

if (!existsSync(new URL(`../${API_MAIN}`, import.meta.url))) {
  process.stderr.write(`[start]  ${API_MAIN} is missing: run \`npm run build\` (npm install runs it too)\n`);
  process.exit(1);
}

const services = [{ name: 'api', main: API_MAIN, env: { PORT: apiPort } }];
if (existsSync(new URL(`../${WEB_MAIN}`, import.meta.url)) && existsSync(new URL(`../${WIDGET_BUILD}`, import.meta.url))) {
  services.push({
    name: 'web',
    main: WEB_MAIN,
    env: { PORT: widgetPort, BACKEND_URL: process.env.BACKEND_URL ?? `http://localhost:${apiPort}` },
  });
} else {
  say(`${WIDGET_BUILD} is not built: starting the API alone`);
}

const width = Math.max(...services.map((service) => service.name.length)) + 3;
const running = new Map();
let failed = false;
let stopping = false;

function stopAll(signal) {
  for (const child of running.values()) child.kill(signal);
}

for (const service of services) {
  // Each child gets a process group of its own, so that Ctrl-C in a terminal reaches only this
  // script, which passes it on once: both servers treat a second signal as "exit now".
  const child = spawn(process.execPath, [service.main], {
    cwd: root,
    env: { ...process.env, ...service.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.set(service.name, child);
  const prefix = `[${service.name}]`.padEnd(width);
  for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`${prefix}${line}\n`));
  }
  child.on('error', (error) => {
    say(`${service.name} could not start: ${error.message}`);
  });
  child.on('close', (code, signal) => {
    running.delete(service.name);
    const ok = code === 0;
    failed ||= !ok;
    say(`${service.name} exited ${signal ? `on ${signal}` : `with code ${code}`}`);
    if (!stopping && running.size > 0) {
      stopping = true;
      say(`stopping the others, as ${service.name} stopped`);
      stopAll('SIGTERM');
    }
    if (running.size === 0) process.exit(failed ? 1 : 0);
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    stopAll(signal);
  });
}
// If this script dies of anything else, it takes its children with it.
process.on('exit', () => stopAll('SIGKILL'));
