/**
 * Text or bytes → symbol, and segments → symbol. Levels:
 * - {@link encode}: the usual entry; picks modes (see `segmentation.ts`), version, ECL boost and mask.
 * - {@link encodeSegments}: the same from segments built by hand (`makeNumeric`, `makeBytes`, … in `segments.ts`).
 * Renderers (`toSVG`, `toPNG`, `toTerminal`) take the {@link QrSymbol} either returns.
 */
import { assert, QrError } from './errors.js';
import { checkOptionsObject, choiceOption, integerOption } from './options.js';
import { dataCodewordsOf, interleavedCodewords } from './codewords.js';
import { layoutOf, writeFormat } from './matrix.js';
import { applyMask, maskPatternsOf, penaltyScore } from './mask.js';
import { placeCodewords, transpose } from './placement.js';
import { bitsLowerBound, makeSegments, type ModeOption } from './segmentation.js';
import { dataBits, countBits, makeEci, segmentsBitLength, versionGroup, type Segment } from './segments.js';
import { PackedRows, QrSymbol, type Ecl } from './symbol.js';
import { dataCodewords, DEFAULT_ECL, ECLS, MAX_VERSION, MIN_VERSION } from './tables.js';

/** Options of {@link encodeSegments}. */
export interface SymbolOptions {
  /** Error correction level: 'L' (~7 %), 'M' (~15 %, the default), 'Q' (~25 %), 'H' (~30 %). */
  ecl?: Ecl;
  /** Smallest version to use, 1..40 (default 1). */
  minVersion?: number;
  /** Largest version to use, 1..40 (default 40). */
  maxVersion?: number;
  /** Force a mask pattern 0..7; by default the one with the lowest penalty (§7.8.3). */
  mask?: number;
  /** Raise the ECL as far as the data still fits in the chosen version (default false). */
  boostEcl?: boolean;
}

/** Options of {@link encode}. */
export interface EncodeOptions extends SymbolOptions {
  /** 'auto' (default): the fewest-bits mix of all modes; or one mode for the whole input. */
  mode?: ModeOption;
  /** Prefix an ECI designator (§7.4.2), e.g. 26 to declare UTF-8. */
  eci?: number;
}

interface Normalised {
  ecl: Ecl;
  minVersion: number;
  maxVersion: number;
  mask: number;
  boostEcl: boolean;
}

function normalise(options: SymbolOptions): Normalised {
  checkOptionsObject(options);
  const minVersion = integerOption('minVersion', options.minVersion, MIN_VERSION, MAX_VERSION, MIN_VERSION);
  const maxVersion = integerOption('maxVersion', options.maxVersion, MIN_VERSION, MAX_VERSION, MAX_VERSION);
  if (minVersion > maxVersion) {
    throw new QrError('INVALID_OPTION', `minVersion (${minVersion}) must not exceed maxVersion (${maxVersion})`);
  }
  return {
    ecl: choiceOption('ecl', options.ecl, ECLS, DEFAULT_ECL),
    minVersion,
    maxVersion,
    mask: integerOption('mask', options.mask, 0, 7, -1), // −1: choose the best
    boostEcl: choiceOption('boostEcl', options.boostEcl, [true, false], false),
  };
}

const MODES: readonly ModeOption[] = ['auto', 'numeric', 'alphanumeric', 'byte', 'kanji'];

/**
 * Encodes text (as UTF-8 where byte mode is used) or raw bytes into a QR Code symbol.
 * Level: text/bytes → symbol. See {@link encodeSegments} for segments → symbol.
 *
 * @throws QrError 'DATA_TOO_LONG' when no allowed version holds the data, 'INVALID_OPTION' for a bad option,
 *   'INVALID_DATA' when the data does not fit the forced `mode`.
 */
