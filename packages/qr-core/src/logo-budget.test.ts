/**
 * The logo budget (logo-budget.ts) against a count written here from the standard alone: the
 * function patterns drawn afresh, the §7.7.3 zig-zag walked module by module, the codewords
 * numbered, the §7.6 interleaving undone into blocks, the touched codewords of each block counted —
 * for all 40 versions × 4 ECLs and several knock-outs. Then the properties of maxLogoSize, and the
 * one that matters: symbols with the largest allowed knock-out (its data modules set light) decode.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { encode } from './encode.js';
import { QrError } from './errors.js';
import { largestKnockout, logoArea, maxLogoSize, maxLogoSizeAt, touchedPerBlock } from './logo-budget.js';
import { QrSymbol, type Ecl } from './symbol.js';
import { alignmentPositions, ECLS } from './tables.js';
import { capacity } from './test-support/capacity-table.js';
import { decodeMatrix } from './test-support/decode.js';
import { randomInt, seededRandom } from './test-support/random.js';

/** Table 9, transcribed again: [ECC codewords per block, blocks] by ECL for versions 1..40. */
const TABLE_9: Record<Ecl, [number, number][]> = (() => {
  const ecc = {
    L: [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    M: [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
    Q: [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    H: [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  };
  const blocks = {
    L: [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
    M: [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
    Q: [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
    H: [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
  };
  return Object.fromEntries(ECLS.map((e) => [e, ecc[e].map((c, i) => [c, blocks[e][i]!] as [number, number])])) as Record<Ecl, [number, number][]>;
})();

/** Table 9's note: misdecode-protection codewords. */
const PROTECTION: Record<string, number> = { '1L': 3, '1M': 2, '2L': 2, '1Q': 1, '1H': 1, '3L': 1 };

/** 1 where a module is a function or format module (a fresh drawing of §6.3, §7.9.1, §7.10). */
function functionMatrix(version: number): Uint8Array {
  const size = 4 * version + 17;
  const f = new Uint8Array(size * size);
  const mark = (x: number, y: number): void => {
    if (x >= 0 && y >= 0 && x < size && y < size) f[y * size + x] = 1;
  };
  for (let i = 0; i < size; i++) {
    mark(6, i);
    mark(i, 6);
  }
  // Finders with separators (8 × 8 at each of three corners), and the format areas beside them.
  for (let i = 0; i < 8; i++) {
    for (let j = 0; j < 8; j++) {
      mark(i, j);
      mark(size - 1 - i, j);
      mark(i, size - 1 - j);
    }
  }
  for (let i = 0; i <= 8; i++) {
    mark(8, i);
    mark(i, 8);
  }
  for (let i = 0; i < 8; i++) {
    mark(size - 1 - i, 8);
    mark(8, size - 1 - i);
  }
  const centres = alignmentPositions(version);
  for (const cy of centres) {
    for (const cx of centres) {
      const near = (v: number): boolean => v < 9 || v > size - 10;
      if ((cx < 9 || cx > size - 10) && (cy < 9 || cy > size - 10) && !(cx > size - 10 && cy > size - 10) && near(cx)) continue; // on a finder
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) mark(cx + dx, cy + dy);
    }
  }
  if (version >= 7) {
    for (let a = 0; a < 6; a++) {
      for (let b = size - 11; b < size - 8; b++) {
        mark(a, b);
        mark(b, a);
      }
    }
  }
  return f;
}

/** Module → block (−1 for none), by the zig-zag of §7.7.3 and the interleaving of §7.6. */
const bruteCache = new Map<string, { block: Int32Array; codeword: Int32Array; blocks: number }>();
function bruteBlocks(version: number, ecl: Ecl): { block: Int32Array; codeword: Int32Array; blocks: number } {
  const key = `${version}${ecl}`;
  const cached = bruteCache.get(key);
  if (cached) return cached;
  const result = bruteBlocksUncached(version, ecl);
  bruteCache.set(key, result);
  return result;
}

function bruteBlocksUncached(version: number, ecl: Ecl): { block: Int32Array; codeword: Int32Array; blocks: number } {
  const size = 4 * version + 17;
  const f = functionMatrix(version);
  const [eccPerBlock, blocks] = TABLE_9[ecl][version - 1]!;
  // Data modules in order: upward and downward columns two wide, right first, skipping column 6.
  const order: number[] = [];
  let upward = true;
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right--;
    for (let k = 0; k < size; k++) {
      const y = upward ? size - 1 - k : k;
      for (const x of [right, right - 1]) if (f[y * size + x] === 0) order.push(y * size + x);
    }
    upward = !upward;
  }
  const total = Math.floor(order.length / 8);
  const dataTotal = total - eccPerBlock * blocks;
  // Block lengths: the short ones first, the long ones one data codeword more.
  const longBlocks = dataTotal % blocks;
  const shortLength = Math.floor(dataTotal / blocks);
  const lengths = Array.from({ length: blocks }, (_, b) => shortLength + (b >= blocks - longBlocks ? 1 : 0));
  const sequence: number[] = [];
  for (let i = 0; i < shortLength + 1; i++) for (let b = 0; b < blocks; b++) if (i < lengths[b]!) sequence.push(b);
  for (let i = 0; i < eccPerBlock; i++) for (let b = 0; b < blocks; b++) sequence.push(b);
  assert.equal(sequence.length, total);
  const block = new Int32Array(size * size).fill(-1);
  const codeword = new Int32Array(size * size).fill(-1);
  order.forEach((module, bit) => {
    if (bit < total * 8) {
      block[module] = sequence[bit >> 3]!;
      codeword[module] = bit >> 3;
    }
  });
  return { block, codeword, blocks };
}

function bruteCounts(version: number, ecl: Ecl, side: number): number[] {
  const size = 4 * version + 17;
  const { block, codeword, blocks } = bruteBlocks(version, ecl);
  const counts = new Array<number>(blocks).fill(0);
  const touched = new Set<number>();
  const o = (size - side) / 2;
  for (let y = o; y < o + side; y++) {
    for (let x = o; x < o + side; x++) {
      const c = codeword[y * size + x]!;
      if (c >= 0 && !touched.has(c)) {
        touched.add(c);
        counts[block[y * size + x]!]!++;
      }
    }
  }
  return counts;
}

function bruteBudget(version: number, ecl: Ecl): number {
  const e = TABLE_9[ecl][version - 1]![0];
  return Math.floor(Math.floor((e - (PROTECTION[`${version}${ecl}`] ?? 0)) / 2) / 2);
}

function bruteLargest(version: number, ecl: Ecl): number {
  const size = 4 * version + 17;
  let best = 0;
  for (let side = 1; side <= size; side += 2) {
    if (Math.max(...bruteCounts(version, ecl, side)) > bruteBudget(version, ecl)) break;
    best = side;
  }
  return best;
}

/** Where a lower ECL allows a larger knock-out than the level above it (any padding): found, and asserted as found. */
const NOT_MONOTONIC = ['11Q>H', '13Q>H', '14L>M', '15Q>H', '18Q>H', '21M>Q', '22M>Q', '23M>Q', '27M>Q', '34Q>H', '39M>Q'];

const VERSIONS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('logo budget against a brute-force count', () => {
  test('touched codewords per block, all 40 versions × 4 ECLs, several knock-outs', () => {
    for (const version of VERSIONS) {
      const size = 4 * version + 17;
      for (const ecl of ECLS) {
        for (const fraction of [0.1, 0.2, 0.3, 0.45]) {
          let side = Math.round(fraction * size);
          if (side % 2 === 0) side++;
          assert.deepEqual([...touchedPerBlock(version, ecl, side)], bruteCounts(version, ecl, side), `version ${version}-${ecl}, side ${side}`);
        }
      }
    }
  });

  test('the largest knock-out is the brute force one, and maxLogoSize follows from it', () => {
    for (const version of VERSIONS) {
      for (const ecl of ECLS) {
        const largest = bruteLargest(version, ecl);
        assert.equal(largestKnockout(version, ecl), largest, `version ${version}-${ecl}`);
        const size = 4 * version + 17;
        for (const padding of [0, 1, 2]) {
          const expected = largest - 2 * padding > 0 ? (largest - 2 * padding) / size : 0;
          assert.equal(maxLogoSizeAt(version, ecl, padding), expected, `version ${version}-${ecl} padding ${padding}`);
        }
      }
    }
  });

  test('the knock-out never hides a function module (all 40 versions)', () => {
    for (const version of VERSIONS) {
      const f = functionMatrix(version);
      const qr = encode('A', { ecl: 'H', minVersion: version });
      const side = 4 * version + 17;
      // The largest square that fits, whatever the rule: logoArea's mask is checked at H with size 1 if allowed, else the largest.
      const area = logoArea(qr, maxLogoSize(qr, { padding: 0 }) || undefined, 0);
      for (let i = 0; i < side * side; i++) {
        if (area.hidden[i] === 1) assert.equal(f[i], 0, `version ${version}: module ${i % side}, ${Math.floor(i / side)} is a function module`);
        const inside = area.hidden[i]! | area.functionInside[i]!;
        const x = i % side;
        const y = Math.floor(i / side);
        assert.equal(inside === 1, x >= area.x && y >= area.y && x < area.x + area.side && y < area.y + area.side);
        if (area.functionInside[i] === 1) assert.equal(f[i], 1);
      }
    }
  });

  test('maxLogoSize grows with the ECL (H ≥ Q ≥ M ≥ L) and one step more breaks the rule', () => {
    for (const version of VERSIONS) {
      const size = 4 * version + 17;
      for (const padding of [0, 1, 2]) {
        const sizes = ECLS.map((ecl) => maxLogoSizeAt(version, ecl, padding));
        // H always allows at least what L does; between neighbouring levels the order holds except
        // at these versions, where the centre happens to fall on fewer blocks' codewords at the lower level.
        assert.ok(sizes[3]! >= sizes[0]!, `version ${version} padding ${padding}: ${sizes.join(', ')}`);
        for (let i = 1; i < 4; i++) {
          const exception = NOT_MONOTONIC.includes(`${version}${ECLS[i - 1]}>${ECLS[i]}`);
          assert.equal(sizes[i]! < sizes[i - 1]!, exception, `version ${version} padding ${padding}: ${sizes.join(', ')}`);
        }
        for (const ecl of ECLS) {
          const qr = encode('1', { ecl, minVersion: version });
          const largest = maxLogoSize(qr, { padding });
          if (largest > 0) logoArea(qr, largest, padding); // allowed
          const above = largest > 0 ? largest + 2 / size : (1 - 2 * padding > 0 ? 1 / size : 0.5 / size);
          if (above <= 1) {
            assert.throws(() => logoArea(qr, above, padding), (error: unknown) => error instanceof QrError && error.code === 'LOGO_TOO_LARGE');
            assert.throws(() => logoArea(qr, Math.min(1, largest + 1e-6), padding), (error: unknown) => error instanceof QrError && error.code === 'LOGO_TOO_LARGE');
            // The step above: the next ring breaks the brute-force rule too.
            const side = largestKnockout(version, ecl) + 2;
            if (side <= size) assert.ok(Math.max(...bruteCounts(version, ecl, side)) > bruteBudget(version, ecl));
          }
        }
      }
    }
  });

  test('LOGO_TOO_LARGE names the largest size and ECL H', () => {
    const qr = encode('https://example.com/products/12345?ref=qr', { ecl: 'M' });
    const largest = maxLogoSize(qr);
    assert.throws(() => logoArea(qr, 0.4, 1), (error: unknown) => {
      assert.ok(error instanceof QrError && error.code === 'LOGO_TOO_LARGE');
      assert.match(error.message, new RegExp(`the largest is ${String(Math.floor(largest * 1000) / 1000).replace('.', '\\.')}`));
      assert.match(error.message, /ECL H, which allows more/);
      return true;
    });
    assert.throws(() => logoArea(qr, 0, 1), (error: unknown) => error instanceof QrError && error.code === 'INVALID_OPTION');
    assert.throws(() => maxLogoSize(qr, { padding: -1 }), (error: unknown) => error instanceof QrError && error.code === 'INVALID_OPTION');
    // The default is the smaller of 0.25 and the largest.
    const h = encode('https://example.com/products/12345?ref=qr', { ecl: 'H' });
    assert.equal(logoArea(h, undefined, 1).size, Math.min(0.25, maxLogoSize(h)));
  });
});

describe('symbols with the largest allowed logo knocked out decode with zxing', () => {
  const random = seededRandom(7);
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .:/?=&-_';
  for (const ecl of ECLS) {
    for (const version of [1, 2, 3, 4, 5, 7, 10, 15, 22, 27, 33, 40]) {
      test(`version ${version}-${ecl}`, async () => {
        const least = version === 1 ? 1 : capacity(version - 1, ecl).byte + 1;
        const length = randomInt(random, least, capacity(version, ecl).byte);
        let text = '';
        for (let i = 0; i < length; i++) text += chars[randomInt(random, 0, chars.length - 1)];
        const qr = encode(text, { ecl, mode: 'byte' });
        assert.equal(qr.version, version);
        const padding = 0;
        const largest = maxLogoSize(qr, { padding });
        if (largest === 0) return; // no logo at all: nothing to knock out
        const area = logoArea(qr, largest, padding);
        // The worst case for the symbol: every hidden module flipped against its value, not just made light.
        for (const flip of [false, true]) {
          const modules = qr.modules.slice();
          for (let i = 0; i < modules.length; i++) if (area.hidden[i] === 1) modules[i] = flip ? modules[i]! ^ 1 : 0;
          const knocked = new QrSymbol(qr.version, qr.ecl, qr.mask, modules);
          const decoded = await decodeMatrix(knocked);
          assert.equal(decoded.text, text);
        }
      });
    }
  }
});
