/**
 * The encoder: text or bytes → symbol, and segments → symbol, for the symbologies of a {@link Family}. The
 * public functions bind it to one: `encode.ts` to all three and GS1, `encode-qr.ts` to QR Code alone, so that
 * a bundle that makes QR codes only does not carry the others (issue 11's budgets).
 * - {@link encodeIn}: picks modes (see `segmentation.ts`), version, ECL boost and mask.
 * - {@link encodeSegmentsIn}: the same from segments built by hand (`makeNumeric`, `makeBytes`, … in `segments.ts`).
 * Renderers (`toSVG`, `toPNG`, `toTerminal`) take the {@link QrSymbol} either returns.
 */
import { assert, QrError } from './errors.js';
import { checkOptionsObject, choiceOption, integerOption } from './options.js';
import { closeHalfCodeword, dataCodewordsOf, interleavedCodewords } from './codewords.js';
import { writeFormat } from './matrix.js';
import { applyMask, applyMaskToRows, maskPatternsOf } from './mask.js';
import { placeCodewords, transpose } from './placement.js';
import { bitsLowerBound, makeSegments, type ModeOption } from './segmentation.js';
import { countBits, dataBits, makeEci, segmentsBitLength, type DataMode, type Segment, type StreamFormat } from './segments.js';
import { SYMBOL_SHAPES, SYMBOLOGIES, type SymbologyName } from './symbol-shapes.js';
import type { Symbology } from './symbology.js';
import { PackedRows, QrSymbol, type Ecl } from './symbol.js';
import { DEFAULT_ECL, ECL_INDEX } from './tables.js';

type SegmentsFor = (format: StreamFormat) => readonly Segment[] | undefined;

/** The symbologies an encoder makes, and its GS1 front end (element string → the characters after FNC1), if any. */
export interface Family {
  readonly symbologies: Partial<Readonly<Record<SymbologyName, Symbology>>>;
  readonly gs1?: (elementString: string) => string;
  /** What to use instead, for the message when an option asks for something the family lacks. */
  readonly instead: string;
}

/** Options of {@link encodeSegments}. */
export interface SymbolOptions {
  /** 'qr' (default): QR Code Model 2; 'micro': Micro QR M1–M4; 'rmqr': rectangular Micro QR (ISO/IEC 23941). */
  symbology?: SymbologyName;
  /**
   * Error correction level: 'L' (~7 %), 'M' (~15 %, the default), 'Q' (~25 %), 'H' (~30 %).
   * Micro QR has L, M (M2–M4) and Q (M4 only; M1 detects errors only and counts as L); rMQR has M and H.
   */
  ecl?: Ecl;
  /** Smallest version to use (default the smallest): QR 1..40, Micro QR 1..4 (M1..M4), rMQR 1..32 (R7x43..R17x139). */
  minVersion?: number;
  /** Largest version to use (default the largest), in the same numbering. */
  maxVersion?: number;
  /** rMQR: the most modules down (7..17): `maxHeight: 9` keeps to R7 and R9 sizes. */
  maxHeight?: number;
  /** rMQR: the most modules across (27..139). */
  maxWidth?: number;
  /** Force a mask pattern (QR 0..7, Micro QR 0..3); by default the best by the symbology's rule (§7.8.3). */
  mask?: number;
  /** Raise the ECL as far as the data still fits in the chosen version (default false). */
  boostEcl?: boolean;
}

/** Options of {@link encode}. */
export interface EncodeOptions extends SymbolOptions {
  /** 'auto' (default): the fewest-bits mix of all modes; or one mode for the whole input. */
  mode?: ModeOption;
  /** Prefix an ECI designator (§7.4.2), e.g. 26 to declare UTF-8. QR only: Micro QR and rMQR have none. */
  eci?: number;
  /**
   * The data is a GS1 element string, `(01)09506000134352(17)201225(10)ABC1` or with GS between elements,
   * encoded with FNC1 in first position (§7.4.8.2); QR and rMQR only (Micro QR has no FNC1).
   */
  gs1?: boolean;
}

interface Normalised {
  spec: Symbology;
  ecl: Ecl;
  /** The versions to try, in order: the first that holds the data is used. */
  candidates: Candidates;
  /** Whether the candidates are cut short of the symbology's largest (for the message when nothing fits). */
  bounded: boolean;
  mask: number;
  boostEcl: boolean;
}

