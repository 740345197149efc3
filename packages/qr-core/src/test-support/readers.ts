/**
 * What the read-back tests (styles.test.ts, logo-readback.test.ts) drive: the rasterisers of an
 * SVG — librsvg (`rsvg-convert`) and Chromium — and the two independent QR readers — zxing-wasm
 * (ZXing-C++) and zbar (`zbarimg`) — with the bits of bookkeeping those tests share: the styles,
 * texts of an exact version, image sides, raster differences, a small job pool.
 *
 * The programs are Debian's: `rsvg-convert` (librsvg2-bin), `zbarimg` (zbar-tools) and
 * `/usr/bin/chromium` (chromium, or CHROME_PATH), which the repository's `npm test` installs in
 * its pretest step (scripts/ensure-system-packages.mjs), and `xargs` (findutils, essential). A
 * missing one fails the test that needs it with one line saying how to install it. Images go
 * through a scratch directory that is removed when the test process exits.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { readBarcodes } from 'zxing-wasm/reader';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../../test-support/chromium.mjs';
import { zxingReader } from '../../../../test-support/zxing.mjs';
import { FINDER_SHAPES, MODULE_SHAPES, type FinderShape, type ModuleShape } from '../render-options.js';
import type { Ecl, QrSymbol } from '../symbol.js';
import { capacity } from './capacity-table.js';
import { readPixels } from './png-pixels.js';
import { pick, randomInt, type Random } from './random.js';

const run = promisify(execFile);

// ---------------------------------------------------------------------------------------------
// The programs

/** The Debian package of each program the tests run. */
const PACKAGES: Record<string, string> = { 'rsvg-convert': 'librsvg2-bin', zbarimg: 'zbar-tools', chromium: 'chromium' };

function howToInstall(command: string): string {
  return `apt-get install -y ${PACKAGES[command] ?? command} (the repository's \`npm test\` installs it first: scripts/ensure-system-packages.mjs)`;
}

/** The path of `command` on PATH; a missing one fails the test that needs it, in one line. */
export function tool(command: string): string {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const path = join(dir, command);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not in this directory
    }
  }
  throw new Error(`${command} is not on PATH: ${howToInstall(command)}`);
}

