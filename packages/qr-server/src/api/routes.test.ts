import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { HttpError } from '../http/problem.js';
import { ImageCache } from './image-cache.js';
import { LogoCache } from './logo-cache.js';
import { apiRouter } from './routes.js';

const router = apiRouter({ images: new ImageCache(0), logos: new LogoCache(0) });

test('the API routes: POST and GET /generate_qr/ (POST reads the body), /healthz, /openapi.json', () => {
  assert.equal(router('POST', '/generate_qr/').readsBody, true);
  assert.equal(router('GET', '/generate_qr/').readsBody, false);
  assert.equal(router('HEAD', '/generate_qr/').handler, router('GET', '/generate_qr/').handler);
  assert.equal(router('GET', '/healthz').path, '/healthz');
  assert.equal(router('GET', '/openapi.json').path, '/openapi.json');
});

test('an unknown path is a 404 that points to the API description', () => {
  assert.throws(
    () => router('GET', '/generate_qr'),
    (error: unknown) => error instanceof HttpError && error.status === 404 && /openapi\.json/.test(error.message),
  );
});
