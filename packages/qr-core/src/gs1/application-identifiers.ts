/**
 * The GS1 Application Identifiers: for each AI, its data title and the format of its data field
 * (GS1 General Specifications §3.2, Figure 3.2-1 "GS1 Application Identifiers in numerical
 * order", decomposed into components the way the GS1 Barcode Syntax Dictionary does it).
 *
 * The table ships in browser bundles, so it is one compact string parsed once at load. Each line:
 *
 *     <AI>[-<last AI>] <format> <data title>
 *
 * The format is a run of components, each `[`? type `..`? length check? `]`?:
 * - type: `N` digits, `X` GS1 AI encodable character set 82, `Y` set 39, `Z` set 64
 *   (General Specifications §7.11, Figures 7.11-1 to 7.11-3);
 * - `N14` is exactly 14 characters, `X..20` is 1 to 20 (only the last component is ever variable);
 * - `[…]` marks an optional component (only trailing components are optional);
 * - check: `c` GS1 mod-10 check digit as the component's last digit (§7.9.1), `d` a date YYMMDD,
 *   `e` a date YYMMDD whose DD may be 00 for "no particular day" (AIs 11–17, §3.4.2–3.4.7),
 *   `y` a date YYYYMMDD, `h` an hour HH, `m` minutes MM, `s` seconds SS, `t` a time HHMM,
 *   `z` the digit 0, `n` not all zeros, `w` a winding direction 0, 1 or 9, `b` 0 (no) or 1 (yes),
 *   `u` a '-' (minus sign), `p` a piece number NN of a total NN, `f` no leading zero.
 *
 * Not checked: membership of code lists (ISO 3166 countries, ISO 4217 currencies, package types,
 * media types), the GMN/CPID/GIAI key rules, coupon structures and cross-element rules such as
 * "(21) needs (01)" (the Syntax Dictionary's req/ex attributes).
 */

/** The character sets of GS1 AI data (General Specifications §7.11). */
export type Gs1CharacterSet = 'N' | 'X' | 'Y' | 'Z';

/** A content check applied to one component of an AI's data field. */
export type Gs1Check =
  | 'checkDigit' | 'yymmdd' | 'yymmd0' | 'yyyymmdd' | 'hh' | 'mi' | 'ss' | 'hhmi'
  | 'zero' | 'nonZero' | 'winding' | 'yesNo' | 'minus' | 'pieceOfTotal' | 'noLeadingZero';

/** One component of an AI's data field, e.g. AI 253's `N13` (a GDTI with its check digit) and `[X..17]` (an optional serial). */
export interface Gs1Component {
  readonly set: Gs1CharacterSet;
  /** Fewest characters (equals `max` for a fixed-length component). */
  readonly min: number;
  readonly max: number;
  /** Optional components come last; the data may stop before them. */
  readonly optional: boolean;
  readonly check?: Gs1Check;
}

export interface Gs1ApplicationIdentifier {
  /** The AI's digits, e.g. `'01'`, `'3103'`. */
  readonly ai: string;
  /** GS1's data title, e.g. `'GTIN'`, `'BATCH/LOT'`. */
  readonly title: string;
  readonly components: readonly Gs1Component[];
  /** Fewest and most characters of the data field. */
  readonly minLength: number;
  readonly maxLength: number;
  /**
   * True when the AI's first two digits are in the predefined-length table (Figure 7.8.5-2) and its
   * element string has that length: such an element needs no FNC1/GS separator after it.
   */
  readonly predefinedLength: boolean;
  /** For the measure and amount AIs (31nn–36nn, 390n–395n): the implied decimal places, n. */
  readonly decimals?: number;
}

/**
 * General Specifications Figure 7.8.5-2: the two-digit AI prefixes whose element strings (AI and
 * data) have a predefined length, so no FNC1/GS follows them when concatenated (§7.8.5). The
 * table is fixed forever, including prefixes with no AI assigned (04, 14, 18, 19) and 23 (the
 * withdrawn AI 23n): decoders rely on it. AI 235 starts with 23 but is variable-length, so it is
 * not of predefined length and does take a separator.
 */
