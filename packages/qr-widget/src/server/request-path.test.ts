import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { requestPath } from './request-path.js';

test('plain paths pass, with the query left off', () => {
  assert.deepEqual(requestPath('/qr-code.js?v=1'), { ok: true, path: '/qr-code.js' });
  assert.deepEqual(requestPath('/'), { ok: true, path: '/' });
  assert.deepEqual(requestPath('/a%20b.txt'), { ok: true, path: '/a b.txt' });
});

test('the absolute form is reduced to its path', () => {
  assert.deepEqual(requestPath('http://example.com/qr-code.js'), { ok: true, path: '/qr-code.js' });
});

test('every way of climbing out of the folder is refused', () => {
  for (const target of [
    '/../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/a/..',
    '/./index.html',
    '/..%2fetc%2fpasswd',
    '/%2fetc/passwd',
    '/..%5c..%5cwindows',
    '/a\\..\\b',
    '/index.html%00.js',
    '/%E0%A4%A',
    'etc/passwd',
    '*',
  ]) {
    const result = requestPath(target);
    assert.equal(result.ok, false, `${target} should be refused`);
  }
});
