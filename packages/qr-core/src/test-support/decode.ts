/**
 * The independent decoder for the round-trip tests: ZXing-C++ compiled to WebAssembly
 * (`zxing-wasm`), loaded by the repository's one Node loader (test-support/zxing.mjs at the
 * root), which reads its .wasm from node_modules: tests never touch the network.
 */
import type { ReaderOptions } from 'zxing-wasm/reader';
import { zxingReader } from '../../../../test-support/zxing.mjs';
import type { Ecl } from '../symbol.js';
import { ECLS } from '../tables.js';

/** A module matrix: a QrSymbol, a ReferenceSymbol, or anything else of that shape. */
export interface ModuleMatrix {
  size: number;
  /** size × size, row-major, 1 = dark. */
  modules: Uint8Array;
}

export interface DecodedSymbol {
  /** The content as text: byte segments in the charset their ECI names, or the one ZXing guesses without one. */
  text: string;
  /** The content's bytes before any charset conversion (kanji segments as Shift JIS). */
  bytes: Uint8Array;
  /** True when the symbol carries an ECI designator. */
  hasEci: boolean;
  /** What ZXing read from the format and version information. */
  version: number;
  ecl: Ecl;
  mask: number;
}

export interface DecodeOptions {
  /** How ZXing turns byte segments without an ECI into text; default: it guesses. */
  characterSet?: ReaderOptions['characterSet'];
}

/** Quiet zone, ISO/IEC 18004:2015 §6.3.8: 4 modules. */
const QUIET_ZONE = 4;
/** Pixels per module: 2 is the least ZXing's pure-symbol reader needs to find module edges. */
const SCALE = 2;

/** One RGBA buffer per image width, reused: the tests decode thousands of symbols. */
const canvases = new Map<number, Uint8ClampedArray<ArrayBuffer>>();

/** Draws the matrix black on white with its quiet zone, SCALE pixels per module. */
function rasterise(matrix: ModuleMatrix): { data: Uint8ClampedArray<ArrayBuffer>; width: number; height: number; colorSpace: 'srgb' } {
  const { size, modules } = matrix;
  if (modules.length !== size * size) throw new Error(`matrix has ${modules.length} modules, expected ${size}² = ${size * size}`);
  const width = (size + 2 * QUIET_ZONE) * SCALE;
  let data = canvases.get(width);
  if (!data) {
    data = new Uint8ClampedArray(width * width * 4);
    canvases.set(width, data);
  }
  data.fill(255);
  const rowBytes = width * 4;
  for (let y = 0; y < size; y++) {
    const top = (y + QUIET_ZONE) * SCALE * rowBytes;
    for (let x = 0; x < size; x++) {
      if (modules[y * size + x] !== 1) continue;
      const left = top + (x + QUIET_ZONE) * SCALE * 4;
      for (let p = 0; p < SCALE * 4; p += 4) data[left + p] = data[left + p + 1] = data[left + p + 2] = 0;
    }
    // The other pixel rows of this module row are copies of the first.
    for (let r = 1; r < SCALE; r++) data.copyWithin(top + r * rowBytes, top, top + rowBytes);
  }
  return { data, width, height: width, colorSpace: 'srgb' };
}

/**
 * Decodes a module matrix with ZXing; throws when ZXing finds no valid QR code in it.
 * ZXing reports version, ECL and mask in its `extra` JSON (keys Version, ECLevel, DataMask).
 */
export async function decodeMatrix(matrix: ModuleMatrix, options: DecodeOptions = {}): Promise<DecodedSymbol> {
  const readBarcodes = await zxingReader();
  const [result] = await readBarcodes(rasterise(matrix), {
    formats: ['QRCode'],
    isPure: true,
    tryHarder: true,
    tryRotate: false,
    tryInvert: false,
    tryDownscale: false,
    maxNumberOfSymbols: 1,
    textMode: 'Plain',
    characterSet: options.characterSet ?? 'Unknown',
  });
  if (!result || !result.isValid) {
    throw new Error(`ZXing found no valid QR code in the ${matrix.size}×${matrix.size} matrix${result?.error ? `: ${result.error}` : ''}`);
  }
  const extra = JSON.parse(result.extra) as { Version?: string; ECLevel?: string; DataMask?: number };
  const version = Number(extra.Version);
  const ecl = extra.ECLevel;
  const mask = extra.DataMask;
  if (!Number.isInteger(version) || ecl === undefined || !(ECLS as readonly string[]).includes(ecl) || mask === undefined) {
    throw new Error(`ZXing decoded the symbol but reported no version/ECL/mask: ${result.extra}`);
  }
  return { text: result.text, bytes: result.bytes, hasEci: result.hasECI, version, ecl: ecl as Ecl, mask };
}
