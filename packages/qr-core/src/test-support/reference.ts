/**
 * The reference encoder for the differential test: Project Nayuki's QR Code generator (the
 * `nayuki-qr-code-generator` devDependency), driven with explicit segments and options so that
 * none of its defaults (it boosts the ECL unless told not to) differ from ours silently.
 */
import * as nayuki from 'nayuki-qr-code-generator';
import type { Ecl } from '../symbol.js';

// The package is an ES module without "type": "module": Node loads it as ESM, TypeScript types
// it as CommonJS; through a namespace import both see the same `default`.
const { QrCode, QrSegment } = nayuki.default;
type NayukiSegment = InstanceType<typeof QrSegment>;
type NayukiEcc = typeof QrCode.Ecc.LOW;

/** One segment, as the reference is asked to encode it. */
export type ReferenceSegment =
  | { mode: 'numeric' | 'alphanumeric'; text: string }
  | { mode: 'byte'; data: Uint8Array }
  /** Shift JIS codes in kanji mode's ranges (nayuki has no kanji maker: the bits are built here). */
  | { mode: 'kanji'; sjisCodes: readonly number[] }
  | { mode: 'eci'; assignment: number };

export interface ReferenceOptions {
  ecl: Ecl;
  /** 1..40, default 1. */
  minVersion?: number;
  /** 1..40, default 40. */
  maxVersion?: number;
  /** 0..7; absent: the best by the penalty rules. */
  mask?: number;
  /** Default false (nayuki's own default is true). */
  boostEcl?: boolean;
}

/** What the differential test compares: the same shape as a QrSymbol's fields. */
export interface ReferenceSymbol {
  version: number;
  ecl: Ecl;
  mask: number;
  size: number;
  /** size × size, row-major, 1 = dark. */
  modules: Uint8Array;
}

const ECC = { L: QrCode.Ecc.LOW, M: QrCode.Ecc.MEDIUM, Q: QrCode.Ecc.QUARTILE, H: QrCode.Ecc.HIGH } as const;

function eclOf(ecc: NayukiEcc): Ecl {
  const ecl = (Object.keys(ECC) as Ecl[]).find((name) => ECC[name] === ecc);
  if (ecl === undefined) throw new Error(`reference returned an unknown ECL (ordinal ${ecc.ordinal})`);
  return ecl;
}

/** Kanji mode, ISO/IEC 18004:2015 §7.4.6: each Shift JIS code becomes 13 bits. */
function kanjiSegment(sjisCodes: readonly number[]): NayukiSegment {
  const bits: number[] = [];
  for (const code of sjisCodes) {
    const offset = code - (code <= 0x9ffc ? 0x8140 : 0xc140);
    const value = (offset >>> 8) * 0xc0 + (offset & 0xff);
    for (let i = 12; i >= 0; i--) bits.push((value >>> i) & 1);
  }
  return new QrSegment(QrSegment.Mode.KANJI, sjisCodes.length, bits);
}

function toNayukiSegment(segment: ReferenceSegment): NayukiSegment {
  switch (segment.mode) {
    case 'numeric':
      return QrSegment.makeNumeric(segment.text);
    case 'alphanumeric':
      return QrSegment.makeAlphanumeric(segment.text);
    case 'byte':
      return QrSegment.makeBytes(Array.from(segment.data));
    case 'kanji':
      return kanjiSegment(segment.sjisCodes);
    case 'eci':
      return QrSegment.makeEci(segment.assignment);
  }
}

/** The reference encoder's symbol for these segments; throws (nayuki's RangeError) when they do not fit. */
export function referenceSymbol(segments: readonly ReferenceSegment[], options: ReferenceOptions): ReferenceSymbol {
  const qr = QrCode.encodeSegments(
    segments.map(toNayukiSegment),
    ECC[options.ecl],
    options.minVersion ?? 1,
    options.maxVersion ?? 40,
    options.mask ?? -1,
    options.boostEcl ?? false,
  );
  const size = qr.size;
  const modules = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) modules[y * size + x] = qr.getModule(x, y) ? 1 : 0;
  }
  return { version: qr.version, ecl: eclOf(qr.errorCorrectionLevel), mask: qr.mask, size, modules };
}
