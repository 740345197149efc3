import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { corsHeaders, optionsReply } from './cors.js';

test("'*' lets any origin read, and exposes the headers a page needs", () => {
  const headers = corsHeaders('*', 'https://anywhere.example');
  assert.equal(headers['access-control-allow-origin'], '*');
  assert.match(String(headers['access-control-expose-headers']), /ETag.*Content-Disposition.*X-Request-Id/);
  assert.equal(headers['vary'], undefined);
});

test('a list allows only its origins, naming the one that asked, and varies on Origin', () => {
  const allowed = ['https://a.example', 'https://b.example'];
  assert.deepEqual(corsHeaders(allowed, 'https://b.example')['access-control-allow-origin'], 'https://b.example');
  assert.equal(corsHeaders(allowed, 'https://b.example')['vary'], 'Origin');
  assert.deepEqual(corsHeaders(allowed, 'https://evil.example'), { vary: 'Origin' });
  assert.deepEqual(corsHeaders(allowed, undefined), { vary: 'Origin' });
});

test('a preflight gets the methods, the headers and a max-age', () => {
  const reply = optionsReply(['GET', 'HEAD', 'POST'], { 'access-control-request-method': 'POST', origin: 'https://a.example' });
  assert.equal(reply.status, 204);
  assert.equal(reply.headers['access-control-allow-methods'], 'GET, HEAD, POST, OPTIONS');
  assert.match(String(reply.headers['access-control-allow-headers']), /Content-Type/);
  assert.ok(Number(reply.headers['access-control-max-age']) > 0);
});

test('OPTIONS without a preflight lists the allowed methods only', () => {
  const reply = optionsReply(['GET', 'HEAD'], {});
  assert.deepEqual(reply, { status: 204, headers: { allow: 'GET, HEAD, OPTIONS' }, body: '' });
});
