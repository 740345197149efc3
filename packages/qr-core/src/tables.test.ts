import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { alignmentPositions, dataCodewords, rawDataModules, totalCodewords } from './tables.js';

test('Annex E Table E.1: alignment pattern centres', () => {
  const expected: Record<number, number[]> = {
    1: [],
    2: [6, 18],
    6: [6, 34],
    7: [6, 22, 38],
    14: [6, 26, 46, 66],
    15: [6, 26, 48, 70],
    21: [6, 28, 50, 72, 94],
    28: [6, 26, 50, 74, 98, 122],
    32: [6, 34, 60, 86, 112, 138],
    36: [6, 24, 50, 76, 102, 128, 154],
    39: [6, 26, 54, 82, 110, 138, 166],
    40: [6, 30, 58, 86, 114, 142, 170],
  };
  for (const [version, centres] of Object.entries(expected)) assert.deepEqual(alignmentPositions(Number(version)), centres, `version ${version}`);
});

test('Table 1: total codewords and remainder bits', () => {
  // [version, total codewords, remainder bits]
  const rows = [[1, 26, 0], [2, 44, 7], [6, 172, 7], [7, 196, 0], [14, 581, 3], [21, 1156, 4], [28, 1921, 3], [35, 2876, 0], [40, 3706, 0]] as const;
  for (const [version, total, remainder] of rows) {
    assert.equal(totalCodewords(version), total, `version ${version}`);
    assert.equal(rawDataModules(version) % 8, remainder, `version ${version} remainder bits`);
  }
});

test('Table 7: data codewords at the corners of the table', () => {
  assert.equal(dataCodewords(1, 'L'), 19);
  assert.equal(dataCodewords(1, 'M'), 16);
  assert.equal(dataCodewords(1, 'Q'), 13);
  assert.equal(dataCodewords(1, 'H'), 9);
  assert.equal(dataCodewords(40, 'L'), 2956);
  assert.equal(dataCodewords(40, 'M'), 2334);
  assert.equal(dataCodewords(40, 'Q'), 1666);
  assert.equal(dataCodewords(40, 'H'), 1276);
});