function normalise(family: Family, options: SymbolOptions): Normalised {
  checkOptionsObject(options);
  const name = choiceOption('symbology', options.symbology, SYMBOLOGIES, 'qr');
  const spec = family.symbologies[name];
  if (spec === undefined) throw new QrError('INVALID_OPTION', `this encoder makes no ${SYMBOL_SHAPES[name].called.replace(/^an? /, '')}s: ${family.instead}`);
  const { minVersion: first, maxVersion: last } = spec;
  const minVersion = integerOption('minVersion', options.minVersion, first, last, first);
  const maxVersion = integerOption('maxVersion', options.maxVersion, first, last, last);
  if (minVersion > maxVersion) {
    throw new QrError('INVALID_OPTION', `minVersion (${minVersion}) must not exceed maxVersion (${maxVersion})`);
  }
  const ecl = choiceOption('ecl', options.ecl, spec.ecls, DEFAULT_ECL);
  const bounds = options.maxHeight !== undefined || options.maxWidth !== undefined;
  if (bounds && name !== 'rmqr') throw new QrError('INVALID_OPTION', `maxHeight and maxWidth bound rMQR symbols; ${spec.called} is square: use maxVersion`);
  // Unbounded: rMQR's largest, and for the square symbologies no bound at all.
  const maxHeight = integerOption('maxHeight', options.maxHeight, 7, 17, name === 'rmqr' ? 17 : Infinity);
  const maxWidth = integerOption('maxWidth', options.maxWidth, 27, 139, name === 'rmqr' ? 139 : Infinity);
  const candidates = candidatesOf(spec, ecl, minVersion, maxVersion, maxHeight, maxWidth);
  if (candidates.versions.length === 0) {
    if (bounds) throw new QrError('INVALID_OPTION', `no rMQR size is at most ${maxHeight} modules high and ${maxWidth} wide: the narrowest is R11x27 and R13x27, the others are at least 43 wide`);
    // Micro QR only: the versions allowed lack the level (Table 13).
    let from = first;
    while (spec.dataBits(from, ecl) < 0) from++;
    throw new QrError('INVALID_OPTION', `${spec.called} has ECL ${ecl} only from ${spec.versionName(from)}: allow maxVersion ${from} or choose a lower ECL`);
  }
  const bounded = maxVersion < last || bounds;
  return {
    spec,
    ecl,
    candidates,
    bounded,
    mask: integerOption('mask', options.mask, 0, spec.maskConditions.length - 1, -1), // −1: choose the best
    boostEcl: choiceOption('boostEcl', options.boostEcl, [true, false], false),
  };
}

/**
 * The versions to try, in order, with what the search for the first that holds the data reads of each:
 * its stream format, its capacity in bits, and the run of candidates after it with the same stream format
 * (where it ends, and the most any of them holds).
 */
interface Candidates {
  readonly versions: readonly number[];
  readonly formats: readonly StreamFormat[];
  readonly bits: Int32Array;
  readonly runEnd: Int32Array;
  readonly runBits: Int32Array;
}

/**
 * The candidate lists made so far, by symbology, then by ECL and bounds as one number (a string key would
 * cost as much as the rest of a small symbol's encoding): made once, as every `encode` needs one.
 */
const candidateLists: Partial<Record<SymbologyName, Map<number, Candidates>>> = {};

/**
 * The versions in minVersion..maxVersion that have the ECL (rMQR: within maxHeight × maxWidth), in the order
 * tried: ascending, and for rMQR the smallest area first (ties: the lower, then the narrower), so that the
 * default is the most compact label.
 */
function candidatesOf(spec: Symbology, ecl: Ecl, minVersion: number, maxVersion: number, maxHeight: number, maxWidth: number): Candidates {
  // Versions ≤ 40, heights ≤ 17, widths ≤ 139; the square symbologies' unbounded Infinity counts as 0.
  const height = Number.isFinite(maxHeight) ? maxHeight : 0;
  const width = Number.isFinite(maxWidth) ? maxWidth : 0;
  const key = (((ECL_INDEX[ecl] * 41 + minVersion) * 41 + maxVersion) * 18 + height) * 140 + width;
  const lists = (candidateLists[spec.name] ??= new Map());
  let candidates = lists.get(key);
  if (candidates === undefined) {
    const versions: number[] = [];
    for (let v = minVersion; v <= maxVersion; v++) {
      if (spec.dataBits(v, ecl) >= 0 && spec.height(v) <= maxHeight && spec.width(v) <= maxWidth) versions.push(v);
    }
    if (spec.name === 'rmqr') versions.sort((a, b) => spec.width(a) * spec.height(a) - spec.width(b) * spec.height(b) || spec.height(a) - spec.height(b));
    const formats = versions.map((v) => spec.streamFormat(v));
    const bits = Int32Array.from(versions, (v) => spec.dataBits(v, ecl));
    const runEnd = new Int32Array(versions.length);
    const runBits = new Int32Array(versions.length);
    for (let i = versions.length - 1; i >= 0; i--) {
      const continues = i + 1 < versions.length && formats[i + 1] === formats[i];
      runEnd[i] = continues ? runEnd[i + 1]! : i;
      runBits[i] = continues ? Math.max(bits[i]!, runBits[i + 1]!) : bits[i]!;
    }
    candidates = Object.freeze({ versions: Object.freeze(versions), formats: Object.freeze(formats), bits, runEnd, runBits });
    lists.set(key, candidates);
  }
  return candidates;
}

