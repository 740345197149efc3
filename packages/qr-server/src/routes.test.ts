import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { generateFromPost, generateFromQuery } from './generate.js';
import { ApiError } from './problem.js';
import { resolveRoute } from './routes.js';

const request = { path: '/healthz', rawQuery: '', headers: {}, body: Buffer.alloc(0) };

test('method and path select the handler; HEAD takes the GET handler', () => {
  assert.equal(resolveRoute('POST', '/generate_qr/').handler, generateFromPost);
  assert.equal(resolveRoute('GET', '/generate_qr/').handler, generateFromQuery);
  assert.equal(resolveRoute('HEAD', '/generate_qr/').handler, generateFromQuery);
  assert.equal(resolveRoute('POST', '/generate_qr/').readsBody, true);
  assert.equal(resolveRoute('GET', '/generate_qr/').readsBody, false);
});

test('/healthz answers ok and is never cached', () => {
  const reply = resolveRoute('GET', '/healthz').handler({ ...request, method: 'GET' });
  assert.equal(reply.status, 200);
  assert.deepEqual(JSON.parse(String(reply.body)), { status: 'ok' });
  assert.equal(reply.headers['cache-control'], 'no-store');
});

test('an unknown path is a 404 that points to the API description', () => {
  assert.throws(
    () => resolveRoute('GET', '/generate_qr'),
    (error: unknown) => error instanceof ApiError && error.status === 404 && /openapi\.json/.test(error.message),
  );
});

test('a known path with another method is a 405 with Allow', () => {
  assert.throws(
    () => resolveRoute('DELETE', '/generate_qr/'),
    (error: unknown) =>
      error instanceof ApiError && error.status === 405 && error.headers['allow'] === 'POST, GET, HEAD, OPTIONS' && /use POST or GET or HEAD/.test(error.message),
  );
  assert.throws(
    () => resolveRoute('POST', '/healthz'),
    (error: unknown) => error instanceof ApiError && error.status === 405 && error.headers['allow'] === 'GET, HEAD, OPTIONS',
  );
});

test('OPTIONS on a known path lists its methods', () => {
  const reply = resolveRoute('OPTIONS', '/generate_qr/').handler({ ...request, method: 'OPTIONS' });
  assert.equal(reply.status, 204);
  assert.equal(reply.headers['allow'], 'POST, GET, HEAD, OPTIONS');
});
