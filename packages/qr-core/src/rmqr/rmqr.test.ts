/**
 * rMQR tables, format information, function grid and placement, against the standard's published numbers and
 * against Debian's zint (`zint -b 145 --dump`, the reference matrices of issue 13) at every size × ECL.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DARK, DATA, LIGHT } from '../function-grid.js';
import { maskPatternsOf } from '../mask.js';
import { placementOrder } from '../placement.js';
import { reedSolomonRemainder } from '../reed-solomon.js';
import { zintMatrix as zint } from '../test-support/zint.js';
import { RMQR } from './rmqr.js';
import { RMQR_FORMAT_MASK_FINDER, RMQR_FORMAT_MASK_SUB_FINDER, rmqrFormatBits } from './rmqr-format.js';
import { rmqrFunctionGrid } from './rmqr-layout.js';
import { RMQR_SIZES, RMQR_SIZE_COUNT, rmqrDesignator, rmqrSizeIndex, type RmqrEcl } from './rmqr-sizes.js';
import {
  RMQR_MODE_BITS,
  RMQR_MODE_INDICATOR,
  rmqrAlignmentColumns,
  rmqrBlockStructure,
  rmqrCountBits,
  rmqrDataCodewords,
  rmqrRemainderBits,
  rmqrTotalCodewords,
  type RmqrDataMode,
} from './rmqr-tables.js';

const ECLS: readonly RmqrEcl[] = ['M', 'H'];
const INDICES = Array.from({ length: RMQR_SIZE_COUNT }, (_, i) => i);

describe('rMQR tables', () => {
  it('lists the 32 sizes in the standard order, the index being the format indicator', () => {
    assert.equal(RMQR_SIZES.length, 32);
    assert.deepEqual(RMQR_SIZES.slice(0, 6), [
      { height: 7, width: 43 }, { height: 7, width: 59 }, { height: 7, width: 77 }, { height: 7, width: 99 }, { height: 7, width: 139 },
      { height: 9, width: 43 },
    ]);
    assert.deepEqual(RMQR_SIZES[10], { height: 11, width: 27 });
    assert.deepEqual(RMQR_SIZES[16], { height: 13, width: 27 });
    assert.deepEqual(RMQR_SIZES[22], { height: 15, width: 43 });
    assert.deepEqual(RMQR_SIZES[31], { height: 17, width: 139 });
    assert.equal(rmqrDesignator(19, 'M'), 'R13x77-M');
    assert.equal(rmqrDesignator(0, 'H'), 'R7x43-H');
    assert.equal(rmqrSizeIndex(13, 77), 19);
    assert.equal(rmqrSizeIndex(7, 27), -1);
    assert.throws(() => rmqrDataCodewords(32, 'M'), RangeError);
  });

  it("has the standard's published capacities (Table 6 data codewords, Table 1 totals)", () => {
    // [index, M, H]: the edges of the table and a few between.
    for (const [index, m, h] of [[0, 6, 3], [4, 44, 24], [10, 7, 5], [16, 12, 7], [19, 53, 29], [26, 127, 69], [31, 152, 76]] as const) {
      assert.equal(rmqrDataCodewords(index, 'M'), m, rmqrDesignator(index, 'M'));
      assert.equal(rmqrDataCodewords(index, 'H'), h, rmqrDesignator(index, 'H'));
    }
    assert.equal(rmqrTotalCodewords(0), 13);
    assert.equal(rmqrTotalCodewords(31), 232);
  });

  it('every size and ECL: total codewords = data + blocks × EC codewords per block, the blocks filled exactly', () => {
    for (const index of INDICES) {
      for (const ecl of ECLS) {
        const s = rmqrBlockStructure(index, ecl);
        const data = rmqrDataCodewords(index, ecl);
        const name = rmqrDesignator(index, ecl);
        assert.equal(s.total, rmqrTotalCodewords(index), name);
        assert.ok(Number.isInteger(s.eccLength) && s.eccLength > 0 && s.eccLength <= 30, `${name}: ${s.eccLength} EC codewords per block`);
        assert.equal(s.total, data + s.blocks * s.eccLength, name);
        assert.ok(s.shortBlocks >= 1 && s.shortBlocks <= s.blocks, name);
        assert.equal(s.shortData * s.blocks + (s.blocks - s.shortBlocks), data, name);
      }
      assert.ok(rmqrDataCodewords(index, 'H') < rmqrDataCodewords(index, 'M'));
    }
  });

  it('has Table 3 count indicator lengths and Table 2 mode indicators', () => {
    const row = (index: number): number[] => (['numeric', 'alphanumeric', 'byte', 'kanji'] as const).map((mode) => rmqrCountBits(mode, index));
    assert.deepEqual(row(0), [4, 3, 3, 2]);
    assert.deepEqual(row(10), [4, 4, 3, 2]);
    assert.deepEqual(row(19), [7, 7, 6, 6]);
    assert.deepEqual(row(31), [9, 8, 8, 7]);
    assert.equal(RMQR_MODE_BITS, 3);
    assert.deepEqual(
      { ...RMQR_MODE_INDICATOR },
      { terminator: 0, numeric: 1, alphanumeric: 2, byte: 3, kanji: 4, fnc1First: 5, fnc1Second: 6, eci: 7 },
    );
    assert.deepEqual(rmqrAlignmentColumns(10), []);
    assert.deepEqual(rmqrAlignmentColumns(31), [27, 55, 83, 111]);
  });
});

describe('rMQR format information', () => {
  it('matches Annex C words at the ends of the table', () => {
    assert.deepEqual(rmqrFormatBits('M', 0), [RMQR_FORMAT_MASK_FINDER, RMQR_FORMAT_MASK_SUB_FINDER]);
    assert.deepEqual(rmqrFormatBits('M', 1), [0x1e597, 0x2155e]);
    assert.deepEqual(rmqrFormatBits('M', 31), [0x008e2, 0x3f82b]);
    assert.deepEqual(rmqrFormatBits('H', 0), [0x3f367, 0x003ae]);
    assert.deepEqual(rmqrFormatBits('H', 31), [0x20137, 0x1f1fe]);
    assert.throws(() => rmqrFormatBits('M', 32), RangeError);
  });

  it('all 64 words per side are distinct, at BCH distance ≥ 8 from each other', () => {
    for (const side of [0, 1] as const) {
      const words = ECLS.flatMap((ecl) => INDICES.map((index) => rmqrFormatBits(ecl, index)[side]));
      for (let a = 0; a < words.length; a++) {
        for (let b = a + 1; b < words.length; b++) {
          let diff = words[a]! ^ words[b]!;
          let distance = 0;
          for (; diff !== 0; diff &= diff - 1) distance++;
          assert.ok(distance >= 8, `words ${a} and ${b}: distance ${distance}`);
        }
      }
    }
  });
});

/** zint's modules of one symbol, true = dark. */
function zintMatrix(index: number, ecl: RmqrEcl, data: string): boolean[][] {
  return zint(['-b', '145', `--vers=${index + 1}`, `--secure=${ecl === 'M' ? 2 : 4}`], data, RMQR_SIZES[index]!.width);
}

