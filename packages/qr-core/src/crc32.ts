/**
 * CRC-32 of ISO 3309 / ITU-T V.42, as PNG uses it over each chunk's type and data (PNG
 * Specification, Second Edition, Annex D and §5.5): one implementation for the PNG writer
 * (`png.ts`) and the PNG reader (`png-reader.ts`). node:zlib has it from Node 20.15; older
 * Node 20 releases get the table-driven version below.
 */
import * as zlib from 'node:zlib';
import { tableCrc32 } from './crc32-table.js';

/** The fallback CRC-32 (portable), exported so that tests check it against node:zlib's. */
export { tableCrc32 };

export const crc32: (data: Uint8Array) => number = typeof zlib.crc32 === 'function' ? (data) => zlib.crc32(data) : tableCrc32;
