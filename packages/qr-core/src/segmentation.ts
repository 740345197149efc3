/**
 * Input → segments. Level: text/bytes → segments (see `encode.ts` for segments → symbol).
 *
 * Mode 'auto' finds the segmentation with the fewest bits (§7.4; Annex J describes a greedy heuristic,
 * which is not always optimal, so this is dynamic programming instead): for each character, the cheapest
 * way to end the prefix there in each mode, either continuing that mode's segment or starting a new one.
 * Costs are kept in sixths of a bit so that numeric (10 bits per 3 digits) and alphanumeric (11 bits per
 * 2 characters) charge a whole number per character; a segment's total, rounded up to whole bits, is its
 * true length.
 */
import { QrError, unreachable } from './errors.js';
import { kanjiValue } from './kanji.js';
import {
  countBits,
  isAlphanumericByte,
  isNumericByte,
  makeAlphanumeric,
  makeBytes,
  makeKanji,
  makeNumeric,
  toBytes,
  transientUtf8,
  type Segment,
  type StreamFormat,
} from './segments.js';

/** What the `mode` option of `encode` accepts. */
export type ModeOption = 'auto' | 'numeric' | 'alphanumeric' | 'byte' | 'kanji';

/** Data modes in the order of the dynamic programme's state arrays. */
const DP_MODES = ['numeric', 'alphanumeric', 'byte', 'kanji'] as const;
const NUMERIC = 0;
const ALPHANUMERIC = 1;
const BYTE = 2;
const KANJI = 3;

/** Cost of one character in sixths of a bit: 10/3, 11/2 and 13 bits; byte mode adds 8 bits per UTF-8 byte. */
const CHAR_COST = [20, 33, 48, 78] as const;

function roundUpToBit(sixths: number): number {
  return (((sixths + 5) / 6) | 0) * 6;
}

/** Cost of a mode a character cannot be in: far above any real cost, and still a small integer. */
const UNREACHABLE = 1 << 29;

/**
 * One step of the programme for one mode: the cheaper of continuing the mode's segment (`cost` so far plus
 * the character's) and starting a new one after the cheapest finished prefix (`startCost`, which includes
 * the header); ties continue, for fewer segments. Records the previous character's mode in `from`.
 */
function relax(from: Int8Array, at: number, mode: number, allowed: boolean, first: boolean, cost: number, charCost: number, startCost: number, endMode: number): number {
  if (!allowed) return UNREACHABLE;
  const continued = first ? UNREACHABLE : cost + charCost;
  const started = startCost + charCost;
  from[at + mode] = continued <= started ? mode : endMode;
  return Math.min(continued, started);
}

/**
 * Working arrays of the dynamic programme, grown as needed and reused (segmentation is synchronous):
 * per character its first UTF-8 byte (`starts`, one more for the end), its kanji value, and in `from`
 * for each of the four modes the mode of the previous character on the cheapest path.
 */
let scratch = newScratch(256);

function newScratch(characters: number): { starts: Int32Array; kanji: Int32Array; from: Int8Array } {
  return { starts: new Int32Array(characters + 1), kanji: new Int32Array(characters), from: new Int8Array(characters * 4) };
}

/** GS (the GS1 element separator), and '%', which stands for it in alphanumeric mode under FNC1 (§7.4.8.2). */
const GS = 0x1d;
const PERCENT = 0x25;

/**
 * Per ASCII byte, its cost in alphanumeric mode in sixths of a bit, 0 where it has none: plain, under FNC1
 * (GS is written '%', one character; '%' is written '%%', two), and for a symbol without the mode. One
 * lookup in the programme's loop, whichever applies.
 */
const ALPHANUMERIC_COSTS = Uint8Array.from({ length: 128 }, (_, byte) => (isAlphanumericByte(byte) ? CHAR_COST[ALPHANUMERIC] : 0));
const GS1_ALPHANUMERIC_COSTS = ALPHANUMERIC_COSTS.map((cost, byte) => (byte === GS ? CHAR_COST[ALPHANUMERIC] : byte === PERCENT ? 2 * cost : cost));
const NO_ALPHANUMERIC = new Uint8Array(128);

/**
 * The fewest-bits segmentation of a string for one stream format (its segments' data is only valid until the
 * next call: they are written out within the same `encode` call). The count indicators' lengths differ
 * between QR's versions 1–9, 10–26 and 27–40 (Table 3), and between every Micro QR and rMQR size, and so may
 * the best segmentation; a mode whose count has no bits there (Micro QR's M1 and M2) is not used.
 *
 * `gs1`: the text is a GS1 element string under FNC1 in first position (§7.4.8.2), where alphanumeric mode
 * writes GS as '%' and '%' as '%%'.
 *
 * Undefined when some character is in none of the format's modes (a letter in Micro QR's M1, which has only
 * numeric mode; a lower-case one in M2, which has no byte mode): the text does not fit such a symbol at all.
 */
