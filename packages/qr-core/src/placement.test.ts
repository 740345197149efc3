import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { layoutOf, type Layout } from './matrix.js';
import { placeCodewords, transpose } from './placement.js';
import { totalCodewords } from './tables.js';
import { seededRandom } from './test-support/random.js';

function bit(lines: Int32Array, words: number, line: number, position: number): number {
  return (lines[line * words + (position >>> 5)]! >>> (position & 31)) & 1;
}

/** The unmasked symbol of these codewords, and the modules that the codewords made dark (x, y). */
function placed(layout: Layout, codewords: Uint8Array): { rows: Int32Array; cols: Int32Array; dark: [number, number][] } {
  const { width: size, words, functionRows } = layout;
  const rows = new Int32Array(size * words);
  const cols = new Int32Array(size * words);
  placeCodewords(layout, codewords, rows);
  transpose(rows, cols, size, words);
  const dark: [number, number][] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (bit(rows, words, y, x) === 1 && bit(functionRows, words, y, x) === 0) dark.push([x, y]);
  }
  return { rows, cols, dark };
}

/** Modules in the order `placed` lists them: by row, then by column. */
function rowMajor(modules: [number, number][]): [number, number][] {
  return [...modules].sort(([x1, y1], [x2, y2]) => y1 - y2 || x1 - x2);
}

test('§7.7.3: codeword bits fill two-module columns from the bottom right, upwards, right module first, and turn at the top', () => {
  const layout = layoutOf(1);
  const codewords = new Uint8Array(totalCodewords(1));
  codewords[0] = 0xff;
  // Most significant bit first, each row's right module before its left.
  const first: [number, number][] = [[20, 20], [19, 20], [20, 19], [19, 19], [20, 18], [19, 18], [20, 17], [19, 17]];
  assert.deepEqual(placed(layout, codewords).dark, rowMajor(first));
  // Codewords 0–2 fill columns 20–19 up to row 9 (the format information is above); codeword 3 turns down in 18–17.
  codewords[0] = 0;
  codewords[3] = 0b10100000;
  assert.deepEqual(placed(layout, codewords).dark, [[18, 9], [18, 10]]);
});

test('every codeword bit lands on its own module of the encoding region, and the columns are the transposed rows', () => {
  for (let version = 1; version <= 40; version++) {
    const layout = layoutOf(version);
    const { width: size, words, dataRows } = layout;
    const { rows, cols, dark } = placed(layout, new Uint8Array(totalCodewords(version)).fill(0xff));
    assert.equal(dark.length, totalCodewords(version) * 8, `version ${version}`);
    assert.ok(dark.every(([x, y]) => bit(dataRows, words, y, x) === 1), `version ${version}: only in the encoding region`);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) assert.equal(bit(cols, words, x, y), bit(rows, words, y, x), `version ${version} (${x}, ${y})`);
    }
  }
});

test('transpose: bit j of row i becomes bit i of column j, for every word count, with nothing past the edge', () => {
  const random = seededRandom(0x7a5e0001);
  for (const size of [21, 31, 32, 33, 63, 64, 65, 97, 177]) {
    const words = (size + 31) >>> 5;
    const rows = new Int32Array(size * words);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) if (random() < 0.5) rows[y * words + (x >>> 5)]! |= 1 << (x & 31);
    }
    const cols = new Int32Array(size * words).fill(-1);
    transpose(rows, cols, size, words);
    for (let x = 0; x < size; x++) {
      for (let p = 0; p < words * 32; p++) assert.equal(bit(cols, words, x, p), p < size ? bit(rows, words, p, x) : 0, `size ${size}, column ${x}, bit ${p}`);
    }
  }
});
