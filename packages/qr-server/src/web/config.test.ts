import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ConfigError, parseServerConfig } from '../http/config.js';
import { parseWebConfig as readConfig } from './config.js';

test("defaults: port 3000, the shared settings, same-origin backend, qr-widget's built files", () => {
  const config = readConfig({});
  assert.deepEqual({ ...config, backendUrl: undefined, publicDir: undefined }, { ...parseServerConfig({}, 3000), backendUrl: undefined, publicDir: undefined });
  assert.equal(config.port, 3000);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.backendUrl, '');
  assert.match(config.publicDir, /qr-widget[/\\]dist[/\\]public$/);
  assert.equal(readConfig({ PUBLIC_DIR: '/srv/public' }).publicDir, '/srv/public');
});

test('the time-outs and the drain deadline are the same variables as the API’s, with the same checks', () => {
  assert.equal(readConfig({ SHUTDOWN_TIMEOUT_MS: '500' }).shutdownTimeoutMs, 500);
  assert.throws(() => readConfig({ REQUEST_TIMEOUT_MS: '30000' }), /REQUEST_TIMEOUT_MS \(30000\) must be at least HEADERS_TIMEOUT_MS/);
});

test('BACKEND_URL wins over the old REACT_APP_BACKEND_URL, which still works alone', () => {
  assert.equal(readConfig({ BACKEND_URL: 'https://api.example.com/', REACT_APP_BACKEND_URL: 'http://old' }).backendUrl, 'https://api.example.com');
  assert.equal(readConfig({ REACT_APP_BACKEND_URL: 'http://localhost:8000' }).backendUrl, 'http://localhost:8000');
  assert.equal(readConfig({ BACKEND_URL: '', REACT_APP_BACKEND_URL: 'http://localhost:8000' }).backendUrl, 'http://localhost:8000');
  assert.equal(readConfig({ BACKEND_URL: '/api/' }).backendUrl, '/api');
});

test('bad values say what to set', () => {
  assert.throws(() => readConfig({ PORT: '80a' }), (error: unknown) => error instanceof ConfigError && /PORT is "80a"/.test(error.message));
  assert.throws(() => readConfig({ PORT: '70000' }), ConfigError);
  assert.throws(() => readConfig({ BACKEND_URL: 'api.example.com' }), /BACKEND_URL is "api.example.com"/);
  assert.throws(() => readConfig({ BACKEND_URL: 'javascript:alert(1)' }), /http: or https:/);
  assert.throws(() => readConfig({ BACKEND_URL: '//evil.example' }), ConfigError);
});
