// @ts-check
/**
 * Starting the built servers for the browser and end-to-end tests, the way `npm start` and the
 * container images do (`node packages/qr-server/dist/{api,web}/main.js` with PORT and friends),
 * each on a free loopback port.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));

export const API_MAIN = `${root}packages/qr-server/dist/api/main.js`;
export const WEB_MAIN = `${root}packages/qr-server/dist/web/main.js`;

/**
 * Runs a built main on a free port and waits until its /healthz answers 200.
 * @param {string} main path of the built entry point
 * @param {Record<string, string>} [env] extra environment
 * @returns {Promise<{ url: string, stop: () => Promise<number | null> }>}
 */
export async function startServer(main, env = {}) {
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` at the repository root first`);
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${main} exited with code ${child.exitCode} before it answered /healthz`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${main} did not answer ${url}/healthz within 10 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const [code] = await exited;
      return code;
    },
  };
}