export const PREDEFINED_LENGTHS: Readonly<Record<string, number>> = Object.freeze({
  '00': 20, '01': 16, '02': 16, '03': 16, '04': 18,
  '11': 8, '12': 8, '13': 8, '14': 8, '15': 8, '16': 8, '17': 8, '18': 8, '19': 8, '20': 4,
  '23': 19, '31': 10, '32': 10, '33': 10, '34': 10, '35': 10, '36': 10, '41': 16,
});

const TABLE = `00 N18c SSCC
01 N14c GTIN
02 N14c CONTENT
03 N14c MTO GTIN
10 X..20 BATCH/LOT
11 N6e PROD DATE
12 N6e DUE DATE
13 N6e PACK DATE
15 N6e BEST BEFORE or BEST BY
16 N6e SELL BY
17 N6e USE BY or EXPIRY
20 N2 VARIANT
21 X..20 SERIAL
22 X..20 CPV
235 X..28 TPX
240 X..30 ADDITIONAL ID
241 X..30 CUST. PART No.
242 N..6 MTO VARIANT
243 X..20 PCN
250 X..30 SECONDARY SERIAL
251 X..30 REF. TO SOURCE
253 N13c[X..17] GDTI
254 X..20 GLN EXTENSION COMPONENT
255 N13c[N..12] GCN
30 N..8 VAR. COUNT
3100-3105 N6 NET WEIGHT (kg)
3110-3115 N6 LENGTH (m)
3120-3125 N6 WIDTH (m)
3130-3135 N6 HEIGHT (m)
3140-3145 N6 AREA (m²)
3150-3155 N6 NET VOLUME (l)
3160-3165 N6 NET VOLUME (m³)
3200-3205 N6 NET WEIGHT (lb)
3210-3215 N6 LENGTH (in)
3220-3225 N6 LENGTH (ft)
3230-3235 N6 LENGTH (yd)
3240-3245 N6 WIDTH (in)
3250-3255 N6 WIDTH (ft)
3260-3265 N6 WIDTH (yd)
3270-3275 N6 HEIGHT (in)
3280-3285 N6 HEIGHT (ft)
3290-3295 N6 HEIGHT (yd)
3300-3305 N6 GROSS WEIGHT (kg)
3310-3315 N6 LENGTH (m), log
3320-3325 N6 WIDTH (m), log
3330-3335 N6 HEIGHT (m), log
3340-3345 N6 AREA (m²), log
3350-3355 N6 VOLUME (l), log
3360-3365 N6 VOLUME (m³), log
3370-3375 N6 KG PER m²
3400-3405 N6 GROSS WEIGHT (lb)
3410-3415 N6 LENGTH (in), log
3420-3425 N6 LENGTH (ft), log
3430-3435 N6 LENGTH (yd), log
3440-3445 N6 WIDTH (in), log
3450-3455 N6 WIDTH (ft), log
3460-3465 N6 WIDTH (yd), log
3470-3475 N6 HEIGHT (in), log
3480-3485 N6 HEIGHT (ft), log
3490-3495 N6 HEIGHT (yd), log
3500-3505 N6 AREA (in²)
3510-3515 N6 AREA (ft²)
3520-3525 N6 AREA (yd²)
3530-3535 N6 AREA (in²), log
3540-3545 N6 AREA (ft²), log
3550-3555 N6 AREA (yd²), log
3560-3565 N6 NET WEIGHT (troy oz)
3570-3575 N6 NET VOLUME (oz)
3600-3605 N6 NET VOLUME (qt)
3610-3615 N6 NET VOLUME (gal.)
3620-3625 N6 VOLUME (qt), log
3630-3635 N6 VOLUME (gal.), log
3640-3645 N6 VOLUME (in³)
3650-3655 N6 VOLUME (ft³)
3660-3665 N6 VOLUME (yd³)
3670-3675 N6 VOLUME (in³), log
3680-3685 N6 VOLUME (ft³), log
3690-3695 N6 VOLUME (yd³), log
37 N..8 COUNT
3900-3909 N..15 AMOUNT
3910-3919 N3N..15 AMOUNT
3920-3929 N..15 PRICE
3930-3939 N3N..15 PRICE
3940-3943 N4 PRCNT OFF
3950-3955 N6 PRICE/UoM
400 X..30 ORDER NUMBER
401 X..30 GINC
402 N17c GSIN
403 X..30 ROUTE
410 N13c SHIP TO LOC
411 N13c BILL TO
412 N13c PURCHASE FROM
413 N13c SHIP FOR LOC
414 N13c LOC No.
415 N13c PAY TO
416 N13c PROD/SERV LOC
417 N13c PARTY
420 X..20 SHIP TO POST
421 N3X..9 SHIP TO POST
422 N3 ORIGIN
423 N3[N3][N3][N3][N3] COUNTRY - INITIAL PROCESS
424 N3 COUNTRY - PROCESS
425 N3[N3][N3][N3][N3] COUNTRY - DISASSEMBLY
426 N3 COUNTRY - FULL PROCESS
427 X..3 ORIGIN SUBDIVISION
4300 X..35 SHIP TO COMP
4301 X..35 SHIP TO NAME
4302 X..70 SHIP TO ADD1
4303 X..70 SHIP TO ADD2
4304 X..70 SHIP TO SUB
4305 X..70 SHIP TO LOC
4306 X..70 SHIP TO REG
4307 X2 SHIP TO COUNTRY
4308 X..30 SHIP TO PHONE
4309 N10N10 SHIP TO GEO
4310 X..35 RTN TO COMP
4311 X..35 RTN TO NAME
4312 X..70 RTN TO ADD1
4313 X..70 RTN TO ADD2
4314 X..70 RTN TO SUB
4315 X..70 RTN TO LOC
4316 X..70 RTN TO REG
4317 X2 RTN TO COUNTRY
4318 X..20 RTN TO POST
4319 X..30 RTN TO PHONE
4320 X..35 SRV DESCRIPTION
4321 N1b DANGEROUS GOODS
4322 N1b AUTH TO LEAVE
4323 N1b SIG REQUIRED
4324 N6eN4t NOT BEF DEL DT
4325 N6eN4t NOT AFT DEL DT
4326 N6d REL DATE
4330 N6[X1u] MAX TEMP F.
4331 N6[X1u] MAX TEMP C.
4332 N6[X1u] MIN TEMP F.
4333 N6[X1u] MIN TEMP C.
7001 N13 NSN
7002 X..30 MEAT CUT
7003 N6dN4t EXPIRY TIME
7004 N..4 ACTIVE POTENCY
7005 X..12 CATCH AREA
7006 N6d FIRST FREEZE DATE
7007 N6d[N6d] HARVEST DATE
7008 X..3 AQUATIC SPECIES
7009 X..10 FISHING GEAR TYPE
7010 X..2 PROD METHOD
7011 N6d[N4t] TEST BY DATE
7020 X..20 REFURB LOT
7021 X..20 FUNC STAT
7022 X..20 REV STAT
7023 X..30 GIAI - ASSEMBLY
7030-7039 N3X..27 PROCESSOR # s
7040 N1X1X1X1 UIC+EXT
7041 X..4 UFRGT UNIT TYPE
710 X..20 NHRN PZN
711 X..20 NHRN CIP
712 X..20 NHRN CN
713 X..20 NHRN DRN
714 X..20 NHRN AIM
715 X..20 NHRN NDC
716 X..20 NHRN AIC
7230-7239 X2X..28 CERT # s
7240 X..20 PROTOCOL
7241 N2 AIDC MEDIA TYPE
7242 X..25 VCN
7250 N8y DOB
7251 N8yN4t DOB TIME
7252 N1 BIO SEX
7253 X..40 FAMILY NAME
7254 X..40 GIVEN NAME
7255 X..10 SUFFIX
7256 X..90 FULL NAME
7257 X..70 PERSON ADDR
7258 X3 BIRTH SEQUENCE
7259 X..40 BABY
8001 N4nN5nN3nN1wN1 DIMENSIONS
8002 X..20 CMT No.
8003 N1zN13c[X..16] GRAI
8004 X..30 GIAI
8005 N6 PRICE PER UNIT
8006 N14cN4p ITIP
8007 X..34 IBAN
8008 N6dN2h[N2m][N2s] PROD TIME
8009 X..50 OPTSEN
8010 Y..30 CPID
8011 N..12f CPID SERIAL
8012 X..20 VERSION
8013 X..25 GMN
8014 X..25 MUDI
8017 N18c GSRN - PROVIDER
8018 N18c GSRN - RECIPIENT
8019 N..10 SRIN
8020 X..25 REF No.
8026 N14cN4p ITIP CONTENT
8030 Z..90 DIGSIG
8110 X..70 Coupon code (North America)
8111 N4 POINTS
8112 X..70 Positive offer file coupon code (North America)
8200 X..70 PRODUCT URL
90 X..30 INTERNAL
91-99 X..90 INTERNAL`;

