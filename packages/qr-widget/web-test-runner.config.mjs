/**
 * Browser tests of the elements, in Debian's Chromium (never a downloaded browser), importing
 * the TypeScript source through esbuild. A real qr-server runs on a free port for the backend
 * tests; the tests ask for its URL with executeServerCommand('qr-server').
 */
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test-support/chromium.mjs';
import { freePort } from '../../test-support/free-port.mjs';
import { API_MAIN, startServer } from '../../test-support/servers.mjs';

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
function qrServerPlugin() {
  /** @type {{ url: string, stop: () => Promise<number | null> } | undefined} */
  let server;
  /** A loopback URL where nothing listens: the service "down". */
  let downUrl = '';
  return {
    name: 'qr-server',
    async serverStart() {
      server = await startServer(API_MAIN);
      downUrl = `http://127.0.0.1:${await freePort()}`;
    },
    async serverStop() {
      await server?.stop();
    },
    executeCommand({ command }) {
      if (command !== 'qr-server') return undefined;
      return { url: server?.url, downUrl };
    },
  };
}

export default {
  files: ['src/**/*.test.ts'],
  // The repository root, so that zxing-wasm's .wasm is served from /node_modules like any module.
  rootDir: fileURLToPath(new URL('../../', import.meta.url)),
  nodeResolve: { exportConditions: ['browser', 'default'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }), qrServerPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
  concurrency: 1,
};
