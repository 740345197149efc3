/** Format information (§7.9) and version information (§7.10): BCH-coded bits placed around the finders. */
import { ECL_FORMAT_BITS } from './tables.js';
import type { Ecl } from './symbol.js';

/**
 * 5 data bits and their (15, 5) BCH code with generator x^10 + x^8 + x^5 + x^4 + x^2 + x + 1 (0x537), §7.9.1:
 * the format information of QR and Micro QR (§7.9.2) before each XORs its own mask. Bit 14 is the most significant.
 */
export function bch15(data: number): number {
  let remainder = data;
  for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
  return (data << 10) | remainder;
}

/**
 * The 15 format information bits for an ECL and mask (§7.9.1): the BCH code of 5 data bits XORed with
 * 101010000010010 (0x5412) so that no combination is all zeros.
 */
export function formatBits(ecl: Ecl, mask: number): number {
  return bch15((ECL_FORMAT_BITS[ecl] << 3) | mask) ^ 0x5412;
}

/**
 * The 18 version information bits of versions 7..40 (§7.10, Annex D): 6 data bits and an (18, 6) BCH code
 * with generator x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1 (0x1F25). Bit 17 is the most significant.
 */
export function versionBits(version: number): number {
  let remainder = version;
  for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
  return (version << 12) | remainder;
}
