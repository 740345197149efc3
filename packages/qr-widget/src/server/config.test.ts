import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ConfigError, readConfig } from './config.js';

test('defaults: port 3000, all interfaces, same-origin backend', () => {
  const config = readConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.backendUrl, '');
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