export function optimalSegments(text: string, format: StreamFormat, kanjiAllowed = true, gs1 = false): Segment[] | undefined {
  const bytes = transientUtf8(text);
  const n = bytes.length;
  if (n === 0) return [];
  const headNumeric = (format.modeBits + countBits('numeric', format)) * 6;
  const headAlphanumeric = (format.modeBits + countBits('alphanumeric', format)) * 6;
  const headByte = (format.modeBits + countBits('byte', format)) * 6;
  const headKanji = (format.modeBits + countBits('kanji', format)) * 6;
  const hasNumeric = format.counts[0] > 0;
  const alphanumericCosts = format.counts[1] === 0 ? NO_ALPHANUMERIC : gs1 ? GS1_ALPHANUMERIC_COSTS : ALPHANUMERIC_COSTS;
  const hasByte = format.counts[2] > 0;
  const hasKanji = format.counts[3] > 0;
  if (scratch.kanji.length < n) scratch = newScratch(n);
  // Per UTF-8 character: where it starts and its kanji value (−1 if none).
  const { starts, kanji, from } = scratch;
  // Cheapest cost of the prefix ending in each mode; UNREACHABLE where the character cannot be in that mode
  // (a large small-integer rather than Infinity keeps the arithmetic in integers).
  let numeric = 0, alphanumeric = 0, byte = 0, kanjiCost = 0;
  let count = 0;
  for (let i = 0; i < n; count++) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    let value = -1;
    if (length === 2 || length === 3) {
      // Kanji-mode characters are all in the BMP: 2- or 3-byte UTF-8 sequences.
      const codeUnit = length === 2
        ? ((lead & 0x1f) << 6) | (bytes[i + 1]! & 0x3f)
        : ((lead & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      if (kanjiAllowed && hasKanji) value = kanjiValue(codeUnit);
    }
    starts[count] = i;
    kanji[count] = value;
    // The cheapest finished prefix to start a new segment after, whatever its mode (none before the first).
    let end = 0;
    let endMode = -1;
    if (count > 0) {
      end = roundUpToBit(numeric);
      endMode = NUMERIC;
      if (roundUpToBit(alphanumeric) < end) (end = roundUpToBit(alphanumeric)), (endMode = ALPHANUMERIC);
      if (roundUpToBit(byte) < end) (end = roundUpToBit(byte)), (endMode = BYTE);
      if (roundUpToBit(kanjiCost) < end) (end = roundUpToBit(kanjiCost)), (endMode = KANJI);
    }
    // Each mode: continue its segment, or start one after the cheapest end (UNREACHABLE where the
    // character cannot be in that mode). Unrolled by mode: a loop over an array of costs runs half as fast.
    const at = count * 4;
    const first = count === 0;
    const asDigit = hasNumeric && length === 1 && isNumericByte(lead);
    const alphanumericCost = length === 1 ? alphanumericCosts[lead]! : 0;
    numeric = relax(from, at, NUMERIC, asDigit, first, numeric, CHAR_COST[NUMERIC], end + headNumeric, endMode);
    alphanumeric = relax(from, at, ALPHANUMERIC, alphanumericCost > 0, first, alphanumeric, alphanumericCost, end + headAlphanumeric, endMode);
    byte = relax(from, at, BYTE, hasByte, first, byte, CHAR_COST[BYTE] * length, end + headByte, endMode);
    kanjiCost = relax(from, at, KANJI, value >= 0, first, kanjiCost, CHAR_COST[KANJI], end + headKanji, endMode);
    // Byte mode takes every character; without it (Micro QR's M1, M2) a character may fit no mode.
    if (!hasByte && numeric >= UNREACHABLE && alphanumeric >= UNREACHABLE && kanjiCost >= UNREACHABLE) return undefined;
    i += length;
  }
  starts[count] = n;
  // Walk back from the cheapest final mode, cutting a segment wherever the mode changes.
  let mode = NUMERIC;
  let best = roundUpToBit(numeric);
  if (roundUpToBit(alphanumeric) < best) (mode = ALPHANUMERIC), (best = roundUpToBit(alphanumeric));
  if (roundUpToBit(byte) < best) (mode = BYTE), (best = roundUpToBit(byte));
  if (roundUpToBit(kanjiCost) < best) mode = KANJI;
  const segments: Segment[] = [];
  let endChar = count;
  for (let c = count - 1; c >= 0; c--) {
    const previous = c > 0 ? from[c * 4 + mode]! : -1;
    if (previous !== mode) {
      segments.push(segmentOf(DP_MODES[mode]!, bytes, starts, kanji, c, endChar, gs1));
      endChar = c;
      mode = previous;
    }
  }
  return segments.reverse();
}

/** Characters [first, end) as one segment; `starts` maps characters to UTF-8 byte offsets. */
function segmentOf(
  mode: (typeof DP_MODES)[number],
  bytes: Uint8Array,
  starts: Int32Array,
  kanji: Int32Array,
  first: number,
  end: number,
  gs1: boolean,
): Segment {
  switch (mode) {
    case 'numeric':
    case 'alphanumeric':
    case 'byte': {
      const data = bytes.subarray(starts[first], starts[end]);
      return gs1 && mode === 'alphanumeric' ? gs1Alphanumeric(data) : { mode, numChars: data.length, data };
    }
    case 'kanji':
      return { mode, numChars: end - first, data: Uint16Array.from(kanji.subarray(first, end)) };
    default:
      return unreachable(mode);
  }
}

/** An alphanumeric segment of GS1 data (§7.4.8.2): GS written as '%', and '%' as '%%'. */
function gs1Alphanumeric(bytes: Uint8Array): Segment {
  const data: number[] = [];
  for (const byte of bytes) {
    if (byte === PERCENT) data.push(PERCENT, PERCENT);
    else data.push(byte === GS ? PERCENT : byte);
  }
  return makeAlphanumeric(Uint8Array.from(data));
}

function mixesKanjiWithNonAsciiBytes(segments: readonly Segment[]): boolean {
  return (
    segments.some((segment) => segment.mode === 'kanji') &&
    segments.some((segment) => segment.mode === 'byte' && Array.prototype.some.call(segment.data, (byte: number) => byte >= 0x80))
  );
}

/**
 * A lower bound on the bits of any segmentation of a string, without its headers: each character in its
 * cheapest mode (a non-ASCII one at best in kanji mode). Linear and cheap: it lets `encode` skip version
 * groups that cannot hold the data without segmenting for them.
 */
export function bitsLowerBound(text: string): number {
  let sixths = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // GS counts as alphanumeric: under FNC1 it is ('%'), and a bound may only be too low.
    sixths += unit >= 0x80 ? CHAR_COST[KANJI] : isNumericByte(unit) ? CHAR_COST[NUMERIC] : isAlphanumericByte(unit) || unit === GS ? CHAR_COST[ALPHANUMERIC] : CHAR_COST[BYTE];
  }
  return Math.floor(sixths / 6);
}