/**
 * The cells (y × width + x) of the encoding region in the shared placement order (placement.ts), and whether
 * rMQR's one mask (Table 10's condition 4, rmqr.ts) inverts each: the pipeline's own, read against zint's symbols.
 */
function placementCells(index: number): { order: number[]; inverted: (cell: number) => boolean } {
  const layout = RMQR.layout(index + 1);
  const { width, words } = layout;
  const toCell = (position: number): number => {
    const y = Math.floor((position >>> 5) / words);
    return y * width + (((position >>> 5) - y * words) << 5) + (position & 31);
  };
  const pattern = maskPatternsOf(layout).rows[RMQR.maskConditions[0]!]!;
  return {
    order: Array.from(placementOrder(layout), toCell),
    inverted: (cell) => ((pattern[Math.floor(cell / width) * words + ((cell % width) >>> 5)]! >>> (cell % width & 31)) & 1) === 1,
  };
}

/** One character per data mode, and the bits of its data (§7.4: a digit is 4 bits, an alphanumeric 6, a byte 8, a kanji 13). */
const SAMPLES: readonly (readonly [RmqrDataMode, string, number])[] = [
  ['numeric', '1', 4],
  ['alphanumeric', 'A', 6],
  ['byte', 'a', 8],
  ['kanji', '点', 13],
];

