/**
 * Behind a CDN (terraform/cdn.tf), one GET answer is stored and sent to every viewer who asks for
 * the same URL with the same Accept: the cache key. So a cacheable answer must not depend on
 * anything else about the request (RFC 9111 §4.1: a stored response is reused for any request
 * whose URL and Vary-nominated headers match). Over real sockets, two viewers who differ in
 * everything but the URL and Accept must get the same answer, bar two headers that are per
 * request by design: Date, and X-Request-Id, which on an answer from the CDN's cache is the id
 * of the request that filled it (stale, and harmless: the id names a log line, not a user).
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import { createLogger } from '../http/log.js';
import type { HttpServer } from '../http/server.js';
import { call, type Answer } from '../test-support/http-client.js';
import { parseApiConfig } from './config.js';
import { createApiServer } from './server.js';

/** Headers that differ per request by design; everything else must be the same for every viewer. */
const PER_REQUEST = new Set(['date', 'x-request-id', 'connection', 'keep-alive']);

const viewers = [
  { 'user-agent': 'Viewer-A/1.0', cookie: 'session=alice', 'accept-language': 'en-GB', 'x-forwarded-for': '198.51.100.9', origin: 'https://a.example' },
  { 'user-agent': 'Viewer-B/2.0', cookie: 'session=bob', 'accept-language': 'fr', 'x-forwarded-for': '203.0.113.50', authorization: 'Bearer b', 'x-request-id': 'bob-trace' },
];

const shared = (answer: Answer): Record<string, unknown> =>
  Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !PER_REQUEST.has(name)));

describe('cacheable GET answers are the same for every viewer', () => {
  let server: HttpServer;
  let port = 0;

  before(async () => {
    // TRUST_PROXY_HOPS as on AWS, and CORS as the task runs it (CORS_ORIGIN unset: '*').
    server = createApiServer({ ...parseApiConfig({ TRUST_PROXY_HOPS: '2' }), port: 0, host: '127.0.0.1' }, createLogger('silent', () => {}));
    port = (await server.listen()).port;
  });

  after(() => server.close());

  const cases: [string, string, Record<string, string>][] = [
    ['a PNG', '/generate_qr/?data=https%3A%2F%2Fexample.com', {}],
    ['an SVG by format', '/generate_qr/?data=hello&format=svg', {}],
    ['an SVG by Accept', '/generate_qr/?data=hello', { accept: 'image/svg+xml' }],
    ['a PNG by Accept', '/generate_qr/?data=hello', { accept: 'image/png,image/svg+xml;q=0.5' }],
  ];

  for (const [name, path, cacheKeyHeaders] of cases) {
    for (const method of ['GET', 'HEAD']) {
      test(`${method} ${name}: the same status, headers and body for both viewers`, async () => {
        const [first, second] = await Promise.all(viewers.map((viewer) => call(port, method, path, { headers: { ...viewer, ...cacheKeyHeaders } })));
        assert.ok(first && second);
        assert.equal(first.status, 200);
        assert.match(String(first.headers['cache-control']), /^public, max-age=31536000, immutable$/);
        assert.deepEqual(shared(second), shared(first));
        assert.ok(second.body.equals(first.body), 'the same body');
        assert.notEqual(first.headers['x-request-id'], second.headers['x-request-id'], 'the id is per request: on a cached copy it is the first one');
      });
    }
  }

  test('an answer whose format follows Accept says Vary: Accept, the header the CDN keys on', async () => {
    const negotiated = await call(port, 'GET', '/generate_qr/?data=hello', { headers: { accept: 'image/svg+xml' } });
    assert.equal(negotiated.headers['content-type'], 'image/svg+xml');
    assert.match(String(negotiated.headers['vary']), /\bAccept\b/);
    // An explicit format does not depend on Accept, so it needs no Vary.
    const explicit = await call(port, 'GET', '/generate_qr/?data=hello&format=png', { headers: { accept: 'image/svg+xml' } });
    assert.equal(explicit.headers['content-type'], 'image/png');
    assert.doesNotMatch(String(explicit.headers['vary'] ?? ''), /\bAccept\b/);
  });

  test('what must not be stored says no-store: /healthz, errors, a payload with a secret', async () => {
    for (const path of ['/healthz', '/generate_qr/?data=', '/generate_qr/?type=wifi&ssid=home&password=secret']) {
      const answer = await call(port, 'GET', path);
      assert.equal(answer.headers['cache-control'], 'no-store', path);
    }
  });
});
