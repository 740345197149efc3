/**
 * A small PNG reader for the style tests: any non-interlaced PNG of 1, 2, 4 or 8 bits per sample in
 * colour types 0 (grey), 2 (RGB), 3 (palette), 4 (grey + alpha) and 6 (RGBA), all five filter types,
 * read to RGBA — enough for qr-core's own files and for what rsvg-convert writes. It checks every
 * CRC and field it reads, and shares no code with png.ts.
 */
import { strict as assert } from 'node:assert';
import * as zlib from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  chunkTypes: string[];
  palette: Uint8Array | undefined;
  transparency: Uint8Array | undefined;
  /** width × height × 4 bytes, RGBA, not premultiplied. */
  rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function readPixels(file: Uint8Array): Pixels {
  assert.deepEqual([...file.subarray(0, 8)], SIGNATURE, 'PNG signature');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const chunkTypes: string[] = [];
  const idat: Uint8Array[] = [];
  let ihdr: Uint8Array | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  for (let at = 8; at < file.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...file.subarray(at + 4, at + 8));
    assert.ok(at + 12 + length <= file.length, `${type} chunk runs past the end of the file`);
    const body = file.subarray(at + 8, at + 8 + length);
    assert.equal(view.getUint32(at + 8 + length), zlib.crc32(file.subarray(at + 4, at + 8 + length)), `${type} CRC`);
    chunkTypes.push(type);
    if (type === 'IHDR') ihdr = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  assert.ok(ihdr && ihdr.length === 13, 'IHDR is 13 bytes');
  const header = new DataView(ihdr.buffer, ihdr.byteOffset, 13);
  const width = header.getUint32(0);
  const height = header.getUint32(4);
  const [bitDepth, colorType, , , interlace] = ihdr.subarray(8) as unknown as [number, number, number, number, number];
  assert.equal(interlace, 0, 'not interlaced');
  const channels = CHANNELS[colorType];
  assert.ok(channels !== undefined && [1, 2, 4, 8].includes(bitDepth), `bit depth ${bitDepth}, colour type ${colorType}`);
  if (colorType === 3) assert.ok(palette && palette.length % 3 === 0, 'PLTE');
  if (colorType === 3) assert.ok(palette!.length / 3 <= 1 << bitDepth, 'no more palette entries than the bit depth can index');
  if (transparency && colorType === 3) assert.ok(transparency.length <= palette!.length / 3, 'tRNS no longer than PLTE');

  const bitsPerPixel = channels * bitDepth;
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  assert.equal(raw.length, height * (rowBytes + 1), 'scanline bytes');
  const left = Math.max(1, bitsPerPixel >> 3); // the "previous pixel" distance in bytes (PNG §9.2)
  const data = new Uint8Array(height * rowBytes);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)]!;
    for (let i = 0; i < rowBytes; i++) {
      const value = raw[y * (rowBytes + 1) + 1 + i]!;
      const a = i >= left ? data[y * rowBytes + i - left]! : 0;
      const b = y > 0 ? data[(y - 1) * rowBytes + i]! : 0;
      const c = i >= left && y > 0 ? data[(y - 1) * rowBytes + i - left]! : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else assert.fail(`row ${y} has filter type ${filter}`);
      data[y * rowBytes + i] = (value + predictor) & 0xff;
    }
  }

  const sample = (y: number, index: number): number => {
    if (bitDepth === 8) return data[y * rowBytes + index]!;
    const bit = index * bitDepth;
    return (data[y * rowBytes + (bit >> 3)]! >> (8 - bitDepth - (bit & 7))) & ((1 << bitDepth) - 1);
  };
  const toByte = (value: number): number => (bitDepth === 8 ? value : Math.round((value * 255) / ((1 << bitDepth) - 1)));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 4;
      const first = x * channels;
      if (colorType === 3) {
        const index = sample(y, first);
        assert.ok(index < palette!.length / 3, `palette index ${index} at (${x}, ${y})`);
        rgba.set(palette!.subarray(index * 3, index * 3 + 3), out);
        rgba[out + 3] = transparency?.[index] ?? 255;
      } else if (colorType === 0 || colorType === 4) {
        const grey = sample(y, first);
        rgba.fill(toByte(grey), out, out + 3);
        const transparent = colorType === 0 && transparency && ((transparency[0]! << 8) | transparency[1]!) === grey;
        rgba[out + 3] = colorType === 4 ? toByte(sample(y, first + 1)) : transparent ? 0 : 255;
      } else {
        for (let k = 0; k < 3; k++) rgba[out + k] = toByte(sample(y, first + k));
        rgba[out + 3] = colorType === 6 ? toByte(sample(y, first + 3)) : 255;
      }
    }
  }
  return { width, height, bitDepth, colorType, chunkTypes, palette, transparency, rgba };
}