/**
 * Segments for the input in one mode, or for 'auto' the fewest-bits segmentation in a stream format,
 * with kanji mode only where `kanjiAllowed`, of GS1 data where `gs1` (see {@link optimalSegments})
 * (transient data, see {@link optimalSegments}); undefined where 'auto' finds no mode of the format for some
 * character. Raw bytes (Uint8Array) in 'auto' are one byte-mode segment: they are not text.
 */
export function makeSegments(data: string | Uint8Array, mode: ModeOption, format: StreamFormat, kanjiAllowed = true, gs1 = false): Segment[] | undefined {
  switch (mode) {
    case 'auto': {
      if (typeof data !== 'string') return [makeBytes(data)];
      const segments = optimalSegments(data, format, kanjiAllowed, gs1);
      // Without an ECI a reader guesses one charset for all byte segments, and beside kanji (Shift JIS)
      // some guess Shift JIS (zxing's Java reader does): so non-ASCII text in byte mode goes without kanji.
      return segments !== undefined && kanjiAllowed && mixesKanjiWithNonAsciiBytes(segments) ? optimalSegments(data, format, false, gs1) : segments;
    }
    case 'numeric':
      return [makeNumeric(data)];
    case 'alphanumeric':
      return [gs1 ? gs1Alphanumeric(toBytes(data)) : makeAlphanumeric(data)];
    case 'byte':
      return [makeBytes(data)];
    case 'kanji':
      if (typeof data !== 'string') {
        throw new QrError('INVALID_OPTION', "mode 'kanji' takes a string; for raw bytes use mode 'byte'");
      }
      return [makeKanji(data)];
    default:
      return unreachable(mode);
  }
}
