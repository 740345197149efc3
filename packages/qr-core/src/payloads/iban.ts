/**
 * IBANs (ISO 13616-1:2020) and ISO 11649 creditor references: both use ISO 7064 MOD 97-10 check
 * digits — the first four characters moved to the end, letters replaced by 10..35 (A = 10 … Z = 35),
 * the number taken mod 97 is 1.
 */

/**
 * IBAN lengths of the countries and territories in the SEPA schemes' geographical scope (the EPC's
 * list of SEPA scheme countries, EPC409-09, with the four most recently admitted: AL, MD, ME, MK),
 * from the ISO 13616 IBAN registry that SWIFT publishes. Territories that use another country's
 * IBANs (Åland and the French overseas departments: FI, FR; Jersey, Guernsey and the Isle of Man:
 * GB; the Azores and Madeira: PT; the Canary Islands, Ceuta and Melilla: ES) are covered by that
 * country's code. `eea`: inside the European Economic Area, where EPC069-12 version 002 lets the
 * BIC be left out.
 */
export const SEPA_IBAN_LENGTHS: Readonly<Record<string, { length: number; eea: boolean }>> = Object.freeze({
  AD: { length: 24, eea: false }, // Andorra
  AL: { length: 28, eea: false }, // Albania
  AT: { length: 20, eea: true },
  BE: { length: 16, eea: true },
  BG: { length: 22, eea: true },
  CH: { length: 21, eea: false }, // Switzerland
  CY: { length: 28, eea: true },
  CZ: { length: 24, eea: true },
  DE: { length: 22, eea: true },
  DK: { length: 18, eea: true },
  EE: { length: 20, eea: true },
  ES: { length: 24, eea: true },
  FI: { length: 18, eea: true },
  FR: { length: 27, eea: true },
  GB: { length: 22, eea: false }, // United Kingdom
  GI: { length: 23, eea: false }, // Gibraltar
  GR: { length: 27, eea: true },
  HR: { length: 21, eea: true },
  HU: { length: 28, eea: true },
  IE: { length: 22, eea: true },
  IS: { length: 26, eea: true }, // Iceland (EEA)
  IT: { length: 27, eea: true },
  LI: { length: 21, eea: true }, // Liechtenstein (EEA)
  LT: { length: 20, eea: true },
  LU: { length: 20, eea: true },
  LV: { length: 21, eea: true },
  MC: { length: 27, eea: false }, // Monaco
  MD: { length: 24, eea: false }, // Moldova
  ME: { length: 22, eea: false }, // Montenegro
  MK: { length: 19, eea: false }, // North Macedonia
  MT: { length: 31, eea: true },
  NL: { length: 18, eea: true },
  NO: { length: 15, eea: true }, // Norway (EEA)
  PL: { length: 28, eea: true },
  PT: { length: 25, eea: true },
  RO: { length: 24, eea: true },
  SE: { length: 24, eea: true },
  SI: { length: 19, eea: true },
  SK: { length: 24, eea: true },
  SM: { length: 27, eea: false }, // San Marino
  VA: { length: 22, eea: false }, // Vatican City
});

/** ISO 7064 MOD 97-10 of an alphanumeric string (digits and A..Z), computed piecewise. */
export function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const value = code <= 57 ? code - 48 : code - 55;
    rest = value < 10 ? (rest * 10 + value) % 97 : (rest * 100 + value) % 97;
  }
  return rest;
}

/** The two check digits that `body` (the part after them) needs behind `prefix` (a country code, or RF). */
export function checkDigits(prefix: string, body: string): string {
  return String(98 - mod97(`${body}${prefix}00`)).padStart(2, '0');
}

/** `text` in groups of four, as IBANs and references are printed (ISO 13616-1 §5.4, ISO 11649 §4). */
export function groups(text: string): string {
  return text.replace(/(.{4})(?=.)/g, '$1 ');
}
