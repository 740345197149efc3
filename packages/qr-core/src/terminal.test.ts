import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { encode } from './encode.js';
import { QrError } from './errors.js';
import { QrSymbol } from './symbol.js';
import { toTerminal, type TerminalOptions } from './terminal.js';
import { seededRandom } from './test-support/random.js';

/** Ink in the top and bottom half of each glyph. */
const HALVES: Record<string, [number, number]> = { ' ': [0, 0], '▀': [1, 0], '▄': [0, 1], '█': [1, 1] };

/** Reads the half blocks back into a grid of inked cells, `side` wide and one row per half line. */
function decodeHalfBlocks(text: string, side: number): number[][] {
  const lines = text.split('\n');
  assert.equal(lines.length, Math.ceil(side / 2), 'two module rows per line');
  const rows: number[][] = [];
  for (const [n, line] of lines.entries()) {
    const glyphs = [...line];
    assert.equal(glyphs.length, side, `line ${n} is ${side} characters`);
    const top: number[] = [];
    const bottom: number[] = [];
    for (const glyph of glyphs) {
      const halves = HALVES[glyph];
      assert.ok(halves, `unexpected character ${JSON.stringify(glyph)} on line ${n}`);
      top.push(halves[0]);
      bottom.push(halves[1]);
    }
    rows.push(top, bottom);
  }
  return rows;
}

function assertRendering(qr: QrSymbol, options: TerminalOptions = {}): void {
  const margin = options.margin ?? 4;
  const side = qr.size + 2 * margin;
  const rows = decodeHalfBlocks(toTerminal(qr, options), side);
  const inkDark = options.invert === true;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const want = qr.get(x - margin, y - margin) === inkDark ? 1 : 0;
      assert.equal(rows[y]![x], want, `cell (${x}, ${y})`);
    }
  }
  // The side is odd, so the last line's lower half lies below the image: terminal background.
  assert.ok(rows[side]!.every((ink) => ink === 0), 'nothing drawn below the image');
}

function randomSymbol(version: number, seed: number): QrSymbol {
  const size = version * 4 + 17;
  const random = seededRandom(seed);
  return new QrSymbol(version, 'M', 0, Uint8Array.from({ length: size * size }, () => (random() < 0.5 ? 1 : 0)));
}

describe('toTerminal', () => {
  test('default: the glyphs draw the light modules and the quiet zone (dark terminals)', () => {
    assertRendering(encode('https://example.com'));
    assertRendering(randomSymbol(7, 1));
    // The quiet zone's top rows are solid blocks.
    assert.match(toTerminal(encode('hello')), /^█{29}\n█{29}\n/);
  });

  test('invert: the glyphs draw the dark modules (light terminals)', () => {
    assertRendering(encode('https://example.com'), { invert: true });
    assertRendering(randomSymbol(3, 2), { invert: true, margin: 1 });
    assert.match(toTerminal(encode('hello'), { invert: true }), /^ {29}\n {29}\n/);
  });

  test('margin 0 and the largest symbol', () => {
    assertRendering(randomSymbol(1, 3), { margin: 0 });
    assertRendering(randomSymbol(40, 4), { margin: 2 });
  });

  test('bad options are INVALID_OPTION errors that name the option', () => {
    const qr = randomSymbol(1, 5);
    for (const [options, message] of [
      [{ margin: 100 }, /^margin must be an integer from 0 to 64; got 100$/],
      [{ invert: 'yes' as unknown as boolean }, /^invert must be true or false; got "yes"$/],
      [null as unknown as TerminalOptions, /^options must be an object; got null$/],
    ] as const) {
      assert.throws(() => toTerminal(qr, options), (error: unknown) => error instanceof QrError && error.code === 'INVALID_OPTION' && message.test(error.message));
    }
  });
});
