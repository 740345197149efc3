import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { encode } from './encode.js';
import { FINDER_SHAPES } from './render-options.js';
import {
  BOTTOM_LEFT,
  BOTTOM_RIGHT,
  dataModules,
  diskArea,
  finderArea,
  finderDistances,
  finderOrigins,
  moduleArea,
  roundedCorners,
  roundedRectArea,
  TOP_LEFT,
  TOP_RIGHT,
} from './shapes.js';
import { seededRandom } from './test-support/random.js';

const close = (actual: number, expected: number, what: string, tolerance = 1e-9): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected}`);

/** The share of an n × n grid of sample points in [x0, x1] × [y0, y1] for which `inside` holds, times the area. */
function sampled(inside: (x: number, y: number) => boolean, x0: number, y0: number, x1: number, y1: number, n = 400): number {
  let count = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) if (inside(x0 + ((i + 0.5) / n) * (x1 - x0), y0 + ((j + 0.5) / n) * (y1 - y0))) count++;
  }
  return (count / (n * n)) * (x1 - x0) * (y1 - y0);
}

describe('shapes: exact areas', () => {
  test('a disk: whole, halves, quarters, and random rectangles against sampling', () => {
    close(diskArea(0, 0, 2, -5, -5, 5, 5), Math.PI * 4, 'whole disk');
    close(diskArea(0, 0, 2, 0, -5, 5, 5), Math.PI * 2, 'right half');
    close(diskArea(1, 1, 1, 1, 1, 3, 3), Math.PI / 4, 'a quarter');
    close(diskArea(0, 0, 1, 2, 2, 3, 3), 0, 'outside');
    const random = seededRandom(3);
    for (let k = 0; k < 30; k++) {
      const [x0, y0] = [random() * 3 - 1.5, random() * 3 - 1.5];
      const [x1, y1] = [x0 + random() * 1.5, y0 + random() * 1.5];
      const want = sampled((x, y) => x * x + y * y <= 1, x0, y0, x1, y1);
      close(diskArea(0, 0, 1, x0, y0, x1, y1), want, `disk in [${x0}, ${x1}] × [${y0}, ${y1}]`, 5e-3);
    }
  });

  test('a rounded rectangle: whole areas, and pixels against sampling', () => {
    const all = TOP_LEFT | TOP_RIGHT | BOTTOM_RIGHT | BOTTOM_LEFT;
    close(roundedRectArea(0, 0, 7, 7, 2, all, -1, -1, 8, 8), 49 - (4 - Math.PI) * 4, 'rounded 7 × 7, radius 2');
    close(roundedRectArea(0, 0, 1, 1, 0.5, TOP_LEFT, 0, 0, 1, 1), 1 - (1 - Math.PI / 4) / 4, 'one corner rounded');
    const inside = (x: number, y: number): boolean => {
      if (x < 0 || y < 0 || x > 5 || y > 3) return false;
      const cx = Math.min(Math.max(x, 1.5), 3.5);
      const cy = Math.min(Math.max(y, 1.5), 1.5);
      return Math.hypot(x - cx, y - cy) <= 1.5;
    };
    for (const [x0, y0] of [[0, 0], [0.2, 0.3], [4.4, 2.5], [2, 1], [0.9, 2.6]] as const) {
      close(roundedRectArea(0, 0, 5, 3, 1.5, all, x0, y0, x0 + 0.5, y0 + 0.5), sampled(inside, x0, y0, x0 + 0.5, y0 + 0.5), `pixel at (${x0}, ${y0})`, 5e-3);
    }
  });

  test('module shapes: a square is 1, a dot and a lone rounded module π/4', () => {
    close(moduleArea('square', 0, -1, -1, 2, 2), 1, 'square');
    close(moduleArea('dots', 0, -1, -1, 2, 2), Math.PI / 4, 'dot');
    close(moduleArea('rounded', TOP_LEFT | TOP_RIGHT | BOTTOM_RIGHT | BOTTOM_LEFT, -1, -1, 2, 2), Math.PI / 4, 'lone rounded module');
    close(moduleArea('rounded', 0, -1, -1, 2, 2), 1, 'rounded module with no corner rounded');
  });

  test('finders: the area of each shape; the signed distances agree with the areas', () => {
    close(finderArea('square', -1, -1, 8, 8), 49 - 25 + 9, 'square finder');
    close(finderArea('circle', -1, -1, 8, 8), Math.PI * (3.5 ** 2 - 2.5 ** 2 + 1.5 ** 2), 'circle finder');
    close(finderArea('rounded', -1, -1, 8, 8), 49 - (4 - Math.PI) * 4 - (25 - (4 - Math.PI)) + (9 - (4 - Math.PI)), 'rounded finder');
    const distances = new Float64Array(3);
    const random = seededRandom(9);
    for (const shape of FINDER_SHAPES) {
      for (let k = 0; k < 2000; k++) {
        const [x, y] = [random() * 8 - 0.5, random() * 8 - 0.5];
        finderDistances(shape, x, y, distances);
        const inside = (distances[0]! < 0 ? 1 : 0) - (distances[1]! < 0 ? 1 : 0) + (distances[2]! < 0 ? 1 : 0);
        const margin = Math.min(...distances.map(Math.abs));
        if (margin < 1e-3) continue;
        // A tiny square round (x, y), wholly on one side of every outline: its area says which.
        const h = margin / 2;
        close(finderArea(shape, x - h, y - h, x + h, y + h) / (4 * h * h), inside, `${shape} finder at (${x}, ${y})`, 1e-6);
      }
    }
  });
});

describe('shapes: which modules are drawn how', () => {
  test("an encoded symbol's three finders are found and left out of the data modules", () => {
    const qr = encode('https://example.com');
    const finders = finderOrigins(qr);
    assert.deepEqual(finders, [[0, 0], [qr.size - 7, 0], [0, qr.size - 7]]);
    const modules = dataModules(qr, finders);
    for (let y = 0; y < qr.size; y++) {
      for (let x = 0; x < qr.size; x++) {
        const inFinder = finders.some(([x0, y0]) => x >= x0 && x < x0 + 7 && y >= y0 && y < y0 + 7);
        assert.equal(modules[y * qr.size + x], inFinder ? 0 : qr.modules[y * qr.size + x], `module (${x}, ${y})`);
      }
    }
  });

  test('a corner is rounded when both modules beside it at that corner are light', () => {
    // . # .
    // # # #      the middle module has no corner rounded, each of the others the corners
    // . # #      that have light modules on both sides
    const size = 3;
    const modules = Uint8Array.from([0, 1, 0, 1, 1, 1, 0, 1, 1]);
    assert.equal(roundedCorners(modules, size, size, 1, 1), 0);
    assert.equal(roundedCorners(modules, size, size, 1, 0), TOP_LEFT | TOP_RIGHT);
    assert.equal(roundedCorners(modules, size, size, 0, 1), TOP_LEFT | BOTTOM_LEFT);
    assert.equal(roundedCorners(modules, size, size, 2, 1), TOP_RIGHT);
    assert.equal(roundedCorners(modules, size, size, 2, 2), BOTTOM_RIGHT);
    assert.equal(roundedCorners(modules, size, size, 1, 2), BOTTOM_LEFT);
    // Beyond the edge of the symbol is light.
    assert.equal(roundedCorners(Uint8Array.of(1), 1, 1, 0, 0), TOP_LEFT | TOP_RIGHT | BOTTOM_RIGHT | BOTTOM_LEFT);
  });
});