const CHECKS: Readonly<Record<string, Gs1Check>> = {
  c: 'checkDigit', d: 'yymmdd', e: 'yymmd0', y: 'yyyymmdd', h: 'hh', m: 'mi', s: 'ss', t: 'hhmi',
  z: 'zero', n: 'nonZero', w: 'winding', b: 'yesNo', u: 'minus', p: 'pieceOfTotal', f: 'noLeadingZero',
};

function parseComponents(format: string): Gs1Component[] {
  const components: Gs1Component[] = [];
  for (const [, open, set, dots, length, check] of format.matchAll(/(\[?)([NXYZ])(\.\.)?(\d+)([a-z]?)\]?/g)) {
    const max = Number(length);
    const component: Gs1Component = { set: set as Gs1CharacterSet, min: dots ? 1 : max, max, optional: open === '[' };
    components.push(check ? { ...component, check: CHECKS[check]! } : component);
  }
  return components;
}

function build(): ReadonlyMap<string, Gs1ApplicationIdentifier> {
  const table = new Map<string, Gs1ApplicationIdentifier>();
  for (const line of TABLE.split('\n')) {
    const [, first, last, format, title] = /^(\d+)(?:-(\d+))? (\S+) (.+)$/.exec(line)!;
    const components = Object.freeze(parseComponents(format!));
    const minLength = components.reduce((sum, c) => sum + (c.optional ? 0 : c.min), 0);
    const maxLength = components.reduce((sum, c) => sum + c.max, 0);
    for (let n = Number(first); n <= Number(last ?? first); n++) {
      const ai = String(n).padStart(first!.length, '0');
      const predefined = PREDEFINED_LENGTHS[ai.slice(0, 2)];
      // Titles ending in "# s" are numbered series (PROCESSOR # 0 … # 9, CERT # 1 … # 10).
      const numbered = title!.endsWith('# s') ? title!.slice(0, -1) + String(ai.startsWith('723') ? n % 10 + 1 : n % 10) : title!;
      // 31nn–36nn and 390n–395n carry the implied decimal point position in their last digit (§3.6.2 ff.).
      const measure = /^3[1-69]/.test(ai) && ai.length === 4;
      table.set(ai, Object.freeze({
        ai,
        title: numbered,
        components,
        minLength,
        maxLength,
        predefinedLength: predefined === ai.length + minLength && minLength === maxLength,
        ...(measure ? { decimals: Number(ai[3]) } : {}),
      }));
    }
  }
  return table;
}

const AIS = build();

/** The AI's definition, or undefined when `ai` is not a GS1 Application Identifier. */
export function applicationIdentifier(ai: string): Gs1ApplicationIdentifier | undefined {
  return AIS.get(ai);
}

/** Every AI, in numerical order. */
export function applicationIdentifiers(): IterableIterator<Gs1ApplicationIdentifier> {
  return AIS.values();
}
