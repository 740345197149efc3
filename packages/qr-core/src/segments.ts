/**
 * Segments: runs of data in one mode, §7.4. Level: between text/bytes and the symbol —
 * {@link makeSegments} (in `segmentation.ts`) builds them from input, `encodeSegments` turns them into a symbol;
 * the constructors here build one segment of a given mode.
 */
import { BitWriter } from './bit-buffer.js';
import { QrError, unreachable } from './errors.js';
import { hasShiftJis, kanjiValue } from './kanji.js';

/** Data modes of §7.3 (Table 2), plus the ECI designator (§7.4.2), which is written like a segment. */
export type Mode = 'numeric' | 'alphanumeric' | 'byte' | 'kanji' | 'eci';

/**
 * One segment. `data` holds, by mode: 'numeric' and 'alphanumeric' the ASCII bytes of the characters;
 * 'byte' the bytes; 'kanji' the 13-bit kanji-mode values (§7.4.6); 'eci' one entry, the assignment number.
 * `numChars` is what the character count indicator says (0 for 'eci').
 */
export interface Segment {
  readonly mode: Mode;
  readonly numChars: number;
  readonly data: ArrayLike<number>;
}

/** The four data modes, in the order of {@link StreamFormat.counts}. */
export type DataMode = Exclude<Mode, 'eci'>;

/** Index of each data mode in {@link StreamFormat.counts} and `indicators`. */
export const DATA_MODE_INDEX: Readonly<Record<DataMode, number>> = { numeric: 0, alphanumeric: 1, byte: 2, kanji: 3 };

/**
 * How a symbol writes its bit stream: what differs between QR Code versions (Table 3), Micro QR symbols
 * (Tables 2 and 3 of §7.4) and rMQR sizes (ISO/IEC 23941 Tables 2 and 3), while the segments' data bits
 * are the same in all of them.
 */
export interface StreamFormat {
  /** Mode indicator length in bits: 4 in QR, 0–3 in Micro QR M1–M4, 3 in rMQR. */
  readonly modeBits: number;
  /** Mode indicator values for numeric, alphanumeric, byte, kanji, then ECI and FNC1 in first position (−1: none). */
  readonly indicators: readonly [number, number, number, number, number, number];
  /** Character count indicator lengths for numeric, alphanumeric, byte, kanji; 0 where the mode does not exist. */
  readonly counts: readonly [number, number, number, number];
  /** Terminator length in bits (§7.4.9): 4 in QR, 3/5/7/9 in M1–M4, 3 in rMQR. */
  readonly terminatorBits: number;
}

const ECI_INDICATOR = 4;
const FNC1_INDICATOR = 5;

/** Table 2: QR's 4-bit mode indicators (numeric 0001, alphanumeric 0010, byte 0100, kanji 1000, ECI 0111, FNC1 first 0101). */
const QR_INDICATORS = [1, 2, 4, 8, 7, 5] as const;

/** Table 3: QR's character count indicator lengths for versions 1–9, 10–26 and 27–40. */
export const QR_STREAM_FORMATS: readonly [StreamFormat, StreamFormat, StreamFormat] = [
  { modeBits: 4, indicators: QR_INDICATORS, counts: [10, 9, 8, 8], terminatorBits: 4 },
  { modeBits: 4, indicators: QR_INDICATORS, counts: [12, 11, 16, 10], terminatorBits: 4 },
  { modeBits: 4, indicators: QR_INDICATORS, counts: [14, 13, 16, 12], terminatorBits: 4 },
];

/** The character count indicator's length depends only on this group of the version: 0 (1–9), 1 (10–26), 2 (27–40). */
export function versionGroup(version: number): 0 | 1 | 2 {
  return version <= 9 ? 0 : version <= 26 ? 1 : 2;
}

/** A character count indicator's length in a stream format; 0 where the format has no such mode. */
export function countBits(mode: DataMode, format: StreamFormat): number {
  return format.counts[DATA_MODE_INDEX[mode]]!;
}

/** Table 5: the 45 characters of alphanumeric mode, in value order. */
const ALPHANUMERIC_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** Alphanumeric value of each ASCII byte, −1 where the byte is not in the set. */
const ALPHANUMERIC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHANUMERIC_CHARSET.length; i++) ALPHANUMERIC_VALUE[ALPHANUMERIC_CHARSET.charCodeAt(i)] = i;