/** Debian's Chromium and the flags every test of the repository starts it with (test-support/chromium.mjs at the root), checked. */
function chromium(): { CHROMIUM_PATH: string; CHROMIUM_ARGS: readonly string[] } {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    if (process.env['CHROME_PATH']) throw new Error(`CHROME_PATH is ${CHROMIUM_PATH}, which is not an executable file: point it at a Chromium or Chrome`);
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}: ${howToInstall('chromium')}, or set CHROME_PATH to a Chromium or Chrome`);
  }
  return { CHROMIUM_PATH, CHROMIUM_ARGS };
}

let scratch: string | undefined;
let fileCount = 0;

/** A new file name in the scratch directory (made on first use, removed when the process exits). */
function scratchFile(stem: string, extension: string): string {
  if (scratch === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'qr-readers-'));
    scratch = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  }
  return join(scratch, `${stem}-${fileCount++}.${extension}`);
}

// ---------------------------------------------------------------------------------------------
// Rasters

/** An image as 8-bit RGBA, not premultiplied: what readPixels returns, or a crop of a screenshot. */
export interface Raster {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * A PNG file's pixels, quickly: rsvg-convert's and Chromium's files (8-bit RGB or RGBA, not
 * interlaced) and toPNG's truecolour ones are unfiltered here row by row with one loop per filter
 * type, some five times faster than readPixels, whose general loop took a quarter of the logo
 * tests' time on Chromium's screenshots; anything else goes to readPixels. No CRC checks: the
 * files come from the tests' own programs a moment before. logo-readback.test.ts checks it
 * against readPixels on files of every filter type.
 */
export function readRaster(file: Uint8Array): Raster {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  // IHDR comes first (PNG §5.6): width, height, bit depth, colour type, …, interlace method.
  const [width, height, bitDepth, colorType, interlace] = [view.getUint32(16), view.getUint32(20), file[24], file[25], file[28]];
  if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0) {
    const { rgba } = readPixels(file);
    return { width, height, rgba };
  }
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= file.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(file[at + 4]!, file[at + 5]!, file[at + 6]!, file[at + 7]!);
    if (type === 'IDAT') idat.push(file.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const bpp = colorType === 6 ? 4 : 3;
  const stride = width * bpp;
  assert.equal(raw.length, height * (stride + 1), 'scanline bytes');
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const out = y * stride;
    const up = out - stride; // the row above (unused on row 0)
    if (filter === 0 || (filter === 2 && y === 0)) {
      data.set(raw.subarray(src, src + stride), out);
    } else if (filter === 1) {
      for (let i = 0; i < bpp; i++) data[out + i] = raw[src + i]!;
      for (let i = bpp; i < stride; i++) data[out + i] = (raw[src + i]! + data[out + i - bpp]!) & 0xff;
    } else if (filter === 2) {
      for (let i = 0; i < stride; i++) data[out + i] = (raw[src + i]! + data[up + i]!) & 0xff;
    } else if (filter === 3) {
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? data[out + i - bpp]! : 0;
        const b = y > 0 ? data[up + i]! : 0;
        data[out + i] = (raw[src + i]! + ((a + b) >> 1)) & 0xff;
      }
    } else if (filter === 4) {
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? data[out + i - bpp]! : 0;
        const b = y > 0 ? data[up + i]! : 0;
        const c = i >= bpp && y > 0 ? data[up + i - bpp]! : 0;
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        data[out + i] = (raw[src + i]! + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
    } else {
      assert.fail(`row ${y} has filter type ${filter}`);
    }
  }
  if (bpp === 4) return { width, height, rgba: data };
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (let i = 0, j = 0; i < data.length; i += 3, j += 4) {
    rgba[j] = data[i]!;
    rgba[j + 1] = data[i + 1]!;
    rgba[j + 2] = data[i + 2]!;
  }
  return { width, height, rgba };
}

/** The SVG rasterised by librsvg at `sidePx` × `sidePx` (rsvg-convert writes 8-bit RGBA): the PNG file. */
export async function rasterise(svg: string, sidePx: number): Promise<Uint8Array> {
  const rsvg = tool('rsvg-convert');
  const name = scratchFile('rsvg', 'svg');
  writeFileSync(name, svg);
  await run(rsvg, ['-w', String(sidePx), '-h', String(sidePx), '-o', `${name}.png`, name]);
  return readFileSync(`${name}.png`);
}

/**
 * Each SVG rasterised by librsvg at its side (as {@link rasterise}), `concurrency` at a time, all
 * started by one `xargs`: each process Node starts costs the test's own thread some 50 ms (a fork
 * of its whole memory), which for a hundred SVGs is more than librsvg takes to draw them.
 */
export async function rasteriseAll(jobs: readonly ChromiumJob[], concurrency = 2): Promise<Uint8Array[]> {
  const rsvg = tool('rsvg-convert');
  const names = jobs.map(({ svg }) => {
    const name = scratchFile('rsvg', 'svg');
    writeFileSync(name, svg);
    return name;
  });
  if (names.length === 0) return [];
  // One line of arguments per SVG; the scratch directory's paths hold no white space or quotes.
  const lines = names.map((name, i) => `-w ${jobs[i]!.side} -h ${jobs[i]!.side} -o ${name}.png ${name}`);
  assert.ok(lines.every((line) => !/['"\\]/.test(line)), 'paths xargs takes as they are');
  const argsFile = scratchFile('rsvg-args', 'txt');
  writeFileSync(argsFile, lines.join('\n') + '\n');
  await run('xargs', ['-a', argsFile, '-L', '1', '-P', String(concurrency), rsvg], { maxBuffer: 1 << 24 });
  return names.map((name) => readFileSync(`${name}.png`));
}

/** One SVG for {@link chromiumRasters} or {@link rasteriseAll}: drawn at `side` × `side` px (CSS px = device px in Chromium). */
export interface ChromiumJob {
  svg: string;
  side: number;
}

/**
 * The largest screenshot {@link chromiumRasters} takes, in px a side: 64 MiB of RGBA once read.
 * Measured on 2 cores: Chromium takes 1.3 s to start and shoot a small empty page, 2.5 s for an
 * empty 4000², 3 to 4 s for one full of QR codes.
 */
const SHEET_SIDE = 4096;
/** White space between the images on a sheet, in px. */
const GUTTER = 4;

/**
 * Each SVG as Chromium rasterises it at its side, with few launches of the browser: the SVGs are
 * laid out as `<img>` elements at whole-pixel positions on sheets of at most {@link SHEET_SIDE}
 * px a side (shelves, tallest first), each sheet one page that one `chromium --headless
 * --screenshot` takes (device scale factor 1), and each image is cropped out of its sheet's
 * screenshot. An `<img>` of an SVG is Chromium's "SVG as image" mode, the one a web page showing a
 * downloaded QR code uses: no scripts, no external resources (the logo is a `data:` URL, which it
 * loads before the page's load event, when the screenshot is taken; `decoding="sync"` keeps the
 * first frame from going out before the images are decoded).
 */
export async function chromiumRasters(jobs: readonly ChromiumJob[], concurrency = 1): Promise<Raster[]> {
  const { CHROMIUM_PATH, CHROMIUM_ARGS } = chromium();
  interface Placed { index: number; x: number; y: number; side: number }
  const sheets: { placed: Placed[]; width: number; height: number }[] = [];
  const order = jobs.map((job, index) => ({ index, side: job.side })).sort((a, b) => b.side - a.side || a.index - b.index);
  let sheet: (typeof sheets)[number] | undefined;
  let shelfY = 0;
  let shelfHeight = 0;
  let x = 0;
  for (const { index, side } of order) {
    assert.ok(side <= SHEET_SIDE, `an image of ${side} px does not fit a ${SHEET_SIDE} px sheet`);
    if (sheet !== undefined && x + side > SHEET_SIDE) {
      shelfY += shelfHeight + GUTTER;
      x = 0;
      shelfHeight = 0;
    }
    if (sheet === undefined || shelfY + side > SHEET_SIDE) {
      sheet = { placed: [], width: 0, height: 0 };
      sheets.push(sheet);
      shelfY = 0;
      x = 0;
      shelfHeight = 0;
    }
    sheet.placed.push({ index, x, y: shelfY, side });
    sheet.width = Math.max(sheet.width, x + side);
    sheet.height = Math.max(sheet.height, shelfY + side);
    shelfHeight = Math.max(shelfHeight, side);
    x += side + GUTTER;
  }

  const rasters: Raster[] = new Array(jobs.length);
  await pool(
    sheets.map((sheet) => async () => {
      const images = sheet.placed.map(({ index, x, y, side }) => {
        const name = scratchFile('chromium', 'svg');
        writeFileSync(name, jobs[index]!.svg);
        return `<img src="${pathToFileURL(name).href}" width="${side}" height="${side}" decoding="sync" style="position:absolute;left:${x}px;top:${y}px">`;
      });
      const page = scratchFile('sheet', 'html');
      writeFileSync(page, `<!doctype html><html><body style="margin:0;background:#fff">${images.join('')}</body></html>`);
      const shot = `${page}.png`;
      await run(
        CHROMIUM_PATH,
        [
          ...CHROMIUM_ARGS,
          `--user-data-dir=${page}.profile`,
          '--hide-scrollbars',
          '--force-device-scale-factor=1',
          `--window-size=${sheet.width},${sheet.height}`,
          `--screenshot=${shot}`,
          pathToFileURL(page).href,
        ],
        { maxBuffer: 1 << 24 },
      );
      const screenshot = readRaster(readFileSync(shot));
      assert.equal(screenshot.width, sheet.width, 'the screenshot is the window');
      assert.equal(screenshot.height, sheet.height, 'the screenshot is the window');
      for (const { index, x, y, side } of sheet.placed) rasters[index] = crop(screenshot, x, y, side, side);
    }),
    concurrency,
  );
  return rasters;
}

/** The `width` × `height` pixels of `image` from (x, y). */
export function crop(image: Raster, x: number, y: number, width: number, height: number): Raster {
  const rgba = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * image.width + x) * 4;
    rgba.set(image.rgba.subarray(from, from + width * 4), row * width * 4);
  }
  return { width, height, rgba };
}

/**
 * A raster as a binary PPM file (Netpbm P6: a text header, then RGB bytes; its alpha is dropped),
 * for zbarimg, which reads it through ImageMagick. Writing it is a copy, where a PNG of a large
 * crop would take test-support/png-encoder.ts about a second.
 */
export function rasterPpm(image: Raster): Uint8Array {
  const header = new TextEncoder().encode(`P6\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.width * image.height * 3);
  out.set(header);
  for (let i = 0, j = header.length; i < image.rgba.length; i += 4, j += 3) {
    out[j] = image.rgba[i]!;
    out[j + 1] = image.rgba[i + 1]!;
    out[j + 2] = image.rgba[i + 2]!;
  }
  return out;
}

