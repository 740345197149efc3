/**
 * The process around a server: configuration from the environment, the server, and signals.
 * The only module that touches `process`; api/main.ts and web/main.ts call it with what differs.
 * Its first log line says where it listens (with PORT=0, the port the system chose), so a
 * supervisor or a test can find it.
 */
import { ConfigError, type Env, type ServerConfig } from './config.js';
import { createLogger, type Logger } from './log.js';
import type { HttpServer } from './server.js';

export interface ServerProgram<C extends ServerConfig> {
  /** For messages on stderr before there is a logger: 'qr-api', 'qr-web'. */
  readonly name: string;
  readonly parseConfig: (env: Env) => C;
  readonly createServer: (config: C, logger: Logger) => Promise<HttpServer>;
  /** Fields of the 'listening' line beyond the address (what an operator checks first). */
  readonly describe?: (config: C) => object;
}

export async function runServer<C extends ServerConfig>(program: ServerProgram<C>): Promise<void> {
  let config: C;
  try {
    config = program.parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${program.name}: ${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel, (line) => process.stdout.write(line));

  let server: HttpServer;
  try {
    server = await program.createServer(config, logger);
    const address = await server.listen();
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    logger.log('info', 'listening', { address: address.address, port: address.port, url: `http://${host}:${address.port}/`, ...program.describe?.(config) });
  } catch (error) {
    logger.log('error', 'cannot start', { host: config.host, port: config.port, error: error instanceof Error ? error.message : String(error) });
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
      void server.close().then(() => {
        logger.log('info', 'stopped');
        process.exit(0);
      });
    });
  }
}