export function isNumericByte(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

export function isAlphanumericByte(byte: number): boolean {
  return byte < 0x80 && ALPHANUMERIC_VALUE[byte]! >= 0;
}

const utf8 = new TextEncoder();

/** Input as bytes: strings are UTF-8 (§7.4.5 allows any 8-bit data; UTF-8 is what readers expect today). */
export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? utf8.encode(data) : data;
}

let utf8Buffer = new Uint8Array(1024);

/**
 * A string's UTF-8 bytes in a shared buffer, valid until the next call: for segments that are written
 * out within the same `encode` call, so that encoding allocates only its result.
 */
export function transientUtf8(text: string): Uint8Array {
  if (utf8Buffer.length < text.length * 3) utf8Buffer = new Uint8Array(text.length * 3); // UTF-8 takes ≤ 3 bytes per UTF-16 unit
  return utf8Buffer.subarray(0, utf8.encodeInto(text, utf8Buffer).written);
}

function checkBytes(data: string | Uint8Array, mode: string, accepts: (byte: number) => boolean, what: string): Uint8Array {
  const bytes = toBytes(data);
  const bad = bytes.findIndex((byte) => !accepts(byte));
  if (bad >= 0) {
    throw new QrError(
      'INVALID_DATA',
      `${mode} mode encodes only ${what}; byte ${bad} of the data is 0x${bytes[bad]!.toString(16).padStart(2, '0')}: use mode 'auto' or 'byte'`,
    );
  }
  return bytes;
}

/** A numeric-mode segment (§7.4.3): digits 0–9 only. */
export function makeNumeric(data: string | Uint8Array): Segment {
  const bytes = checkBytes(data, 'numeric', isNumericByte, 'the digits 0-9');
  return { mode: 'numeric', numChars: bytes.length, data: bytes };
}

/** An alphanumeric-mode segment (§7.4.4): 0–9, A–Z (upper case), space and $ % * + - . / : only. */
export function makeAlphanumeric(data: string | Uint8Array): Segment {
  const bytes = checkBytes(data, 'alphanumeric', isAlphanumericByte, `the characters ${ALPHANUMERIC_CHARSET}`);
  return { mode: 'alphanumeric', numChars: bytes.length, data: bytes };
}

/** A byte-mode segment (§7.4.5): a string as UTF-8, or raw bytes. */
export function makeBytes(data: string | Uint8Array): Segment {
  const bytes = toBytes(data);
  return { mode: 'byte', numChars: bytes.length, data: bytes };
}

/** A kanji-mode segment (§7.4.6): only characters of the Shift JIS double-byte ranges 0x8140–0x9FFC, 0xE040–0xEBBF. */
export function makeKanji(text: string): Segment {
  const values = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const value = kanjiValue(text.charCodeAt(i));
    if (value < 0) {
      if (!hasShiftJis()) {
        throw new QrError('INVALID_DATA', "kanji mode needs TextDecoder('shift_jis'), which this JavaScript runtime lacks: use mode 'auto' or 'byte'");
      }
      throw new QrError(
        'INVALID_DATA',
        `kanji mode encodes only Shift JIS double-byte characters; character ${i} of the data (${JSON.stringify(text[i])}) is not one: use mode 'auto' or 'byte'`,
      );
    }
    values[i] = value;
  }
  return { mode: 'kanji', numChars: values.length, data: values };
}

/** An ECI designator (§7.4.2), e.g. 26 for UTF-8: 0..999999. */
export function makeEci(assignment: number): Segment {
  if (!Number.isInteger(assignment) || assignment < 0 || assignment > 999999) {
    throw new QrError('INVALID_OPTION', `eci must be an integer 0..999999 (26 is UTF-8); got ${String(assignment)}`);
  }
  return { mode: 'eci', numChars: 0, data: [assignment] };
}

/** Bits of the data part of a segment (after the mode and count indicators), §7.4.3–§7.4.6. */
export function dataBits(mode: DataMode, numChars: number): number {
  switch (mode) {
    case 'numeric':
      return 10 * Math.floor(numChars / 3) + [0, 4, 7][numChars % 3]!;
    case 'alphanumeric':
      return 11 * (numChars >>> 1) + 6 * (numChars & 1);
    case 'byte':
      return 8 * numChars;
    case 'kanji':
      return 13 * numChars;
    default:
      return unreachable(mode);
  }
}

