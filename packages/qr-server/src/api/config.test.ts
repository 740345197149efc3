import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ConfigError, parseServerConfig } from '../http/config.js';
import { MAX_LOGO_BYTES } from 'qr-core';
import { DEFAULT_MAX_BODY_BYTES, parseApiConfig } from './config.js';

test('defaults: port 8000, the shared settings, any origin, 360 KiB bodies, an 8 MiB image cache, a 32 MiB logo cache', () => {
  const config = parseApiConfig({});
  assert.deepEqual({ ...config, corsOrigins: undefined, maxBodyBytes: undefined, imageCacheBytes: undefined, logoCacheBytes: undefined }, {
    ...parseServerConfig({}, 8000),
    corsOrigins: undefined,
    maxBodyBytes: undefined,
    imageCacheBytes: undefined,
    logoCacheBytes: undefined,
  });
  assert.equal(config.port, 8000);
  assert.equal(config.corsOrigins, '*');
  assert.equal(config.maxBodyBytes, 360 * 1024);
  assert.equal(config.imageCacheBytes, 8 * 1024 * 1024);
  assert.equal(config.logoCacheBytes, 32 * 1024 * 1024);
});

test('the default body limit holds the largest logo in base64 and the old 16 KiB for everything else, and no more than a step above', () => {
  const needed = 16 * 1024 + 4 * Math.ceil(MAX_LOGO_BYTES / 3) + 1024;
  assert.equal(needed, 366_936);
  assert.ok(DEFAULT_MAX_BODY_BYTES >= needed && DEFAULT_MAX_BODY_BYTES - needed < 8 * 1024);
});

test("reads the API's own variables", () => {
  const config = parseApiConfig({ CORS_ORIGIN: 'https://a.example, http://localhost:3000', MAX_BODY_BYTES: '100', IMAGE_CACHE_BYTES: '0', LOGO_CACHE_BYTES: '0' });
  assert.deepEqual(config.corsOrigins, ['https://a.example', 'http://localhost:3000']);
  assert.equal(config.maxBodyBytes, 100);
  assert.equal(config.imageCacheBytes, 0, '0 turns the cache off');
  assert.equal(config.logoCacheBytes, 0, '0 turns the logo cache off');
  assert.equal(parseApiConfig({ CORS_ORIGIN: '*' }).corsOrigins, '*');
});

const bad: [Record<string, string>, RegExp][] = [
  [{ MAX_BODY_BYTES: '0' }, /MAX_BODY_BYTES is "0"; give a whole number from 1/],
  [{ IMAGE_CACHE_BYTES: 'lots' }, /IMAGE_CACHE_BYTES is "lots"; give a whole number from 0/],
  [{ LOGO_CACHE_BYTES: '-1' }, /LOGO_CACHE_BYTES is "-1"; give a whole number from 0/],
  [{ CORS_ORIGIN: 'example.com' }, /CORS_ORIGIN has "example.com"; give '\*' or a comma-separated list of origins/],
  [{ CORS_ORIGIN: 'https://example.com/' }, /CORS_ORIGIN has "https:\/\/example.com\/"/],
  [{ PORT: 'eighty' }, /PORT is "eighty"/],
];

for (const [env, message] of bad) {
  test(`refuses ${JSON.stringify(env)} with a message saying what to give`, () => {
    assert.throws(() => parseApiConfig(env), (error: unknown) => error instanceof ConfigError && message.test(error.message));
  });
}
