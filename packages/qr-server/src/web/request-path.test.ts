import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { HttpError } from '../http/problem.js';
import { splitTarget } from '../http/target.js';
import { assetPath } from './request-path.js';

/** A request target as the server takes it apart: split off the query, then decode the path. */
const pathOf = (target: string): string => assetPath(splitTarget(target).path);

test('plain paths pass, with the query left off', () => {
  assert.equal(pathOf('/qr-code.js?v=1'), '/qr-code.js');
  assert.equal(pathOf('/'), '/');
  assert.equal(pathOf('/a%20b.txt'), '/a b.txt');
});

test('the absolute form is reduced to its path', () => {
  assert.equal(pathOf('http://example.com/qr-code.js'), '/qr-code.js');
});

test('every way of climbing out of the folder is refused with a 400', () => {
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
    assert.throws(() => pathOf(target), (error: unknown) => error instanceof HttpError && error.status === 400, `${target} should be refused`);
  }
});