/** Mean absolute difference per colour channel (0..255), and the largest, of two RGBA images of one size. */
export function difference(a: Raster, b: Raster): { mean: number; max: number } {
  assert.equal(a.width, b.width);
  assert.equal(a.height, b.height);
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.rgba.length; i++) {
    if ((i & 3) === 3) continue;
    const d = Math.abs(a.rgba[i]! - b.rgba[i]!);
    sum += d;
    if (d > max) max = d;
  }
  return { mean: sum / ((a.rgba.length / 4) * 3), max };
}

// ---------------------------------------------------------------------------------------------
// The readers

/** The two independent readers. */
export type Reader = 'zxing' | 'zbar';

/**
 * What zbar reads in each image (undefined where it finds no symbol), all in one `zbarimg` run:
 * its XML output names each file, and starting it once instead of once a file saves most of its
 * time. Rasters are written as PPM files first.
 */
export async function zbar(images: readonly (Uint8Array | Raster)[]): Promise<(string | undefined)[]> {
  const zbarimg = tool('zbarimg');
  const names = images.map((image) => {
    const name = scratchFile('zbar', image instanceof Uint8Array ? 'png' : 'ppm');
    writeFileSync(name, image instanceof Uint8Array ? image : rasterPpm(image));
    return name;
  });
  let xml: string;
  try {
    xml = (await run(zbarimg, ['--xml', '-q', ...names], { encoding: 'utf8', maxBuffer: 1 << 26 })).stdout;
  } catch (error) {
    // Exit status 4: no symbol in any of the files.
    if ((error as { code?: unknown }).code !== 4) throw error;
    xml = (error as { stdout: string }).stdout;
  }
  const found = new Map<string, string>();
  for (const [, href, body] of xml.matchAll(/<source href='([^']*)'>([\s\S]*?)<\/source>/g)) {
    const data = /<data><!\[CDATA\[([\s\S]*?)\]\]><\/data>/.exec(body!);
    if (data) found.set(href!, data[1]!);
  }
  return names.map((name) => found.get(name));
}

