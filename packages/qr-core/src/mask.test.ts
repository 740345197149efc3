import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyMask, maskPatternsOf, penaltyScore } from './mask.js';
import { layoutOf } from './matrix.js';
import { seededRandom } from './test-support/random.js';

/** Module grid (1 = dark) → the packed rows and columns the scorer takes. */
function pack(grid: Uint8Array, size: number): { rows: Int32Array; cols: Int32Array; words: number } {
  const words = (size + 31) >>> 5;
  const rows = new Int32Array(size * words);
  const cols = new Int32Array(size * words);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (grid[y * size + x] !== 1) continue;
      rows[y * words + (x >>> 5)]! |= 1 << (x & 31);
      cols[x * words + (y >>> 5)]! |= 1 << (y & 31);
    }
  }
  return { rows, cols, words };
}

function score(grid: Uint8Array, size: number): number {
  const { rows, cols, words } = pack(grid, size);
  return penaltyScore(rows, cols, size, words);
}

/** The four rules of Table 11 written module by module, as plainly as possible, to check the word-parallel scorer. */
function referenceScore(grid: Uint8Array, size: number): number {
  const lines: number[][] = [];
  for (let i = 0; i < size; i++) {
    lines.push(Array.from({ length: size }, (_, j) => grid[i * size + j]!));
    lines.push(Array.from({ length: size }, (_, j) => grid[j * size + i]!));
  }
  let total = 0;
  for (const line of lines) {
    // Runs as [colour, length], with the quiet zone as light runs of unbounded length at both ends.
    const runs: [number, number][] = [[0, Infinity]];
    for (const module of line) {
      const last = runs[runs.length - 1]!;
      if (last[0] === module) last[1]++;
      else runs.push([module, 1]);
    }
    if (runs[runs.length - 1]![0] === 0) runs[runs.length - 1]![1] = Infinity;
    else runs.push([0, Infinity]);
    // N1: in-symbol runs of 5 or more (the quiet zone's runs do not count).
    for (const [, length] of runs) if (Number.isFinite(length) && length >= 5) total += 3 + (length - 5);
    // N1 for a light run touching an edge: count only its modules inside the symbol.
    const leading = line.indexOf(1) < 0 ? size : line.indexOf(1);
    const trailing = line.lastIndexOf(1) < 0 ? 0 : size - 1 - line.lastIndexOf(1);
    if (leading === size) total += size >= 5 ? 3 + (size - 5) : 0;
    else {
      if (leading >= 5) total += 3 + (leading - 5);
      if (trailing >= 5) total += 3 + (trailing - 5);
    }
    // N3: dark n, light n, dark 3n, light n, dark n; light ≥ 4n on one side and ≥ n on the other, each side counted.
    for (let i = 1; i + 5 < runs.length; i++) {
      const n = runs[i]![1];
      if (runs[i]![0] !== 1 || runs[i + 1]![1] !== n || runs[i + 2]![1] !== 3 * n || runs[i + 3]![1] !== n || runs[i + 4]![1] !== n) continue;
      const before = runs[i - 1]![1];
      const after = runs[i + 5]![1];
      total += 40 * ((before >= 4 * n && after >= n ? 1 : 0) + (after >= 4 * n && before >= n ? 1 : 0));
    }
  }
  // N2: 2 × 2 blocks of one colour.
  for (let y = 0; y + 1 < size; y++) {
    for (let x = 0; x + 1 < size; x++) {
      const c = grid[y * size + x];
      if (c === grid[y * size + x + 1] && c === grid[(y + 1) * size + x] && c === grid[(y + 1) * size + x + 1]) total += 3;
    }
  }
  // N4: 10 per full 5 % step away from 50 % dark (a share exactly on a step counts the step below).
  const dark = grid.reduce((sum, module) => sum + module, 0);
  total += 10 * (Math.ceil(Math.abs(dark * 20 - size * size * 10) / (size * size)) - 1);
  return total;
}

test('all light 21 × 21: N1 on 42 lines, N2 on 400 blocks, N4 at 50 % off', () => {
  const grid = new Uint8Array(21 * 21);
  assert.equal(score(grid, 21), 42 * (3 + 16) + 3 * 400 + 10 * 9);
});

test('a checkerboard scores nothing', () => {
  const grid = Uint8Array.from({ length: 21 * 21 }, (_, i) => ((i % 21) + Math.floor(i / 21)) % 2);
  assert.equal(score(grid, 21), 0);
});