const MODES: readonly ModeOption[] = ['auto', 'numeric', 'alphanumeric', 'byte', 'kanji'];

/** Text or bytes → a symbol of the family (see `encode` in encode.ts for the contract). */
export function encodeIn(family: Family, data: string | Uint8Array, options: EncodeOptions): QrSymbol {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    throw new QrError('INVALID_DATA', `data must be a string or a Uint8Array; got ${data === null ? 'null' : typeof data}`);
  }
  const settings = normalise(family, options);
  const { name } = settings.spec;
  const mode = choiceOption('mode', options.mode, MODES, 'auto');
  const eci = options.eci;
  const gs1 = choiceOption('gs1', options.gs1, [true, false], false);
  if (eci !== undefined && name !== 'qr') throw new QrError('INVALID_OPTION', `${settings.spec.called} has no ECI (§7.4.2 is QR's): leave out eci`);
  if (gs1) {
    if (name === 'micro') throw new QrError('INVALID_OPTION', "Micro QR has no FNC1 mode, so no GS1 data: use symbology 'qr' or 'rmqr'");
    if (eci !== undefined) throw new QrError('INVALID_OPTION', 'GS1 element strings are in their own character set: leave out eci');
    if (typeof data !== 'string') throw new QrError('INVALID_DATA', 'gs1 data must be a string: the element string, e.g. (01)09506000134352(10)ABC1');
    if (family.gs1 === undefined) throw new QrError('INVALID_OPTION', `this encoder reads no GS1 element strings: ${family.instead}`);
    data = family.gs1(data);
  }
  const text = data;
  const prefix = eci === undefined ? [] : [makeEci(eci)];
  // Kanji mode is Shift JIS, the default interpretation (ECI 20, §7.4.2); readers such as zxing-cpp read it in
  // the charset of an ECI in effect instead, so 'auto' keeps to the other modes under any other ECI.
  const kanjiAllowed = eci === undefined || eci === 20;
  // Only 'auto' can depend on the stream format (the count indicators' lengths, Table 3); one mode is one segment.
  let fixed: Segment[] | undefined;
  const segmentsFor = (format: StreamFormat): readonly Segment[] | undefined => {
    if (mode !== 'auto' && fixed !== undefined) return fixed;
    const segments = makeSegments(text, mode, format, kanjiAllowed, gs1);
    if (segments === undefined) return undefined;
    const all = [...prefix, ...segments];
    if (mode !== 'auto') fixed = all;
    return all;
  };
  return build(segmentsFor, settings, gs1, mode === 'auto' && typeof text === 'string' ? bitsLowerBound(text) : 0);
}

/** Segments built by hand → a symbol of the family, in the order given. */
export function encodeSegmentsIn(family: Family, segments: readonly Segment[], options: SymbolOptions): QrSymbol {
  if (!Array.isArray(segments)) throw new QrError('INVALID_OPTION', 'segments must be an array of segments (see makeNumeric, makeBytes, …)');
  return build(() => segments, normalise(family, options), false);
}

/**
 * `segmentsFor`: the segments in a stream format, undefined where the format has no mode for some character.
 * `fnc1`: FNC1 in first position (GS1). `lowerBound`: bits the data needs at least, if known, so that versions
 * too small for it are skipped unsegmented.
 */