describe('rMQR function grid and placement against zint', () => {
  for (const index of INDICES) {
    const grid = rmqrFunctionGrid(index);
    const { width, height, cells, formatCopies } = grid;

    it(`R${RMQR_SIZES[index]!.height}x${RMQR_SIZES[index]!.width}: DATA cells = 8 × total codewords + remainder bits`, () => {
      assert.equal(width, RMQR_SIZES[index]!.width);
      assert.equal(height, RMQR_SIZES[index]!.height);
      assert.equal(cells.length, width * height);
      const dataCells = cells.reduce((n, cell) => n + (cell === DATA ? 1 : 0), 0);
      assert.equal(dataCells, rmqrTotalCodewords(index) * 8 + rmqrRemainderBits(index));
      assert.equal(formatCopies.length, 2);
      for (const copy of formatCopies) {
        assert.equal(copy.length, 18);
        for (const [x, y] of copy) assert.equal(cells[y * width + x], LIGHT, `format module (${x}, ${y}) reserved light`);
      }
      assert.equal(new Set(formatCopies.flat().map(([x, y]) => y * width + x)).size, 36, 'the 36 format modules are distinct');
      assert.equal(placementCells(index).order.length, dataCells);
      assert.equal(rmqrFunctionGrid(index), grid, 'cached');
    });

    for (const ecl of ECLS) {
      it(`${rmqrDesignator(index, ecl)}: function modules, format, placement, mask, blocks and count indicators equal zint's`, () => {
        const formatModule = new Map<number, boolean>();
        rmqrFormatBits(ecl, index).forEach((word, side) => {
          formatCopies[side]!.forEach(([x, y], bit) => formatModule.set(y * width + x, ((word >>> bit) & 1) === 1));
        });
        const { order, inverted } = placementCells(index);
        const structure = rmqrBlockStructure(index, ecl);
        const { blocks, eccLength, total, shortBlocks, shortData } = structure;

        for (const [mode, sample, sampleBits] of SAMPLES) {
          const zint = zintMatrix(index, ecl, sample);
          const name = `${rmqrDesignator(index, ecl)} ${mode}`;
          assert.equal(zint.length, height, name);
          for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
              const cell = cells[y * width + x]!;
              const expected = formatModule.get(y * width + x) ?? (cell === DATA ? undefined : cell === DARK);
              if (expected !== undefined) assert.equal(zint[y]![x], expected, `${name}: module (${x}, ${y})`);
            }
          }

          // Read zint's codewords back through our placement order and mask.
          const bits = order.map((cell): number => (zint[Math.floor(cell / width)]![cell % width]! !== inverted(cell) ? 1 : 0));
          // Remainder bits are 0 before masking (§7.7.3), as in QR.
          for (let i = total * 8; i < bits.length; i++) assert.equal(bits[i], 0, `${name}: remainder bit ${i - total * 8}`);
          const codewords = Uint8Array.from({ length: total }, (_, i) => bits.slice(i * 8, i * 8 + 8).reduce((byte, bit) => (byte << 1) | bit, 0));

          // De-interleave as QR does (§7.6): data codeword i of every block that has one, then the EC codewords.
          const blockData = Array.from({ length: blocks }, () => [] as number[]);
          const blockEcc = Array.from({ length: blocks }, () => [] as number[]);
          let position = 0;
          for (let i = 0; i <= shortData; i++) {
            for (let b = i < shortData ? 0 : shortBlocks; b < blocks; b++) blockData[b]!.push(codewords[position++]!);
          }
          for (let i = 0; i < eccLength; i++) {
            for (let b = 0; b < blocks; b++) blockEcc[b]!.push(codewords[position++]!);
          }
          const ecc = new Uint8Array(eccLength);
          blockData.forEach((data, b) => {
            reedSolomonRemainder(Uint8Array.from(data), 0, data.length, eccLength, ecc, 0);
            assert.deepEqual([...ecc], blockEcc[b], `${name}: block ${b} of ${blocks} is a Reed-Solomon codeword`);
          });

          // The data bit stream: mode indicator, count indicator (one character), its data bits, the terminator, pad codewords.
          const stream = blockData.flat().flatMap((byte) => [7, 6, 5, 4, 3, 2, 1, 0].map((shift) => (byte >>> shift) & 1));
          const read = (start: number, length: number): number => stream.slice(start, start + length).reduce((v, bit) => (v << 1) | bit, 0);
          const countBits = rmqrCountBits(mode, index);
          assert.equal(read(0, RMQR_MODE_BITS), RMQR_MODE_INDICATOR[mode], `${name}: mode indicator`);
          assert.equal(read(RMQR_MODE_BITS, countBits), 1, `${name}: ${countBits}-bit character count`);
          const end = RMQR_MODE_BITS + countBits + sampleBits;
          assert.equal(read(end, Math.min(RMQR_MODE_BITS, stream.length - end)), RMQR_MODE_INDICATOR.terminator, `${name}: terminator`);
          const padStart = Math.ceil(Math.min(end + RMQR_MODE_BITS, stream.length) / 8);
          for (let i = padStart; i < rmqrDataCodewords(index, ecl); i++) {
            assert.equal(read(i * 8, 8), (i - padStart) % 2 === 0 ? 0xec : 0x11, `${name}: pad codeword ${i}`);
          }
        }
      });
    }
  }
});
