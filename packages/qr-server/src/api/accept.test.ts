import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { negotiateFormat } from './accept.js';

const cases: [string | undefined, 'png' | 'svg'][] = [
  [undefined, 'png'],
  ['', 'png'],
  ['image/svg+xml', 'svg'],
  ['image/svg+xml, image/png;q=0.5', 'svg'],
  ['image/png, image/svg+xml', 'png'],
  ['*/*', 'png'],
  ['image/*', 'png'],
  ['image/*;q=0.5, image/svg+xml', 'svg'],
  ['image/svg+xml;q=0.2, */*;q=0.5', 'png'],
  ['IMAGE/SVG+XML', 'svg'],
  // Chromium's and Firefox's Accept for <img>: both list SVG and PNG equally, so PNG stays.
  ['image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8', 'png'],
  ['image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5', 'png'],
  ['application/json', 'png'],
  ['image/svg+xml;q=abc', 'svg'],
  ['garbage;;;,', 'png'],
];

for (const [accept, expected] of cases) {
  test(`Accept ${JSON.stringify(accept)} → ${expected}`, () => {
    assert.equal(negotiateFormat(accept), expected);
  });
}