function build(segmentsFor: SegmentsFor, settings: Normalised, fnc1: boolean, lowerBound = 0): QrSymbol {
  const { spec, candidates, boostEcl } = settings;
  let { ecl } = settings;
  // The first candidate that holds the data, straight from the capacities (no trial encoding).
  let version = 0;
  let segments: readonly Segment[] = [];
  let bits = Infinity;
  let format: StreamFormat | undefined;
  const { versions, formats, runEnd, runBits } = candidates;
  for (let i = 0; i < versions.length; i++) {
    if (formats[i] !== format) {
      format = formats[i]!;
      // Longer count indicators never make a segmentation shorter, so the bits of an earlier format are a
      // lower bound here too: skip the run of candidates that share this format, without segmenting, when
      // none of them is large enough (QR: a whole group of Table 3's versions).
      if (Math.max(lowerBound, Number.isFinite(bits) ? bits : 0) > runBits[i]!) {
        i = runEnd[i]!;
        continue;
      }
      const made = segmentsFor(format);
      segments = made ?? [];
      bits = made === undefined ? Infinity : segmentsBitLength(made, format, fnc1);
    }
    if (bits <= candidates.bits[i]!) {
      version = versions[i]!;
      break;
    }
  }
  if (version === 0) throw tooLong(spec, segmentsFor, settings, fnc1);
  if (boostEcl) {
    for (const stronger of spec.ecls.slice(spec.ecls.indexOf(ecl) + 1)) if (bits <= spec.dataBits(version, stronger)) ecl = stronger;
  }
  const capacityBits = spec.dataBits(version, ecl);
  // `format` is the chosen version's: the loop stopped there.
  const data = dataCodewordsOf(segments, bits, format!, capacityBits, fnc1);
  const codewords = interleavedCodewords(data, spec.blocks(version, ecl));
  if (capacityBits % 8 !== 0) closeHalfCodeword(codewords, data.length);
  return drawSymbol(spec, version, ecl, codewords, settings.mask);
}

const UNITS = { numeric: 'digits', alphanumeric: 'characters', byte: 'bytes', kanji: 'characters' } as const;

/** The most characters of one mode that the largest symbol the options allow holds (see `capacityOf` in encode.ts). */
export function capacityIn(family: Family, mode: DataMode, options: SymbolOptions & { gs1?: boolean }): number {
  const settings = normalise(family, options);
  const { spec, ecl, candidates } = settings;
  const fnc1 = choiceOption('gs1', options.gs1, [true, false], false);
  const dataMode = choiceOption('mode', mode, ['numeric', 'alphanumeric', 'byte', 'kanji'] as const);
  return Math.max(...candidates.versions.map((v) => capacity(dataMode, spec, v, ecl, fnc1)));
}

/** The most characters of one mode that fit a version and ECL (Table 7, derived from the capacities); 0 where the mode does not exist. */
function capacity(mode: DataMode, spec: Symbology, version: number, ecl: Ecl, fnc1: boolean): number {
  const format = spec.streamFormat(version);
  const count = countBits(mode, format);
  if (count === 0) return 0;
  const available = spec.dataBits(version, ecl) - format.modeBits * (fnc1 ? 2 : 1) - count;
  let chars = Math.floor(available / ({ numeric: 10 / 3, alphanumeric: 5.5, byte: 8, kanji: 13 } as const)[mode]);
  while (dataBits(mode, chars + 1) <= available) chars++;
  while (chars > 0 && dataBits(mode, chars) > available) chars--;
  return Math.min(chars, (1 << count) - 1);
}