export function encode(data: string | Uint8Array, options: EncodeOptions = {}): QrSymbol {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    throw new QrError('INVALID_DATA', `data must be a string or a Uint8Array; got ${data === null ? 'null' : typeof data}`);
  }
  const settings = normalise(options);
  const mode = choiceOption('mode', options.mode, MODES, 'auto');
  const eci = options.eci;
  const prefix = eci === undefined ? [] : [makeEci(eci)];
  // Kanji mode is Shift JIS, the default interpretation (ECI 20, §7.4.2); readers such as zxing-cpp read it in
  // the charset of an ECI in effect instead, so 'auto' keeps to the other modes under any other ECI.
  const kanjiAllowed = eci === undefined || eci === 20;
  // Only 'auto' can depend on the version group (the count indicators' lengths differ, Table 3).
  const byGroup: (Segment[] | undefined)[] = [];
  const segmentsFor = (group: 0 | 1 | 2): Segment[] =>
    (byGroup[group] ??= mode === 'auto' || group === 0 || byGroup[0] === undefined
      ? [...prefix, ...makeSegments(data, mode, group, kanjiAllowed)]
      : byGroup[0]);
  return build(segmentsFor, settings, mode === 'auto' && typeof data === 'string' ? bitsLowerBound(data) : 0);
}

/**
 * Encodes segments built by hand into a QR Code symbol, in the order given.
 * Level: segments → symbol. See {@link encode} for text/bytes → symbol.
 */
export function encodeSegments(segments: readonly Segment[], options: SymbolOptions = {}): QrSymbol {
  if (!Array.isArray(segments)) throw new QrError('INVALID_OPTION', 'segments must be an array of segments (see makeNumeric, makeBytes, …)');
  return build(() => segments, normalise(options));
}

/** The last version of each group of Table 3 (versions 1–9, 10–26, 27–40). */
const GROUP_LAST_VERSION = [9, 26, 40] as const;

/** `lowerBound`: bits the data needs at least, if known, so that versions too small for it are skipped unsegmented. */
function build(segmentsFor: (group: 0 | 1 | 2) => readonly Segment[], settings: Normalised, lowerBound = 0): QrSymbol {
  const { minVersion, maxVersion, boostEcl } = settings;
  let { ecl } = settings;
  // The smallest version that holds the data, straight from the capacities (no trial encoding).
  let version = 0;
  let segments: readonly Segment[] = [];
  let bits = Infinity;
  for (let v = minVersion, previousGroup = -1; v <= maxVersion; v++) {
    const group = versionGroup(v);
    if (group !== previousGroup) {
      previousGroup = group;
      // Longer count indicators never make a segmentation shorter, so the bits of a lower group are a
      // lower bound here too: skip the whole group, without segmenting, when its largest version is too small.
      const lastOfGroup = Math.min(maxVersion, GROUP_LAST_VERSION[group]);
      if (Math.max(lowerBound, Number.isFinite(bits) ? bits : 0) > dataCodewords(lastOfGroup, ecl) * 8) {
        v = lastOfGroup;
        continue;
      }
      segments = segmentsFor(group);
      bits = segmentsBitLength(segments, group);
    }
    if (bits <= dataCodewords(v, ecl) * 8) {
      version = v;
      break;
    }
  }
  if (version === 0) {
    const group = versionGroup(maxVersion);
    segments = segmentsFor(group);
    throw tooLong(segments, segmentsBitLength(segments, group), ecl, maxVersion);
  }
  if (boostEcl) {
    for (const stronger of ECLS.slice(ECLS.indexOf(ecl) + 1)) if (bits <= dataCodewords(version, stronger) * 8) ecl = stronger;
  }
  const codewords = interleavedCodewords(dataCodewordsOf(segments, bits, version, ecl), version, ecl);
  return drawSymbol(version, ecl, codewords, settings.mask);
}

const UNITS = { numeric: 'digits', alphanumeric: 'characters', byte: 'bytes', kanji: 'characters' } as const;