let reader: typeof readBarcodes | undefined;

/**
 * What ZXing reads in the image — a PNG file, or a raster, which it takes as ImageData — or
 * undefined (the repository's one Node loader, test-support/zxing.mjs).
 */
export async function zxing(image: Uint8Array | Raster): Promise<string | undefined> {
  reader ??= await zxingReader();
  const input =
    image instanceof Uint8Array
      ? image
      : ({ data: new Uint8ClampedArray(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength), width: image.width, height: image.height, colorSpace: 'srgb' } as ImageData);
  const [result] = await reader(input, { formats: ['QRCode'], maxNumberOfSymbols: 1, textMode: 'Plain' });
  return result?.isValid ? result.text : undefined;
}

// ---------------------------------------------------------------------------------------------
// Styles, texts, sides, jobs

export type Style = `${ModuleShape}/${FinderShape}`;

/** Every moduleShape × finderShape. */
export const STYLES: readonly (readonly [ModuleShape, FinderShape])[] = MODULE_SHAPES.flatMap((m) => FINDER_SHAPES.map((f) => [m, f] as const));

/**
 * What a reader was found to read of one style: 'every image' — read to exactly the input every
 * time; 'some images' — read at most scales, missed at others (never misread).
 */
export type Verdict = 'every image' | 'some images';
export type Reads = Record<Reader, Record<Style, Verdict>>;

