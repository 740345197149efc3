/** The API's process (the container runs `node packages/qr-server/dist/api/main.js`). */
import { runServer } from '../http/main.js';
import { parseApiConfig } from './config.js';
import { createApiServer } from './server.js';

await runServer({ name: 'qr-api', parseConfig: parseApiConfig, createServer: async (config, logger) => createApiServer(config, logger) });