/** The most characters of one mode that fit a version and ECL (Table 7, derived from the codeword counts). */
function capacity(mode: keyof typeof UNITS, version: number, ecl: Ecl): number {
  const available = dataCodewords(version, ecl) * 8 - 4 - countBits(mode, versionGroup(version));
  let chars = Math.floor(available / ({ numeric: 10 / 3, alphanumeric: 5.5, byte: 8, kanji: 13 } as const)[mode]);
  while (dataBits(mode, chars + 1) <= available) chars++;
  while (chars > 0 && dataBits(mode, chars) > available) chars--;
  return Math.min(chars, (1 << countBits(mode, versionGroup(version))) - 1);
}

function tooLong(segments: readonly Segment[], bits: number, ecl: Ecl, maxVersion: number): QrError {
  const where = `at ECL ${ecl} a QR code${maxVersion < MAX_VERSION ? ` up to version ${maxVersion}` : ''}`;
  const advice = [
    'shorten the data',
    ...(ecl !== 'L' ? ["choose a lower ECL ('L' holds the most)"] : []),
    ...(maxVersion < MAX_VERSION ? ['allow a larger maxVersion'] : []),
  ].join(', or ');
  const dataSegments = segments.filter((segment) => segment.mode !== 'eci');
  const only = dataSegments.length === 1 ? dataSegments[0]!.mode : undefined;
  if (only !== undefined && only !== 'eci') {
    const given = dataSegments[0]!.numChars;
    return new QrError(
      'DATA_TOO_LONG',
      `data is ${given} ${UNITS[only]}; ${where} holds at most ${capacity(only, maxVersion, ecl)} ${UNITS[only]} in ${only} mode: ${advice}`,
    );
  }
  const needed = Number.isFinite(bits) ? `${bits} bits` : 'more characters than a segment can count';
  return new QrError(
    'DATA_TOO_LONG',
    `data needs ${needed}; ${where} holds at most ${dataCodewords(maxVersion, ecl) * 8} bits (${capacity('byte', maxVersion, ecl)} bytes in byte mode): ${advice}`,
  );
}

/**
 * Codewords → symbol: places the codewords (§7.7.3), then applies the forced mask or the one with the
 * lowest penalty (§7.8.3; ties go to the lower mask number), with the format information written in (§7.9).
 */
function drawSymbol(version: number, ecl: Ecl, codewords: Uint8Array, forcedMask: number): QrSymbol {
  const layout = layoutOf(version);
  const { size, words } = layout;
  const patterns = maskPatternsOf(layout);
  const { rows, cols, maskedRows, maskedCols } = (workspaces[version] ??= newWorkspace(layout.functionRows.length));
  placeCodewords(layout, codewords, rows);
  transpose(rows, cols, size, words);

  let mask = forcedMask;
  if (mask < 0) {
    let best = Infinity;
    for (let candidate = 0; candidate < 8; candidate++) {
      applyMask(patterns, candidate, rows, cols, maskedRows, maskedCols);
      writeFormat(layout, ecl, candidate, maskedRows, maskedCols);
      const score = penaltyScore(maskedRows, maskedCols, size, words, best);
      if (score < best) {
        best = score;
        mask = candidate;
      }
    }
  }
  applyMask(patterns, mask, rows, cols, maskedRows, maskedCols);
  writeFormat(layout, ecl, mask, maskedRows, maskedCols);
  const symbol = new QrSymbol(version, ecl, mask, new PackedRows(maskedRows.slice()));
  assert(symbol.get(8, size - 8), 'the dark module is dark');
  return symbol;
}

/** Packed working copies of a symbol: unmasked and masked, by row and by column. */
interface Workspace {
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly maskedRows: Int32Array;
  readonly maskedCols: Int32Array;
}

/** One workspace per version, reused: encoding is synchronous, so no two calls share one at a time. */
const workspaces: (Workspace | undefined)[] = [];

function newWorkspace(length: number): Workspace {
  const buffer = new Int32Array(length * 4);
  return {
    rows: buffer.subarray(0, length),
    cols: buffer.subarray(length, 2 * length),
    maskedRows: buffer.subarray(2 * length, 3 * length),
    maskedCols: buffer.subarray(3 * length),
  };
}
