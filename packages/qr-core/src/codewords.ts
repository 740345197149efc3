/**
 * Segments → the final codeword sequence of a symbol: the data bit stream with terminator and padding
 * (§7.4.9–§7.4.10), split into blocks, each followed by its Reed-Solomon codewords, interleaved (§7.6).
 * The same for every symbology; what differs (the stream format, the capacity, the blocks) is passed in.
 */
import { BitWriter } from './bit-buffer.js';
import { assert } from './errors.js';
import { reedSolomonRemainder } from './reed-solomon.js';
import { writeSegments, type Segment, type StreamFormat } from './segments.js';
import type { BlockStructure } from './tables.js';

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

/**
 * The data codewords: the segments' bits (after FNC1 in first position when `fnc1`), the terminator, zero
 * bits to a codeword boundary, then 0xEC 0x11 … (§7.4.10). `capacityBits` is the data capacity: a whole
 * number of codewords, or in Micro QR's M1 and M3 (§7.4.10) the last one 4 bits, held in the high half of
 * the last byte, which padding leaves 0000.
 */
export function dataCodewordsOf(segments: readonly Segment[], bitLength: number, format: StreamFormat, capacityBits: number, fnc1 = false): Uint8Array {
  const capacity = (capacityBits + 7) >>> 3;
  const bytes = dataBuffer.subarray(0, capacity).fill(0);
  const writer = new BitWriter(bytes);
  writeSegments(writer, segments, format, fnc1);
  assert(writer.bitLength === bitLength && bitLength <= capacityBits, 'segment bits match their computed length and fit');
  // The terminator (§7.4.9) and the zero bits to the codeword boundary are already zeros.
  for (let i = (Math.min(bitLength + format.terminatorBits, capacityBits) + 7) >>> 3, pad = 0xec; i < capacityBits >>> 3; i++, pad ^= 0xec ^ 0x11) bytes[i] = pad;
  return bytes;
}

/** Data codewords → all codewords in their final order (§7.6, Table 9: short blocks first, then blocks one codeword longer). */
export function interleavedCodewords(data: Uint8Array, { blocks, eccLength, total, shortBlocks, shortData }: BlockStructure): Uint8Array {
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

/**
 * Micro QR's M1 and M3 (§7.7.3): the last data codeword is 4 bits, so every codeword after it starts 4 bits
 * earlier in the bit sequence that placement lays out. The codewords (data first, its last one in the high
 * half of its byte) become that sequence, 8 bits a byte, in place.
 */
export function closeHalfCodeword(codewords: Uint8Array, dataLength: number): void {
  for (let i = dataLength - 1; i < codewords.length; i++) {
    const high = i === dataLength - 1 ? codewords[i]! & 0xf0 : (codewords[i]! << 4) & 0xf0;
    codewords[i] = high | (i + 1 < codewords.length ? codewords[i + 1]! >>> 4 : 0);
  }
}