test('N3: a 1:1:3:1:1 pattern with light on both sides counts once per side', () => {
  const checker = (size: number): Uint8Array => Uint8Array.from({ length: size * size }, (_, i) => ((i % size) + Math.floor(i / size)) % 2);
  const base = checker(25);
  const withPattern = checker(25);
  // Row 12: light from 0 to 24 except the pattern at 9..15, so ≥ 4 light modules on both sides.
  const row = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  row.forEach((module, x) => (withPattern[12 * 25 + x] = module));
  assert.equal(score(withPattern, 25), referenceScore(withPattern, 25));
  assert.ok(score(withPattern, 25) - score(base, 25) >= 80, 'both sides of the pattern score');
});

test('the word-parallel scorer equals the plain reference on random symbols of every word count', () => {
  const random = seededRandom(0x3a5c0001);
  for (const size of [21, 25, 29, 33, 45, 57, 63, 65, 97, 101, 141, 177]) {
    for (let trial = 0; trial < 6; trial++) {
      const density = [0.5, 0.3, 0.7, 0.15, 0.85, 0.5][trial]!;
      const grid = Uint8Array.from({ length: size * size }, () => (random() < density ? 1 : 0));
      assert.equal(score(grid, size), referenceScore(grid, size), `size ${size}, density ${density}`);
    }
  }
});

test('finder-like patterns of unit 2, 3 and 4, at edges and inside, score like the reference', () => {
  const random = seededRandom(0x3a5c0002);
  for (const size of [29, 45, 77]) {
    for (let trial = 0; trial < 30; trial++) {
      const grid = Uint8Array.from({ length: size * size }, () => (random() < 0.5 ? 1 : 0));
      for (let k = 0; k < 6; k++) {
        const n = 2 + Math.floor(random() * 3);
        const pattern = [0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0].flatMap((module) => Array<number>(n).fill(module));
        const start = Math.floor(random() * (size + 8 * n)) - 4 * n;
        const line = Math.floor(random() * size);
        const vertical = random() < 0.5;
        pattern.forEach((module, i) => {
          const p = start + i;
          if (p >= 0 && p < size) grid[vertical ? p * size + line : line * size + p] = module;
        });
      }
      assert.equal(score(grid, size), referenceScore(grid, size), `size ${size}, trial ${trial}`);
    }
  }
});

test('scoring stops once the sum reaches the bound, never below it', () => {
  const random = seededRandom(0x3a5c0003);
  const grid = Uint8Array.from({ length: 57 * 57 }, () => (random() < 0.5 ? 1 : 0));
  const { rows, cols, words } = pack(grid, 57);
  const full = penaltyScore(rows, cols, 57, words);
  assert.equal(penaltyScore(rows, cols, 57, words, full + 1), full);
  assert.ok(penaltyScore(rows, cols, 57, words, 1) >= 1);
});

test('Table 10: each mask inverts the modules of its condition in the encoding region, and nothing else, in both orientations', () => {
  // Table 10 in the standard's own notation: i the row, j the column.
  const conditions: ((i: number, j: number) => boolean)[] = [
    (i, j) => (i + j) % 2 === 0,
    (i) => i % 2 === 0,
    (_, j) => j % 3 === 0,
    (i, j) => (i + j) % 3 === 0,
    (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
    (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
    (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
    (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
  ];
  const bit = (lines: Int32Array, words: number, line: number, position: number): number => (lines[line * words + (position >>> 5)]! >>> (position & 31)) & 1;
  for (const version of [1, 2, 7, 32, 40]) {
    const layout = layoutOf(version);
    const { width: size, words, dataRows } = layout;
    const patterns = maskPatternsOf(layout);
    // Unmasked lines that are all light, so the masked ones are the patterns themselves.
    const light = new Int32Array(size * words);
    const maskedRows = new Int32Array(size * words);
    const maskedCols = new Int32Array(size * words);
    conditions.forEach((condition, mask) => {
      applyMask(patterns, mask, light, light, maskedRows, maskedCols);
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) {
          const inverted = bit(dataRows, words, i, j) === 1 && condition(i, j) ? 1 : 0;
          assert.equal(bit(maskedRows, words, i, j), inverted, `version ${version}, mask ${mask}, row ${i}, column ${j}`);
          assert.equal(bit(maskedCols, words, j, i), inverted, `version ${version}, mask ${mask}, row ${i}, column ${j} (by column)`);
        }
      }
    });
  }
});
