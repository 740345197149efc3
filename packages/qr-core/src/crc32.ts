/**
 * CRC-32 of ISO 3309 / ITU-T V.42, as PNG uses it over each chunk's type and data (PNG
 * Specification, Second Edition, Annex D and §5.5): one implementation for the PNG writer
 * (`png.ts`) and the PNG reader (`png-reader.ts`). node:zlib has it from Node 20.15; older
 * Node 20 releases get the table-driven version below.
 */
import * as zlib from 'node:zlib';

export const crc32: (data: Uint8Array) => number = typeof zlib.crc32 === 'function' ? (data) => zlib.crc32(data) : tableCrc32;

let crcTable: Uint32Array | undefined;

/** The fallback CRC-32, exported so that tests check it against node:zlib's. */
export function tableCrc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