/** A READS table: `verdict(reader, moduleShape, finderShape)` for every reader and style. */
export function readsTable(verdict: (reader: Reader, moduleShape: ModuleShape, finderShape: FinderShape) => Verdict): Reads {
  const table = (r: Reader): Record<Style, Verdict> => Object.fromEntries(STYLES.map(([m, f]) => [`${m}/${f}`, verdict(r, m, f)])) as Record<Style, Verdict>;
  return { zxing: table('zxing'), zbar: table('zbar') };
}

/** One read of one image: what `reader` got (undefined: nothing) and what was encoded. */
export interface Outcome {
  reader: Reader;
  style: Style;
  /** What the image was made from, e.g. 'png', 'svg (librsvg)'. */
  source: string;
  qr: QrSymbol;
  scale: number;
  text: string;
  got: string | undefined;
  /** More about the image, for messages (e.g. the logo's format). */
  note?: string;
}

/**
 * Asserts that every read is exactly the input, and that a miss is only where `reads` says
 * 'some images'; returns the misses, one line each, for the test's diagnostic.
 */
export function checkReads(outcomes: readonly Outcome[], reads: Reads, seed: number): string[] {
  const misses: string[] = [];
  for (const { reader, style, source, qr, scale, text, got, note } of outcomes) {
    const what = `seed ${seed}: ${reader} from the ${source} of ${style}${note ? ` (${note})` : ''}, version ${qr.version} ECL ${qr.ecl}, scale ${scale}`;
    if (got !== undefined) assert.equal(got, text, `${what} read something else`);
    else {
      assert.equal(reads[reader][style], 'some images', `${what}: not read`);
      misses.push(`${reader} ${source} ${style} v${qr.version}${qr.ecl} scale ${scale}${note ? ` ${note}` : ''}`);
    }
  }
  return misses;
}

const TEXT_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .:/?=&-_'];

/** Printable ASCII text that needs exactly `version` at `ecl` in byte mode (both readers take ASCII as it is). */
export function textFor(random: Random, version: number, ecl: Ecl): string {
  const least = version === 1 ? 1 : capacity(version - 1, ecl).byte + 1;
  const length = randomInt(random, least, capacity(version, ecl).byte);
  let text = '';
  for (let i = 0; i < length; i++) text += pick(random, TEXT_CHARS);
  return text;
}

/** The side in px of `qr` at `scale` with a quiet zone of `margin` modules. */
export function sidePx(qr: QrSymbol, scale: number, margin = 4): number {
  return (qr.size + 2 * margin) * scale;
}

/**
 * Runs `jobs` with at most `limit` at a time (the readers are processes and a WebAssembly module);
 * when one fails, the others still finish before the first failure is thrown, so that no job is
 * left writing into the scratch directory.
 */
export async function pool<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  const failures: unknown[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < jobs.length) {
        const i = next++;
        try {
          results[i] = await jobs[i]!();
        } catch (error) {
          failures.push(error);
        }
      }
    }),
  );
  if (failures.length > 0) throw failures[0];
  return results;
}
