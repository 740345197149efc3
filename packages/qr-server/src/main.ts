/**
 * The process: configuration from the environment, the server, and signals. The only module
 * that touches `process`. Its first log line says where it listens (with PORT=0, the port the
 * system chose), so a supervisor or a test can find it.
 */
import { ConfigError, parseConfig, type Config } from './config.js';
import { createLogger } from './log.js';
import { createServer } from './server.js';

function readConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`qr-server: ${error.message}\n`);
    process.exit(1);
  }
}

const config = readConfig();
const logger = createLogger(config.logLevel, (line) => process.stdout.write(line));
const qrServer = createServer(config, logger);

try {
  const address = await qrServer.listen();
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  logger.log('info', 'listening', { address: address.address, port: address.port, url: `http://${host}:${address.port}/` });
} catch (error) {
  logger.log('error', 'cannot listen', { host: config.host, port: config.port, error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

// SIGTERM is how ECS stops a task, SIGINT is Ctrl-C: both drain. A second signal means the
// sender will not wait, so the process exits at once.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) {
      logger.log('warn', 'second signal: exiting without waiting for requests in flight', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.log('info', 'shutting down', { signal, shutdownTimeoutMs: config.shutdownTimeoutMs });
    void qrServer.close().then(() => {
      logger.log('info', 'stopped');
      process.exit(0);
    });
  });
}
