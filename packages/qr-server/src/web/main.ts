/** The page server's process (the container runs `node packages/qr-server/dist/web/main.js`). */
import { runServer } from '../http/main.js';
import { parseWebConfig } from './config.js';
import { createWebServer } from './server.js';

await runServer({
  name: 'qr-web',
  parseConfig: parseWebConfig,
  createServer: createWebServer,
  describe: (config) => ({ backendUrl: config.backendUrl || '(same origin)', publicDir: config.publicDir }),
});
