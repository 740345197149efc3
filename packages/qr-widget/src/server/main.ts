/**
 * Entry point of the static server (the container runs `node dist/server/main.js`). The only
 * module that touches `process`: environment, signals, exit.
 */
import { readConfig } from './config.js';
import { createServer } from './server.js';

function logLine(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const { listen, close } = await createServer(config, (entry) => logLine({ ...entry }));
  const address = await listen();
  logLine({ event: 'listening', url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`, backendUrl: config.backendUrl || '(same origin)' });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A second signal means "now": the orchestrator has stopped waiting.
    if (stopping) process.exit(1);
    stopping = true;
    logLine({ event: 'draining', signal });
    close().then(
      () => {
        logLine({ event: 'stopped' });
        process.exit(0);
      },
      (error: unknown) => {
        logLine({ event: 'stop-failed', error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`qr-widget server: ${message}\n`);
  process.exit(1);
});