/** Bits of an ECI designator, Table 4: 8, 16 or 24 bits by the size of the assignment number. */
function eciDesignatorBits(assignment: number): number {
  return assignment < 1 << 7 ? 8 : assignment < 1 << 14 ? 16 : 24;
}

/**
 * Total bits of the segments in a stream format (with FNC1 in first position, `fnc1`, its mode indicator), or
 * Infinity when the format cannot write them: a count exceeds its indicator, or a mode (or ECI, or FNC1) that
 * the symbol lacks (Micro QR has no ECI or FNC1, M1 only numeric mode, M2 no byte or kanji).
 */
export function segmentsBitLength(segments: readonly Segment[], format: StreamFormat, fnc1 = false): number {
  const { modeBits, counts, indicators } = format;
  if (fnc1 && indicators[FNC1_INDICATOR]! < 0) return Infinity;
  let bits = fnc1 ? modeBits : 0;
  for (const segment of segments) {
    if (segment.mode === 'eci') {
      if (indicators[ECI_INDICATOR]! < 0) return Infinity;
      bits += modeBits + eciDesignatorBits(segment.data[0]!);
      continue;
    }
    const count = counts[DATA_MODE_INDEX[segment.mode]]!;
    if (count === 0 || segment.numChars >= 1 << count) return Infinity;
    bits += modeBits + count + dataBits(segment.mode, segment.numChars);
  }
  return bits;
}

/**
 * Writes the segments' bit stream (§7.4.1: mode indicator, count, data, for each), after the FNC1 in first
 * position mode indicator when `fnc1` (§7.4.8.2). Only for segments that {@link segmentsBitLength} measured finite.
 */
export function writeSegments(writer: BitWriter, segments: readonly Segment[], format: StreamFormat, fnc1 = false): void {
  const { modeBits, indicators, counts } = format;
  if (fnc1) writer.write(indicators[FNC1_INDICATOR]!, modeBits);
  for (const { mode, numChars, data } of segments) {
    writer.write(indicators[mode === 'eci' ? ECI_INDICATOR : DATA_MODE_INDEX[mode]]!, modeBits);
    switch (mode) {
      case 'eci': {
        const assignment = data[0]!;
        const bits = eciDesignatorBits(assignment);
        // Table 4: 0xxxxxxx, 10xxxxxx xxxxxxxx, 110xxxxx xxxxxxxx xxxxxxxx.
        writer.write(bits === 8 ? assignment : bits === 16 ? 0x8000 | assignment : 0xc00000 | assignment, bits);
        break;
      }
      case 'numeric': {
        writer.write(numChars, counts[DATA_MODE_INDEX[mode]]!);
        let i = 0;
        for (; i + 3 <= numChars; i += 3) {
          writer.write((data[i]! - 48) * 100 + (data[i + 1]! - 48) * 10 + (data[i + 2]! - 48), 10);
        }
        if (numChars - i === 2) writer.write((data[i]! - 48) * 10 + (data[i + 1]! - 48), 7);
        else if (numChars - i === 1) writer.write(data[i]! - 48, 4);
        break;
      }
      case 'alphanumeric': {
        writer.write(numChars, counts[DATA_MODE_INDEX[mode]]!);
        let i = 0;
        for (; i + 2 <= numChars; i += 2) {
          writer.write(ALPHANUMERIC_VALUE[data[i]!]! * 45 + ALPHANUMERIC_VALUE[data[i + 1]!]!, 11);
        }
        if (i < numChars) writer.write(ALPHANUMERIC_VALUE[data[i]!]!, 6);
        break;
      }
      case 'byte': {
        writer.write(numChars, counts[DATA_MODE_INDEX[mode]]!);
        for (let i = 0; i < numChars; i++) writer.write(data[i]!, 8);
        break;
      }
      case 'kanji': {
        writer.write(numChars, counts[DATA_MODE_INDEX[mode]]!);
        for (let i = 0; i < numChars; i++) writer.write(data[i]!, 13);
        break;
      }
      default:
        unreachable(mode);
    }
  }
}
