import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { HttpError } from '../http/problem.js';
import { parseUrlEncoded } from './urlencoded.js';

test('decodes names and values, + as space, and keeps repeated names in order', () => {
  const fields = parseUrlEncoded('url=https%3A%2F%2Fexample.com%2F%3Fa%3D1&x=a+b&x=%C3%A9&flag', 'query');
  assert.deepEqual([...fields], [
    ['url', ['https://example.com/?a=1']],
    ['x', ['a b', 'é']],
    ['flag', ['']],
  ]);
});

test('an empty string and empty pairs give no fields', () => {
  assert.equal(parseUrlEncoded('', 'query').size, 0);
  assert.deepEqual([...parseUrlEncoded('&&a=1&', 'query')], [['a', ['1']]]);
});

test('a value may contain "="', () => {
  assert.deepEqual(parseUrlEncoded('data=a=b', 'query').get('data'), ['a=b']);
});

for (const bad of ['data=%zz', 'data=%4', 'data=100%', 'data=%C3', 'd%ta=1']) {
  test(`refuses the bad percent-encoding in ${bad}, naming where it is`, () => {
    assert.throws(
      () => parseUrlEncoded(bad, 'form body'),
      (error: unknown) => error instanceof HttpError && error.code === 'BAD_PERCENT_ENCODING' && error.message.includes('form body'),
    );
  });
}
