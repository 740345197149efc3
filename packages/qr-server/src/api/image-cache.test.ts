import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ImageCache } from './image-cache.js';

const image = (bytes: number): Uint8Array => new Uint8Array(bytes);

test('gives back what was put in, by key', () => {
  const cache = new ImageCache(1000);
  const png = image(10);
  cache.set('a', png);
  cache.set('b', '<svg/>');
  assert.equal(cache.get('a'), png);
  assert.equal(cache.get('b'), '<svg/>');
  assert.equal(cache.get('c'), undefined);
  assert.equal(cache.bytes, 2 + 10 + 2 + 12);
});

test('stays within its budget, dropping the least recently used first', () => {
  const cache = new ImageCache(400);
  for (const key of ['a', 'b', 'c', 'd']) cache.set(key, image(48)); // 50 bytes each with the key
  assert.equal(cache.bytes, 200);
  cache.get('a'); // now the most recent
  for (const key of ['e', 'f', 'g', 'h', 'i']) cache.set(key, image(48));
  assert.ok(cache.bytes <= 400);
  assert.equal(cache.get('b'), undefined, 'b was the least recently used');
  assert.notEqual(cache.get('a'), undefined, 'a was used, so it stayed');
  assert.notEqual(cache.get('i'), undefined);
});

test('an entry over an eighth of the budget is not kept', () => {
  const cache = new ImageCache(800);
  cache.set('big', image(100));
  assert.equal(cache.get('big'), undefined);
  assert.equal(cache.bytes, 0);
});

test('setting a key again keeps one entry', () => {
  const cache = new ImageCache(800);
  cache.set('a', image(10));
  cache.set('a', image(10));
  assert.equal(cache.bytes, 12);
});
