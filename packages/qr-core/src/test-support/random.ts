/**
 * Seeded random inputs for the differential, round-trip and capacity tests, so that a failure
 * names a seed and reproduces exactly (set QR_TEST_SEED to replay one).
 */

/** A uniform float in [0, 1). */
export type Random = () => number;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast and good enough to spread test
 * inputs; not for anything that needs unpredictability.
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The seed of a test run: QR_TEST_SEED when set (to replay a failure), else a fixed default. */
export function testSeed(fallback: number): number {
  const fromEnv = process.env['QR_TEST_SEED'];
  if (fromEnv === undefined || fromEnv === '') return fallback;
  const seed = Number(fromEnv);
  if (!Number.isInteger(seed)) throw new Error(`QR_TEST_SEED must be an integer, got "${fromEnv}"`);
  return seed;
}

/** An integer in lo..hi, both included. */
export function randomInt(random: Random, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

/** `length` characters drawn from `alphabet` (a list of characters, each possibly several UTF-16 units). */
export function randomString(random: Random, alphabet: readonly string[], length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, alphabet);
  return text;
}

export function randomBytes(random: Random, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

function charRange(first: string, last: string): string[] {
  const chars: string[] = [];
  for (let c = first.codePointAt(0)!; c <= last.codePointAt(0)!; c++) chars.push(String.fromCodePoint(c));
  return chars;
}

/** Numeric mode's character set, ISO/IEC 18004:2015 §7.4.3. */
export const DIGITS: readonly string[] = charRange('0', '9');

/** Alphanumeric mode's 45 characters, ISO/IEC 18004:2015 §7.4.4 Table 5. */
export const ALPHANUMERIC: readonly string[] = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'];

/** Alphanumeric mode's characters without the digits: text with no run for a numeric segment to take. */
export const ALPHANUMERIC_LETTERS: readonly string[] = ALPHANUMERIC.filter((char) => !DIGITS.includes(char));

/** Lower-case letters, space and punctuation: text for which one byte segment is the cheapest encoding. */
export const LOWERCASE_TEXT: readonly string[] = [...charRange('a', 'z'), ' ', ',', '.', '!', '?'];

/** Printable ASCII (0x20..0x7E). */
export const PRINTABLE_ASCII: readonly string[] = charRange(' ', '~');

/**
 * Characters from across Unicode that take 2, 3 and 4 UTF-8 bytes: Latin-1 accents, Greek,
 * Cyrillic, Arabic, Hangul, CJK, emoji (outside the BMP: surrogate pairs) and one ZWJ sequence.
 */
export const UNICODE_TEXT: readonly string[] = [
  ...PRINTABLE_ASCII,
  ...charRange('à', 'ÿ'),
  ...charRange('α', 'ω'),
  ...charRange('а', 'я'),
  ...charRange('ا', 'ي'),
  ...charRange('가', '갯'),
  ...charRange('中', '丯'),
  ...charRange('😀', '😏'),
  '🚀',
  '🇯🇵',
  '👩‍💻',
];

/**
 * Non-ASCII text of which no character is in Shift JIS (no Greek, Cyrillic, CJK or ÷), so that
 * one byte segment is the cheapest encoding of it: lower-case ASCII, Latin-1 accents, Hangul, emoji.
 */
export const UTF8_OUTSIDE_SHIFT_JIS: readonly string[] = [
  ...LOWERCASE_TEXT,
  ...charRange('à', 'ÿ').filter((char) => char !== '÷'),
  ...charRange('가', '갯'),
  ...charRange('😀', '😏'),
];

const utf8 = new TextEncoder();

/**
 * Text from `alphabet` whose UTF-8 form is at most `maxBytes` (≥ 1) long and within 4 bytes of it;
 * never empty (`alphabet` must hold an ASCII character).
 */
export function randomTextOfBytes(random: Random, alphabet: readonly string[], maxBytes: number): string {
  let text = '';
  let bytes = 0;
  for (;;) {
    const char = pick(random, alphabet);
    const length = utf8.encode(char).length;
    if (bytes + length > maxBytes) {
      if (maxBytes - bytes < 4 && text !== '') return text;
      continue;
    }
    text += char;
    bytes += length;
  }
}

/** Runs that different modes encode best, to be mixed: digits, upper case, lower case, kanji, emoji. */
const MIXED_RUNS: readonly ((random: Random) => string)[] = [
  (random) => randomString(random, DIGITS, randomInt(random, 1, 30)),
  (random) => randomString(random, ALPHANUMERIC_LETTERS, randomInt(random, 1, 20)),
  (random) => randomString(random, LOWERCASE_TEXT, randomInt(random, 1, 20)),
  (random) => randomKanji(random, randomInt(random, 1, 10)).text,
  (random) => randomString(random, UNICODE_TEXT, randomInt(random, 1, 5)),
];

/**
 * Text like "ORDER-000123456789 ref abc": random runs of digits, upper case, lower case, kanji
 * and other Unicode, so that the cheapest encoding mixes modes; UTF-8 form at most `maxBytes` (≥ 1).
 */
export function randomMixedText(random: Random, maxBytes: number): string {
  let text = '';
  let bytes = 0;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const run = pick(random, MIXED_RUNS)(random);
    const length = utf8.encode(run).length;
    if (bytes + length <= maxBytes) {
      text += run;
      bytes += length;
    }
  }
  return text === '' ? randomString(random, DIGITS, maxBytes) : text;
}

/** Kanji mode's two ranges of Shift JIS codes, ISO/IEC 18004:2015 §7.4.6. */
export const KANJI_CODE_RANGES: readonly (readonly [number, number])[] = [
  [0x8140, 0x9ffc],
  [0xe040, 0xebbf],
];

/** A string of kanji-mode characters and the Shift JIS code of each. */
export interface KanjiText {
  text: string;
  sjisCodes: number[];
}

let commonKanji: { chars: string[]; codes: number[] } | undefined;

/**
 * JIS X 0208's hiragana, katakana and level-1 kanji (lead bytes 0x82, 0x83, 0x88..0x98): each
 * has exactly one Shift JIS code, which every decoder knows. Built from the platform's
 * Shift JIS decoder, so that the test keeps no table of its own.
 */
function commonKanjiSet(): { chars: string[]; codes: number[] } {
  if (commonKanji) return commonKanji;
  const decoder = new TextDecoder('shift_jis', { fatal: true });
  const chars: string[] = [];
  const codes: number[] = [];
  for (const lead of [0x82, 0x83, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f, 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98]) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      let char: string;
      try {
        char = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue; // unassigned code
      }
      chars.push(char);
      codes.push((lead << 8) | trail);
    }
  }
  commonKanji = { chars, codes };
  return commonKanji;
}

export function randomKanji(random: Random, length: number): KanjiText {
  const { chars, codes } = commonKanjiSet();
  let text = '';
  const sjisCodes: number[] = [];
  for (let i = 0; i < length; i++) {
    const k = Math.floor(random() * chars.length);
    text += chars[k]!;
    sjisCodes.push(codes[k]!);
  }
  return { text, sjisCodes };
}
