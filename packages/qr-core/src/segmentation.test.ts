import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { kanjiValue } from './kanji.js';
import { makeSegments, optimalSegments } from './segmentation.js';
import { countBits, dataBits, isAlphanumericByte, isNumericByte, QR_STREAM_FORMATS, segmentsBitLength, type Mode } from './segments.js';
import { seededRandom } from './test-support/random.js';

const modesOf = (text: string, group: 0 | 1 | 2 = 0): string =>
  optimalSegments(text, QR_STREAM_FORMATS[group])!.map((segment) => `${segment.mode}:${segment.numChars}`).join(' ');

test('one mode when one mode is cheapest', () => {
  assert.equal(modesOf('0123456789'), 'numeric:10');
  assert.equal(modesOf('HELLO WORLD'), 'alphanumeric:11');
  assert.equal(modesOf('hello world'), 'byte:11');
  assert.equal(modesOf('点茗'), 'kanji:2');
  assert.equal(modesOf(''), '');
});

test('mixes modes where that is shorter: "ORDER-000123456789 ref abc"', () => {
  // Alphanumeric for the code, numeric for the long digit run, byte for the lower-case tail.
  assert.equal(modesOf('ORDER-000123456789 ref abc'), 'alphanumeric:6 numeric:12 byte:8');
});

test('a short digit run inside text stays in byte mode (a switch costs more than it saves)', () => {
  assert.equal(modesOf('abc123def'), 'byte:9');
});

test('the count indicators of larger versions change the best split (Table 3)', () => {
  const text = `${'a'.repeat(20)}${'1'.repeat(7)}${'b'.repeat(20)}`;
  assert.equal(modesOf(text, 0), 'byte:20 numeric:7 byte:20');
  assert.equal(modesOf(text, 2), 'byte:47');
});

/** All mode assignments by brute force (each character in any mode it allows), for short strings. */
function bruteForceBits(text: string, group: 0 | 1 | 2): number {
  const chars = [...text];
  const allowed = chars.map((char) => {
    const bytes = new TextEncoder().encode(char);
    const modes: Exclude<Mode, 'eci'>[] = ['byte'];
    if (bytes.length === 1 && isNumericByte(bytes[0]!)) modes.push('numeric');
    if (bytes.length === 1 && isAlphanumericByte(bytes[0]!)) modes.push('alphanumeric');
    if (char.length === 1 && kanjiValue(char.charCodeAt(0)) >= 0) modes.push('kanji');
    return { modes, bytes: bytes.length };
  });
  let best = Infinity;
  const walk = (i: number, bits: number, mode: Exclude<Mode, 'eci'> | undefined, run: number, runBytes: number): void => {
    const close = (): number => (mode === undefined ? 0 : 4 + countBits(mode, QR_STREAM_FORMATS[group]) + dataBits(mode, mode === 'byte' ? runBytes : run));
    if (i === chars.length) {
      best = Math.min(best, bits + close());
      return;
    }
    for (const next of allowed[i]!.modes) {
      if (next === mode) walk(i + 1, bits, mode, run + 1, runBytes + allowed[i]!.bytes);
      else walk(i + 1, bits + close(), next, 1, allowed[i]!.bytes);
    }
  };
  walk(0, 0, undefined, 0, 0);
  return best;
}

test('the dynamic programme finds the fewest bits: equal to brute force on random short strings', () => {
  const random = seededRandom(0x5e600001);
  const alphabet = ['0', '1', '7', 'A', 'Z', ' ', ':', 'a', 'z', 'é', '点', '茗', 'ア', '😀'];
  for (let trial = 0; trial < 300; trial++) {
    const length = 1 + Math.floor(random() * 9);
    const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (const group of [0, 1, 2] as const) {
      assert.equal(segmentsBitLength(optimalSegments(text, QR_STREAM_FORMATS[group])!, QR_STREAM_FORMATS[group]), bruteForceBits(text, group), `${JSON.stringify(text)} group ${group}`);
    }
  }
});

test("'auto' keeps kanji mode away from byte segments that hold non-ASCII text (one charset for a reader to guess)", () => {
  const modes = (text: string): string[] => makeSegments(text, 'auto', QR_STREAM_FORMATS[0])!.map((segment) => segment.mode);
  assert.deepEqual(modes('点茗点茗 and ascii'), ['kanji', 'byte']);
  assert.deepEqual(modes('点茗点茗 and é'), ['byte']);
  assert.ok(makeSegments('点茗点茗 and é', 'auto', QR_STREAM_FORMATS[0], false)!.every((segment) => segment.mode !== 'kanji'));
});

test('forced modes reject data they cannot hold, and name what to do', () => {
  assert.throws(() => makeSegments('12a', 'numeric', QR_STREAM_FORMATS[0]), { code: 'INVALID_DATA', message: /numeric mode encodes only the digits 0-9; byte 2 .*0x61.*'auto' or 'byte'/ });
  assert.throws(() => makeSegments('abc', 'alphanumeric', QR_STREAM_FORMATS[0]), { code: 'INVALID_DATA', message: /alphanumeric mode/ });
  assert.throws(() => makeSegments('a', 'kanji', QR_STREAM_FORMATS[0]), { code: 'INVALID_DATA', message: /kanji mode encodes only Shift JIS/ });
  assert.throws(() => makeSegments(new Uint8Array([1]), 'kanji', QR_STREAM_FORMATS[0]), { code: 'INVALID_OPTION' });
  assert.equal(makeSegments(new Uint8Array([0x30, 0x31]), 'auto', QR_STREAM_FORMATS[0])![0]!.mode, 'byte', 'raw bytes are not text');
});

test('§7.4.6 examples: kanji-mode values of 点 (0x935F) and 茗 (0xE4AA)', () => {
  assert.equal(kanjiValue('点'.charCodeAt(0)), 0xd9f);
  assert.equal(kanjiValue('茗'.charCodeAt(0)), 0x1aaa);
  assert.equal(kanjiValue('a'.charCodeAt(0)), -1);
  assert.equal(kanjiValue('é'.charCodeAt(0)), -1);
  assert.ok(kanjiValue('α'.charCodeAt(0)) >= 0, 'JIS X 0208 has Greek, so kanji mode does too');
});