function tooLong(spec: Symbology, segmentsFor: SegmentsFor, settings: Normalised, fnc1: boolean): QrError {
  const { ecl, candidates, bounded } = settings;
  // The candidate that holds the most: the largest version (rMQR: the largest area allowed).
  const largest = candidates.versions.reduce((a, b) => (spec.dataBits(b, ecl) > spec.dataBits(a, ecl) ? b : a));
  const format = spec.streamFormat(largest);
  const made = segmentsFor(format);
  const where = `at ECL ${ecl} ${spec.called}${bounded ? ` up to ${spec.versionName(largest)}` : ''}`;
  const weaker = spec.ecls.indexOf(ecl) > 0 ? [`choose a lower ECL ('${spec.ecls[0]}' holds the most)`] : [];
  const larger = bounded ? [spec.name === 'rmqr' ? 'allow a larger maxHeight, maxWidth or maxVersion' : 'allow a larger maxVersion'] : [];
  const other = spec.name === 'qr' ? [] : ["use symbology 'qr', which holds more"];
  if (made === undefined) {
    // Only Micro QR below M3 lacks modes (Tables 2 and 3): M1 has digits only, M2 digits and alphanumeric characters.
    return new QrError('DATA_TOO_LONG', `${spec.called} up to ${spec.versionName(largest)} has no mode for some characters of the data (M1 holds digits only, M2 digits and A-Z 0-9 space $ % * + - . / :): ${[...larger, ...other].join(', or ')}`);
  }
  const segments = made;
  const bits = segmentsBitLength(segments, format, fnc1);
  const advice = ['shorten the data', ...weaker, ...larger, ...other].join(', or ');
  const dataSegments = segments.filter((segment) => segment.mode !== 'eci');
  const only = dataSegments.length === 1 ? dataSegments[0]!.mode : undefined;
  if (only !== undefined && only !== 'eci') {
    const given = dataSegments[0]!.numChars;
    return new QrError(
      'DATA_TOO_LONG',
      `data is ${given} ${UNITS[only]}; ${where} holds at most ${capacity(only, spec, largest, ecl, fnc1)} ${UNITS[only]} in ${only} mode: ${advice}`,
    );
  }
  const needed = Number.isFinite(bits) ? `${bits} bits` : 'more characters than a segment can count';
  const bytes = capacity('byte', spec, largest, ecl, fnc1);
  return new QrError(
    'DATA_TOO_LONG',
    `data needs ${needed}; ${where} holds at most ${spec.dataBits(largest, ecl)} bits${bytes > 0 ? ` (${bytes} bytes in byte mode)` : ''}: ${advice}`,
  );
}

/**
 * Codewords → symbol: places the codewords (§7.7.3), then applies the forced mask or the best by the
 * symbology's rule (QR: the lowest penalty, §7.8.3; Micro QR: the highest edge score, §7.8.3.2; rMQR has
 * one mask), ties going to the lower mask number, with the format information written in (§7.9).
 */
function drawSymbol(spec: Symbology, version: number, ecl: Ecl, codewords: Uint8Array, forcedMask: number): QrSymbol {
  const layout = spec.layout(version);
  const { width, words } = layout;
  const { needsColumns, maskConditions } = spec;
  const patterns = maskPatternsOf(layout);
  const { rows, cols, maskedRows, maskedCols } = (workspaces[layout.key] ??= newWorkspace(layout.functionRows.length, needsColumns));
  placeCodewords(layout, codewords, rows);
  if (needsColumns) transpose(rows, cols, width, words);
  const formatCols = needsColumns ? maskedCols : undefined;

  let mask = forcedMask < 0 && maskConditions.length === 1 ? 0 : forcedMask;
  if (mask < 0) {
    let best = Infinity;
    for (let candidate = 0; candidate < maskConditions.length; candidate++) {
      if (needsColumns) applyMask(patterns, maskConditions[candidate]!, rows, cols, maskedRows, maskedCols);
      else applyMaskToRows(patterns, maskConditions[candidate]!, rows, maskedRows);
      writeFormat(layout, spec.formatValues(version, ecl, candidate), maskedRows, formatCols);
      const score = spec.maskScore(layout, maskedRows, maskedCols, best);
      if (score < best) {
        best = score;
        mask = candidate;
      }
    }
  }
  // The chosen mask again (the last candidate tried is not always the best): the same two steps.
  if (needsColumns) applyMask(patterns, maskConditions[mask]!, rows, cols, maskedRows, maskedCols);
  else applyMaskToRows(patterns, maskConditions[mask]!, rows, maskedRows);
  writeFormat(layout, spec.formatValues(version, ecl, mask), maskedRows, formatCols);
  const symbol = new QrSymbol(version, ecl, mask, new PackedRows(maskedRows.slice()), spec.name);
  assert(spec.name !== 'qr' || symbol.get(8, width - 8), 'the dark module is dark');
  return symbol;
}

/** Packed working copies of a symbol: unmasked and masked, by row and by column. */
interface Workspace {
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly maskedRows: Int32Array;
  readonly maskedCols: Int32Array;
}

/** One workspace per layout, reused: encoding is synchronous, so no two calls share one at a time. */
const workspaces: (Workspace | undefined)[] = [];

/** Columns only for a square symbol whose mask choice reads them (QR): the same length as the rows. */
function newWorkspace(length: number, columns: boolean): Workspace {
  const buffer = new Int32Array(length * (columns ? 4 : 2));
  return {
    rows: buffer.subarray(0, length),
    maskedRows: buffer.subarray(length, 2 * length),
    cols: buffer.subarray(2 * length, columns ? 3 * length : 2 * length),
    maskedCols: buffer.subarray(columns ? 3 * length : 2 * length),
  };
}
