/**
 * What a symbol of each symbology is from outside: its versions, ECLs, masks, size in modules and names.
 * `QrSymbol` checks and describes itself with these alone, so that a bundle that draws QR codes only does not
 * carry the other symbologies' encoders (`symbology.ts`, `micro/`, `rmqr/` add those).
 */
import { RMQR_SIZES, rmqrDesignator, type RmqrEcl } from './rmqr/rmqr-sizes.js';
import type { Ecl } from './symbol.js';
import { ECLS, MAX_VERSION, MIN_VERSION } from './tables.js';

/** The QR family members qr-core makes: QR Code Model 2, Micro QR (ISO/IEC 18004:2015) and rMQR (ISO/IEC 23941:2022). */
export type SymbologyName = 'qr' | 'micro' | 'rmqr';

export const SYMBOLOGIES: readonly SymbologyName[] = Object.freeze(['qr', 'micro', 'rmqr'] as const);

export interface SymbolShape {
  readonly name: SymbologyName;
  /** What a message calls one symbol: 'a QR code', 'a Micro QR symbol', 'an rMQR symbol'. */
  readonly called: string;
  readonly minVersion: number;
  readonly maxVersion: number;
  /** The ECLs it has, weakest first (Micro QR's not at every version: {@link hasEcl}). */
  readonly ecls: readonly Ecl[];
  /** Whether a version has an ECL. */
  hasEcl(version: number, ecl: Ecl): boolean;
  /** Its number of data mask patterns: QR 8 (§7.8.2), Micro QR 4, rMQR 1. */
  readonly masks: number;
  /** Modules across and down. */
  width(version: number): number;
  height(version: number): number;
  /** The designator of a symbol: '3-M', 'M2-L', 'R13x77-M'. */
  designator(version: number, ecl: Ecl): string;
  /** What a version is called in a message: 'version 5', 'M3', 'R13x77'. */
  versionName(version: number): string;
}

const qrSide = (version: number): number => version * 4 + 17;
/** Table 13: the ECLs of M1..M4 (M1 detects errors only, which qr-core reports as 'L'). */
const MICRO_ECLS: readonly (readonly Ecl[])[] = [[], ['L'], ['L', 'M'], ['L', 'M'], ['L', 'M', 'Q']];
const microSide = (version: number): number => version * 2 + 9;
const rmqrSize = (version: number) => RMQR_SIZES[version - 1]!;

export const SYMBOL_SHAPES: Readonly<Record<SymbologyName, SymbolShape>> = Object.freeze({
  qr: Object.freeze({
    name: 'qr',
    called: 'a QR code',
    minVersion: MIN_VERSION,
    maxVersion: MAX_VERSION,
    ecls: ECLS,
    hasEcl: () => true,
    masks: 8,
    width: qrSide,
    height: qrSide,
    designator: (version: number, ecl: Ecl) => `${version}-${ecl}`,
    versionName: (version: number) => `version ${version}`,
  }),
  micro: Object.freeze({
    name: 'micro',
    called: 'a Micro QR symbol',
    minVersion: 1,
    maxVersion: 4,
    ecls: Object.freeze(['L', 'M', 'Q'] as const),
    hasEcl: (version: number, ecl: Ecl) => MICRO_ECLS[version]!.includes(ecl),
    masks: 4,
    width: microSide,
    height: microSide,
    designator: (version: number, ecl: Ecl) => (version === 1 ? 'M1' : `M${version}-${ecl}`),
    versionName: (version: number) => `M${version}`,
  }),
  rmqr: Object.freeze({
    name: 'rmqr',
    called: 'an rMQR symbol',
    minVersion: 1,
    maxVersion: RMQR_SIZES.length,
    ecls: Object.freeze(['M', 'H'] as const),
    hasEcl: (_version: number, ecl: Ecl) => ecl === 'M' || ecl === 'H',
    masks: 1,
    width: (version: number) => rmqrSize(version).width,
    height: (version: number) => rmqrSize(version).height,
    designator: (version: number, ecl: Ecl) => rmqrDesignator(version - 1, ecl as RmqrEcl),
    versionName: (version: number) => `R${rmqrSize(version).height}x${rmqrSize(version).width}`,
  }),
});

/** The ECLs of each symbology, weakest first: for interfaces that offer a choice (Micro QR's Q is M4's only). */
export const SYMBOLOGY_ECLS: Readonly<Record<SymbologyName, readonly Ecl[]>> = Object.freeze({
  qr: SYMBOL_SHAPES.qr.ecls,
  micro: SYMBOL_SHAPES.micro.ecls,
  rmqr: SYMBOL_SHAPES.rmqr.ecls,
});
