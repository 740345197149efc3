import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ConfigError, parseConfig } from './config.js';

test('defaults: port 8000 on all interfaces, any origin, 16 KiB bodies, ALB-safe time-outs', () => {
  const config = parseConfig({});
  assert.equal(config.port, 8000);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.corsOrigins, '*');
  assert.equal(config.maxBodyBytes, 16384);
  assert.equal(config.logLevel, 'info');
  assert.equal(config.keepAliveTimeoutMs, 65_000);
  assert.ok(config.headersTimeoutMs > config.keepAliveTimeoutMs);
  assert.ok(config.requestTimeoutMs >= config.headersTimeoutMs);
  assert.ok(config.shutdownTimeoutMs < 30_000, 'drains within the Fargate stop time-out');
});

test('reads every variable', () => {
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CORS_ORIGIN: 'https://a.example, http://localhost:3000',
    MAX_BODY_BYTES: '100',
    LOG_LEVEL: 'WARN',
    KEEP_ALIVE_TIMEOUT_MS: '1000',
    HEADERS_TIMEOUT_MS: '2000',
    REQUEST_TIMEOUT_MS: '3000',
    TIMEOUT_CHECK_INTERVAL_MS: '50',
    SHUTDOWN_TIMEOUT_MS: '500',
  });
  assert.deepEqual(config, {
    port: 0,
    host: '127.0.0.1',
    corsOrigins: ['https://a.example', 'http://localhost:3000'],
    maxBodyBytes: 100,
    logLevel: 'warn',
    keepAliveTimeoutMs: 1000,
    headersTimeoutMs: 2000,
    requestTimeoutMs: 3000,
    timeoutCheckIntervalMs: 50,
    shutdownTimeoutMs: 500,
  });
});

test('CORS_ORIGIN=* is any origin; empty variables take the default', () => {
  assert.equal(parseConfig({ CORS_ORIGIN: '*' }).corsOrigins, '*');
  assert.equal(parseConfig({ PORT: '', LOG_LEVEL: '' }).port, 8000);
});

const bad: [Record<string, string>, RegExp][] = [
  [{ PORT: 'eighty' }, /PORT is "eighty"; give a whole number from 0 to 65535/],
  [{ PORT: '70000' }, /PORT is "70000"/],
  [{ PORT: '-1' }, /PORT/],
  [{ PORT: '80.5' }, /PORT/],
  [{ MAX_BODY_BYTES: '0' }, /MAX_BODY_BYTES is "0"; give a whole number from 1/],
  [{ LOG_LEVEL: 'verbose' }, /LOG_LEVEL is "verbose"; give one of debug, info, warn, error, silent/],
  [{ CORS_ORIGIN: 'example.com' }, /CORS_ORIGIN has "example.com"; give '\*' or a comma-separated list of origins/],
  [{ CORS_ORIGIN: 'https://example.com/' }, /CORS_ORIGIN has "https:\/\/example.com\/"/],
  [{ HOST: 'http://0.0.0.0' }, /HOST is "http:\/\/0.0.0.0"/],
  [{ KEEP_ALIVE_TIMEOUT_MS: '70000' }, /HEADERS_TIMEOUT_MS \(66000\) must be above KEEP_ALIVE_TIMEOUT_MS \(70000\)/],
  [{ REQUEST_TIMEOUT_MS: '1000' }, /REQUEST_TIMEOUT_MS \(1000\) must be at least HEADERS_TIMEOUT_MS/],
];

for (const [env, message] of bad) {
  test(`refuses ${JSON.stringify(env)} with a message saying what to give`, () => {
    assert.throws(() => parseConfig(env), (error: unknown) => error instanceof ConfigError && message.test(error.message));
  });
}
