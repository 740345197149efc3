/**
 * rMQR format information (ISO/IEC 23941:2022 §7.9, Annex C): 18 bits written twice, beside the finder pattern
 * and beside the sub-finder pattern, each copy under its own mask.
 */
import { versionBits } from '../format.js';
import { RMQR_SIZES, type RmqrEcl } from './rmqr-sizes.js';

/**
 * The XOR masks of the two copies (Annex C, Table C.1: the words of ECL M at R7x43, whose BCH code is all zeros).
 * Different masks make the two copies differ, so a reader cannot confuse the finder's side with the sub-finder's.
 */
export const RMQR_FORMAT_MASK_FINDER = 0x1fab2;
export const RMQR_FORMAT_MASK_SUB_FINDER = 0x20a7b;

/**
 * The two 18-bit format words of an ECL and size index: [finder side, sub-finder side], bit 17 the most
 * significant. The 6 data bits are the ECL bit (M = 0, H = 1) above the 5-bit size indicator; the 12 check bits
 * are the (18, 6) BCH code with generator 0x1F25, the same code as QR's version information (ISO/IEC 18004 §7.10),
 * so `versionBits` computes it.
 */
export function rmqrFormatBits(ecl: RmqrEcl, index: number): readonly [number, number] {
  if (RMQR_SIZES[index] === undefined) throw new RangeError(`rMQR size index ${index} is not in 0..31`);
  const code = versionBits(((ecl === 'H' ? 1 : 0) << 5) | index);
  return [code ^ RMQR_FORMAT_MASK_FINDER, code ^ RMQR_FORMAT_MASK_SUB_FINDER];
}
