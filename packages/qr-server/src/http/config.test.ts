import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ConfigError, parseServerConfig } from './config.js';

test('defaults: the given port on all interfaces, ALB-safe time-outs, a drain within Fargate’s stop time-out', () => {
  const config = parseServerConfig({}, 1234);
  assert.equal(config.port, 1234);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.logLevel, 'info');
  assert.equal(config.trustProxyHops, 0, 'no proxy is trusted unless configured');
  assert.equal(config.keepAliveTimeoutMs, 65_000);
  assert.ok(config.headersTimeoutMs > config.keepAliveTimeoutMs);
  assert.ok(config.requestTimeoutMs >= config.headersTimeoutMs);
  assert.ok(config.shutdownTimeoutMs < 30_000, 'drains within the Fargate stop time-out');
});

test('reads every shared variable', () => {
  const config = parseServerConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'WARN',
      TRUST_PROXY_HOPS: '2',
      KEEP_ALIVE_TIMEOUT_MS: '1000',
      HEADERS_TIMEOUT_MS: '2000',
      REQUEST_TIMEOUT_MS: '3000',
      TIMEOUT_CHECK_INTERVAL_MS: '50',
      SHUTDOWN_TIMEOUT_MS: '500',
    },
    8000,
  );
  assert.deepEqual(config, {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'warn',
    trustProxyHops: 2,
    keepAliveTimeoutMs: 1000,
    headersTimeoutMs: 2000,
    requestTimeoutMs: 3000,
    timeoutCheckIntervalMs: 50,
    shutdownTimeoutMs: 500,
  });
});

test('empty variables take the default', () => {
  assert.equal(parseServerConfig({ PORT: '', LOG_LEVEL: '' }, 8000).port, 8000);
});

const bad: [Record<string, string>, RegExp][] = [
  [{ PORT: 'eighty' }, /PORT is "eighty"; give a whole number from 0 to 65535/],
  [{ PORT: '70000' }, /PORT is "70000"/],
  [{ PORT: '-1' }, /PORT/],
  [{ PORT: '80.5' }, /PORT/],
  [{ LOG_LEVEL: 'verbose' }, /LOG_LEVEL is "verbose"; give one of debug, info, warn, error, silent/],
  [{ HOST: 'http://0.0.0.0' }, /HOST is "http:\/\/0.0.0.0"/],
  [{ KEEP_ALIVE_TIMEOUT_MS: '70000' }, /HEADERS_TIMEOUT_MS \(66000\) must be above KEEP_ALIVE_TIMEOUT_MS \(70000\)/],
  [{ REQUEST_TIMEOUT_MS: '1000' }, /REQUEST_TIMEOUT_MS \(1000\) must be at least HEADERS_TIMEOUT_MS/],
  [{ TRUST_PROXY_HOPS: 'all' }, /TRUST_PROXY_HOPS is "all"; give a whole number from 0 to 10/],
  [{ SHUTDOWN_TIMEOUT_MS: '0' }, /SHUTDOWN_TIMEOUT_MS is "0"; give a whole number from 1/],
];

for (const [env, message] of bad) {
  test(`refuses ${JSON.stringify(env)} with a message saying what to give`, () => {
    assert.throws(() => parseServerConfig(env, 8000), (error: unknown) => error instanceof ConfigError && message.test(error.message));
  });
}
