import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { HttpError } from './problem.js';
import type { Handler, HttpRequest } from './reply.js';
import { createRouter, HEALTH_ROUTE } from './routes.js';

const request: HttpRequest = { method: 'GET', path: '/healthz', rawQuery: '', headers: {}, body: Buffer.alloc(0) };
const post: Handler = () => ({ status: 201, headers: {}, body: 'posted' });
const get: Handler = () => ({ status: 200, headers: {}, body: 'got' });
const asset: Handler = () => ({ status: 200, headers: {}, body: 'asset' });

const router = createRouter(
  [{ method: 'POST', path: '/things/', readsBody: true, handler: post }, { method: 'GET', path: '/things/', readsBody: false, handler: get }, HEALTH_ROUTE],
  { notFound: (path) => `nothing at ${path}; see /docs` },
);
const withFallback = createRouter([HEALTH_ROUTE], { notFound: () => 'unused', fallback: { methods: ['GET'], handler: asset } });

test('method and path select the handler; HEAD takes the GET handler', () => {
  assert.equal(router('POST', '/things/').handler, post);
  assert.equal(router('GET', '/things/').handler, get);
  assert.equal(router('HEAD', '/things/').handler, get);
  assert.equal(router('POST', '/things/').readsBody, true);
  assert.equal(router('GET', '/things/').readsBody, false);
});

test('/healthz answers ok and is never cached', () => {
  const reply = router('GET', '/healthz').handler(request);
  assert.equal(reply.status, 200);
  assert.deepEqual(JSON.parse(String(reply.body)), { status: 'ok' });
  assert.equal(reply.headers['cache-control'], 'no-store');
});

test("an unknown path is a 404 whose detail is the server's own", () => {
  assert.throws(
    () => router('GET', '/things'),
    (error: unknown) => error instanceof HttpError && error.status === 404 && error.message === 'nothing at /things; see /docs',
  );
});

test('a known path with another method is a 405 with Allow', () => {
  assert.throws(
    () => router('DELETE', '/things/'),
    (error: unknown) =>
      error instanceof HttpError && error.status === 405 && error.headers['allow'] === 'POST, GET, HEAD, OPTIONS' && /use POST or GET or HEAD/.test(error.message),
  );
  assert.throws(
    () => router('POST', '/healthz'),
    (error: unknown) => error instanceof HttpError && error.status === 405 && error.headers['allow'] === 'GET, HEAD, OPTIONS',
  );
});

test('OPTIONS on a known path lists its methods', () => {
  const reply = router('OPTIONS', '/things/').handler({ ...request, method: 'OPTIONS' });
  assert.equal(reply.status, 204);
  assert.equal(reply.headers['allow'], 'POST, GET, HEAD, OPTIONS');
});

test('a fallback takes every other path, for its methods only', () => {
  assert.equal(withFallback('GET', '/any/path.js').handler, asset);
  assert.equal(withFallback('HEAD', '/').handler, asset);
  assert.equal(withFallback('GET', '/healthz').handler, HEALTH_ROUTE.handler, 'the table wins');
  assert.equal(withFallback('OPTIONS', '/x').handler({ ...request, method: 'OPTIONS' }).headers['allow'], 'GET, HEAD, OPTIONS');
  assert.throws(
    () => withFallback('POST', '/x'),
    (error: unknown) => error instanceof HttpError && error.status === 405 && error.headers['allow'] === 'GET, HEAD, OPTIONS',
  );
});
