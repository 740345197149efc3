import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { chooseCoding } from './content-coding.js';

const BOTH = ['identity', 'br', 'gzip'] as const;

test('brotli is preferred when both are acceptable', () => {
  assert.equal(chooseCoding('gzip, deflate, br, zstd', BOTH), 'br');
});

test('q-values decide, and q=0 refuses a coding', () => {
  assert.equal(chooseCoding('br;q=0.5, gzip;q=0.9', BOTH), 'gzip');
  assert.equal(chooseCoding('br;q=0, gzip', BOTH), 'gzip');
  assert.equal(chooseCoding('*;q=0.1', BOTH), 'br');
});

test('nothing acceptable or no header means identity', () => {
  assert.equal(chooseCoding(undefined, BOTH), 'identity');
  assert.equal(chooseCoding('deflate', BOTH), 'identity');
  assert.equal(chooseCoding('br', ['identity', 'gzip']), 'identity');
});
