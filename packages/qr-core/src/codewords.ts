/**
 * Segments → the final codeword sequence of a version and ECL: the data bit stream with terminator and
 * padding (§7.4.9–§7.4.10), split into blocks, each followed by its Reed-Solomon codewords, interleaved (§7.6).
 */
import { BitWriter } from './bit-buffer.js';
import { assert } from './errors.js';
import { reedSolomonRemainder } from './reed-solomon.js';
import { writeSegments, versionGroup, type Segment } from './segments.js';
import { blockStructure, dataCodewords } from './tables.js';
import type { Ecl } from './symbol.js';

/**
 * Working buffers for the codewords of one symbol at a time, sized for version 40 (3706 codewords):
 * data codewords, all codewords interleaved, error correction codewords. Reused, since encoding is
 * synchronous, so that each symbol allocates only its output; the results of the functions below are
 * valid until the next call.
 */
const MAX_CODEWORDS = 3706;
const buffers = new Uint8Array(3 * MAX_CODEWORDS);
const dataBuffer = buffers.subarray(0, MAX_CODEWORDS);
const outBuffer = buffers.subarray(MAX_CODEWORDS, 2 * MAX_CODEWORDS);
const eccBuffer = buffers.subarray(2 * MAX_CODEWORDS);

/** The data codewords: the segments' bits, the terminator, zero bits to a byte boundary, then 0xEC 0x11 … (§7.4.10). */
export function dataCodewordsOf(segments: readonly Segment[], bitLength: number, version: number, ecl: Ecl): Uint8Array {
  const capacity = dataCodewords(version, ecl);
  const bytes = dataBuffer.subarray(0, capacity).fill(0);
  const writer = new BitWriter(bytes);
  writeSegments(writer, segments, versionGroup(version));
  assert(writer.bitLength === bitLength && bitLength <= capacity * 8, 'segment bits match their computed length and fit');
  // The terminator (up to four 0 bits, §7.4.9) and the zero bits to the byte boundary are already zeros.
  for (let i = (Math.min(bitLength + 4, capacity * 8) + 7) >>> 3, pad = 0xec; i < capacity; i++, pad ^= 0xec ^ 0x11) bytes[i] = pad;
  return bytes;
}

/** Data codewords → all codewords in their final order (§7.6, Table 9: short blocks first, then blocks one codeword longer). */
export function interleavedCodewords(data: Uint8Array, version: number, ecl: Ecl): Uint8Array {
  const { blocks, eccLength, total, shortBlocks, shortData } = blockStructure(version, ecl);
  assert(data.length === shortData * blocks + (blocks - shortBlocks), 'data codewords fill the blocks exactly');

  const out = outBuffer.subarray(0, total);
  const ecc = eccBuffer;
  let position = 0;
  // Column i of the data: codeword i of every block that has one (only long blocks have a codeword shortData).
  for (let i = 0; i <= shortData; i++) {
    for (let b = i < shortData ? 0 : shortBlocks; b < blocks; b++) {
      out[position++] = data[b * shortData + Math.max(0, b - shortBlocks) + i]!;
    }
  }
  for (let b = 0; b < blocks; b++) {
    const start = b * shortData + Math.max(0, b - shortBlocks);
    const length = shortData + (b < shortBlocks ? 0 : 1);
    reedSolomonRemainder(data, start, start + length, eccLength, ecc, b * eccLength);
  }
  for (let i = 0; i < eccLength; i++) {
    for (let b = 0; b < blocks; b++) out[position++] = ecc[b * eccLength + i]!;
  }
  assert(position === total, 'every codeword placed once');
  return out;
}
