/**
 * Logos that scan, and that Chromium, librsvg and the PNG renderer draw alike (issue 9, "Tests").
 *
 * - Read back: every moduleShape × finderShape × ECL L/M/Q/H, at a small and a large version, with
 *   the largest logo the rule allows (`size: maxLogoSize(qr)`, default padding 1), at pixel
 *   scales 4..12 (a seeded rotation, as styles.test.ts does), is read to exactly the input by
 *   zxing-wasm (ZXing-C++) and by zbar (`zbarimg`) from toPNG's PNG (a PNG logo) and from toSVG's
 *   SVG (the logo as PNG, JPEG, WebP or SVG, in rotation) rasterised by Chromium and by librsvg.
 *   The SVGs without a logo are read from Chromium's rasters too, at the small versions
 *   (styles.test.ts reads librsvg's rasters of them, at both). READS is what each reader was
 *   found to read; the test asserts exactly that.
 * - Refused: a logo one ring larger than maxLogoSize is LOGO_TOO_LARGE in toPNG and toSVG, at
 *   every version and ECL.
 * - Drawn alike: for every style, with a logo in each format and without one, Chromium's and
 *   librsvg's rasters of one SVG, and toPNG's raster of the same options (PNG logo), differ
 *   little, module region and logo apart (the measures and limits are at DRAWN_ALIKE).
 * - librsvg's logo formats: it draws PNG, JPEG and SVG logos and leaves a WebP logo undrawn
 *   (see LIBRSVG_DRAWS), which the README states; Chromium draws all four.
 *
 * Needs Debian's `rsvg-convert` (librsvg2-bin), `zbarimg` (zbar-tools) and `/usr/bin/chromium`
 * (or CHROME_PATH): test-support/readers.ts, which says how to install a missing one.
 * Seeded: QR_TEST_SEED=<seed> replays a run with other texts, scales and logo formats.
 *
 * The logo files, test-support/fixtures/logo.{svg,png,jpg,webp}, are one 120 × 80 picture
 * (a rounded blue card with a yellow disc, a translucent white triangle and a translucent red
 * disc over its corner; transparent round the card). logo.svg was written by hand; the other three
 * were made from it once with Chromium 156 (Debian): `node src/test-support/fixtures/make-logos.mjs`
 * from packages/qr-core draws the SVG on a 120 × 80 canvas in a throwaway page and saves
 * canvas.toDataURL('image/png'), ('image/jpeg', 0.9) over a white fill (JPEG has no alpha) and
 * ('image/webp', 0.9) (lossy, with an alpha plane). The tests need neither the script nor the
 * browser to make them.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { encode } from './encode.js';
import { QrError } from './errors.js';
import { logoArea, maxLogoSize, maxLogoSizeAt } from './logo-budget.js';
import { toPNG } from './png.js';
import type { FinderShape, ModuleShape } from './render-options.js';
import { toSVG } from './svg.js';
import type { Ecl, QrSymbol } from './symbol.js';
import { ECLS, MAX_VERSION } from './tables.js';
import { encodePng } from './test-support/png-encoder.js';
import { readPixels } from './test-support/png-pixels.js';
import { randomInt, seededRandom, testSeed } from './test-support/random.js';
import {
  checkReads,
  chromiumRasters,
  difference,
  rasterise,
  rasteriseAll,
  readRaster,
  readsTable,
  sidePx,
  STYLES,
  textFor,
  zbar,
  zxing,
  type Outcome,
  type Raster,
  type Style,
} from './test-support/readers.js';

const FIXTURES = new URL('./test-support/fixtures/', import.meta.url);
const LOGO_FORMATS = ['png', 'jpeg', 'webp', 'svg'] as const;
type LogoFormat = (typeof LOGO_FORMATS)[number];
const LOGOS: Record<LogoFormat, Uint8Array> = {
  png: readFileSync(new URL('logo.png', FIXTURES)),
  jpeg: readFileSync(new URL('logo.jpg', FIXTURES)),
  webp: readFileSync(new URL('logo.webp', FIXTURES)),
  svg: readFileSync(new URL('logo.svg', FIXTURES)),
};

/** The default margin of toPNG and toSVG, in modules. */
const MARGIN = 4;

/**
 * What each reader reads with the largest logo, found by running the read-back test below with
 * seeds 20261202 (the default) and 1..5: 3,024 reads, each symbol from the PNG, from Chromium's
 * and from librsvg's raster of the SVG (logos of all four formats), and from Chromium's raster of
 * the SVG without its logo:
 * - zxing reads every image of every style;
 * - zbar reads every image of square and rounded finders, and misses circle finders now and then:
 *   26 of the 504 images of them (5 %), at scales 10..12 mostly (4 and 8 once or twice), from
 *   every source, logo format and ECL alike, and without a logo too — the miss styles.test.ts
 *   documents, which the logo neither causes nor worsens. It never misreads.
 */
const READS = readsTable((reader, _moduleShape, finderShape) => (reader === 'zbar' && finderShape === 'circle' ? 'some images' : 'every image'));

/**
 * The smallest version from `least` at which `ecl` takes a logo with padding 1. maxLogoSize (padding
 * 1), measured over the versions these tests use, as the logo's side in modules / the symbol's:
 * - L: 0 at versions 1 and 2 (the smallest knock-out with a logo, 3 × 3 modules — a 1-module logo
 *   and its padding — touches more codewords than half the capacity there), 1/29 at 3;
 * - M: 1/21, 1/25, 1/29 at versions 1, 2, 3;  Q: 1/21, 1/25, 3/29;  H: 1/21, 3/25, 3/29;
 * - at versions 20..25: L 0.11..0.16, M 0.21..0.24, Q 0.18..0.26, H 0.25..0.32.
 * So the small version at ECL L is 3, and 1..3 at the others.
 */
function smallestWithLogo(least: number, ecl: Ecl): number {
  let version = least;
  while (maxLogoSizeAt(version, ecl, 1) === 0) version++;
  return version;
}

describe('logos: read back by two independent readers', () => {
  test('every style × ECL with the largest logo, small and large versions, scales 4..12: zxing and zbar, from the PNG and from the SVG as Chromium and librsvg draw it', async (t) => {
    const seed = testSeed(20261202);
    const random = seededRandom(seed);
    interface Case {
      style: Style;
      moduleShape: ModuleShape;
      finderShape: FinderShape;
      text: string;
      qr: QrSymbol;
      /** The SVG's logo; the PNG's is always PNG. */
      format: LogoFormat;
      /** Pixels per module of each image; `plain` is Chromium's raster without a logo, small versions only. */
      scales: { png: number; chromium: number; rsvg: number; plain: number | undefined };
    }
    const cases: Case[] = [];
    // Scales 4..12: each style takes them in a seeded rotation, each source three or four steps
    // from the others, so that every style meets 8 of the 9 scales from each source; the SVG's
    // logo format rotates too, so that each style meets each format twice.
    const offset = randomInt(random, 0, 8);
    let group = 0;
    for (const ecl of ECLS) {
      for (const [least, most] of [[1, 3], [20, 25]] as const) {
        const smallest = smallestWithLogo(least, ecl);
        const version = randomInt(random, smallest, Math.max(smallest, most));
        const text = textFor(random, version, ecl);
        const qr = encode(text, { ecl, minVersion: version, maxVersion: version });
        assert.equal(qr.version, version);
        assert.ok(maxLogoSize(qr) > 0);
        STYLES.forEach(([moduleShape, finderShape], s) => {
          const k = group + offset + s;
          cases.push({
            style: `${moduleShape}/${finderShape}`,
            moduleShape,
            finderShape,
            text,
            qr,
            format: LOGO_FORMATS[(group + s) % LOGO_FORMATS.length]!,
            scales: { png: 4 + (k % 9), chromium: 4 + ((k + 3) % 9), rsvg: 4 + ((k + 6) % 9), plain: least === 1 ? 4 + ((k + 5) % 9) : undefined },
          });
        });
        group++;
      }
    }
    const shapes = (c: Case) => ({ moduleShape: c.moduleShape, finderShape: c.finderShape });
    const logo = (c: Case, format: LogoFormat) => ({ logo: { image: LOGOS[format], size: maxLogoSize(c.qr) } });

    // Chromium draws its images in a few screenshots and librsvg one by one, both in other
    // processes, while zxing reads the PNGs here, then their rasters; zbar reads everything
    // afterwards, in two runs side by side (fixed batches: which circle finders zbar misses
    // depends on what it read before in the same run).
    const chromium = chromiumRasters(
      cases.flatMap((c) => [
        { svg: toSVG(c.qr, { ...shapes(c), ...logo(c, c.format) }), side: sidePx(c.qr, c.scales.chromium) },
        ...(c.scales.plain === undefined ? [] : [{ svg: toSVG(c.qr, shapes(c)), side: sidePx(c.qr, c.scales.plain) }]),
      ]),
    );
    const librsvg = rasteriseAll(cases.map((c) => ({ svg: toSVG(c.qr, { ...shapes(c), ...logo(c, c.format) }), side: sidePx(c.qr, c.scales.rsvg) })));
    const pngs = cases.map((c) => toPNG(c.qr, { scale: c.scales.png, ...shapes(c), ...logo(c, 'png') }));
    const zxingPng: (string | undefined)[] = [];
    for (const png of pngs) zxingPng.push(await zxing(png));
    const rsvgs = await librsvg;
    const zxingRsvg: (string | undefined)[] = [];
    for (const rsvg of rsvgs) zxingRsvg.push(await zxing(rsvg));
    const rasters = await chromium;
    const zxingChromium: (string | undefined)[] = [];
    for (const raster of rasters) zxingChromium.push(await zxing(raster));

    // Per case: the PNG, librsvg's raster, Chromium's, and Chromium's without the logo (small versions).
    const files: (Uint8Array | Raster)[] = [];
    const firstFile: number[] = [];
    const firstRaster: number[] = [];
    for (const [i, c] of cases.entries()) {
      firstFile.push(files.length);
      firstRaster.push(i === 0 ? 0 : firstRaster[i - 1]! + (cases[i - 1]!.scales.plain === undefined ? 1 : 2));
      files.push(pngs[i]!, rsvgs[i]!, rasters[firstRaster[i]!]!);
      if (c.scales.plain !== undefined) files.push(rasters[firstRaster[i]! + 1]!);
    }
    const half = firstFile[cases.length >> 1]!;
    const zbarReads = (await Promise.all([zbar(files.slice(0, half)), zbar(files.slice(half))])).flat();

    const outcomes: Outcome[] = [];
    for (const [i, c] of cases.entries()) {
      const base = { style: c.style, qr: c.qr, text: c.text };
      const f = firstFile[i]!;
      const r = firstRaster[i]!;
      const reads: [string, number, string | undefined, string | undefined, string | undefined][] = [
        ['PNG', c.scales.png, zxingPng[i], zbarReads[f], 'PNG logo'],
        ['SVG as librsvg draws it', c.scales.rsvg, zxingRsvg[i], zbarReads[f + 1], `${c.format} logo${c.format === 'webp' ? ', undrawn' : ''}`],
        ['SVG as Chromium draws it', c.scales.chromium, zxingChromium[r], zbarReads[f + 2], `${c.format} logo`],
      ];
      if (c.scales.plain !== undefined) reads.push(['SVG as Chromium draws it', c.scales.plain, zxingChromium[r + 1], zbarReads[f + 3], 'no logo']);
      for (const [source, scale, byZxing, byZbar, note] of reads) {
        outcomes.push({ ...base, reader: 'zxing', source, scale, got: byZxing, ...(note ? { note } : {}) });
        outcomes.push({ ...base, reader: 'zbar', source, scale, got: byZbar, ...(note ? { note } : {}) });
      }
    }
    const misses = checkReads(outcomes, READS, seed);
    t.diagnostic(`${outcomes.length} reads, ${misses.length} misses where READS says 'some images'${misses.length ? `: ${misses.join('; ')}` : ''}`);
  });

  test("zbar's documented miss holds with the largest logo: circle finders at version 22-M, scale 12 (zxing reads them; zbar reads rounded finders there)", async () => {
    const text = 'https://example.com/' + 'x'.repeat(400);
    const qr = encode(text, { ecl: 'M', minVersion: 22, maxVersion: 22 });
    const logo = { image: LOGOS.png, size: maxLogoSize(qr) };
    const circles = toPNG(qr, { scale: 12, finderShape: 'circle', logo });
    const rounded = toPNG(qr, { scale: 12, finderShape: 'rounded', logo });
    assert.equal(await zxing(circles), text, 'zxing reads it');
    const [fromCircles, fromRounded] = await zbar([circles, rounded]);
    assert.equal(fromCircles, undefined, 'zbar does not read these circle finders: update READS if it now does');
    assert.equal(fromRounded, text, 'zbar reads rounded finders there');
  });

  test('a logo one ring larger than maxLogoSize is LOGO_TOO_LARGE in toPNG and toSVG, at every version and ECL', () => {
    const random = seededRandom(testSeed(9));
    for (const ecl of ECLS) {
      for (let version = 1; version <= MAX_VERSION; version++) {
        const qr = encode(textFor(random, version, ecl), { ecl, minVersion: version, maxVersion: version });
        const largest = maxLogoSize(qr);
        const over = { image: LOGOS.png, size: largest + 2 / qr.size };
        const what = `version ${version} ECL ${ecl}, maxLogoSize ${largest.toFixed(3)}`;
        for (const [renderer, render] of [['toPNG', () => toPNG(qr, { scale: 1, logo: over })], ['toSVG', () => toSVG(qr, { logo: over })]] as const) {
          assert.throws(render, (error: unknown) => {
            assert.ok(error instanceof QrError, `${renderer}, ${what}: ${String(error)}`);
            assert.equal(error.code, 'LOGO_TOO_LARGE', `${renderer}, ${what}: ${error.message}`);
            assert.match(error.message, new RegExp(`the largest is ${String(Math.floor(largest * 1000) / 1000).replace('.', '\\.')}\\b`), `${renderer}, ${what}`);
            return true;
          });
        }
        // maxLogoSize itself is taken (the read-back test shows it scans).
        if (largest > 0) assert.doesNotThrow(() => logoArea(qr, largest, undefined), what);
      }
    }
  });
});

/** A box of pixels: the logo's square of the knock-out. */
interface Box {
  x: number;
  y: number;
  side: number;
}

interface Measure {
  mean: number;
  max: number;
}

/**
 * The difference of two rasters of one size, as readers.ts's `difference` measures it (mean
 * absolute difference per colour channel, and the largest), inside `box` and outside it.
 */
function differenceByRegion(a: Raster, b: Raster, box: Box): { logo: Measure; modules: Measure } {
  assert.equal(a.width, b.width);
  assert.equal(a.height, b.height);
  const sum = [0, 0];
  const max = [0, 0];
  const count = [0, 0];
  for (let y = 0; y < a.height; y++) {
    const rowInside = y >= box.y && y < box.y + box.side;
    for (let x = 0; x < a.width; x++) {
      const k = rowInside && x >= box.x && x < box.x + box.side ? 0 : 1;
      count[k]! += 3;
      for (let i = (y * a.width + x) * 4, end = i + 3; i < end; i++) {
        const d = Math.abs(a.rgba[i]! - b.rgba[i]!);
        sum[k]! += d;
        if (d > max[k]!) max[k] = d;
      }
    }
  }
  return { logo: { mean: sum[0]! / Math.max(1, count[0]!), max: max[0]! }, modules: { mean: sum[1]! / count[1]!, max: max[1]! } };
}

type Pair = 'Chromium/librsvg' | 'Chromium/PNG' | 'librsvg/PNG';

/**
 * How far the three rasters of one drawing may be apart, in channel values (0..255). Measured on
 * versions 4-H, 10-H (this test's symbol) and 22-H, each style × each logo format and no logo ×
 * every scale 4..12 (1..12 without a logo): 1,296 drawings. Edge pixels are about 1/scale of a
 * shape's pixels, so a difference at edges weighs mean ∝ 1/scale: the limits on the mean are
 * K / scale, capped at low scales, with K and the cap some 25 % over the largest measured.
 *
 * The module region (everything but the logo's square):
 * - square modules and square finders are identical in all three, at every scale: their edges are
 *   on whole pixels, and so is the knock-out;
 * - curves differ at their edges. toPNG's pixels are their exact coverage rounded to the nearest of
 *   4 levels (off by up to 1/6 of the way, 43); librsvg (cairo) flattens curves finely and agrees
 *   with that within 59; Chromium (Skia) flattens them into chords, which lie inside the curve — a
 *   lone disc of radius 31.5 px comes out 25 px² (0.8 %) short of πr², about 1/8 px all along its
 *   edge and up to 0.28 of a pixel's coverage — so its round shapes are lighter at every edge
 *   pixel: up to 110 from toPNG, 99 from librsvg. (Straight edges at fractional positions agree
 *   exactly in both.) Largest mean × scale measured (dots, which are all edge, at version 22):
 *   Chromium/librsvg 34, Chromium/PNG 50, librsvg/PNG 39; at scales 1..3, means up to 5.1, 11.0
 *   and 10.7.
 * The logo's square:
 * - one file in both rasterisers (Chromium/librsvg): decoded alike and resampled alike, means up
 *   to 1.7 (5.3 for the 20 px logo of version 4 at scale 4); single pixels at the edges of an SVG
 *   logo's own curves up to 132;
 * - against toPNG's PNG logo: toPNG places the logo on whole pixels (png-logo.ts) where the
 *   rasterisers keep the half pixel of a 3:2 logo letterboxed at odd scales, and resamples with a
 *   filter of its own; JPEG and WebP add their compression. Means up to 5.2 here (3.5 at version
 *   22; 9.7 for the 20 px logo of version 4 at scale 4), single pixels at shape edges up to 164.
 *   Where the PNG logo is drawn at its own size (1:1, nothing resampled) with square modules, all
 *   three are the same pixels: alpha is composited alike.
 */
const DRAWN_ALIKE: Record<Pair, { moduleMean: (scale: number) => number; moduleMax: number; logoMean: number; logoMax: number }> = {
  'Chromium/librsvg': { moduleMean: (scale) => Math.min(7, 44 / scale), moduleMax: 128, logoMean: 3, logoMax: 176 },
  'Chromium/PNG': { moduleMean: (scale) => Math.min(14, 64 / scale), moduleMax: 128, logoMean: 8, logoMax: 208 },
  'librsvg/PNG': { moduleMean: (scale) => Math.min(14, 48 / scale), moduleMax: 72, logoMean: 8, logoMax: 208 },
};

/**
 * Which logo formats librsvg 2.54 draws in an SVG's `<image href="data:…">`: it decodes raster
 * images with gdk-pixbuf, whose PNG and JPEG loaders are built into libgdk_pixbuf-2.0 and which
 * has no WebP loader unless Debian's webp-pixbuf-loader is installed (not a dependency of
 * librsvg2-bin); SVG images it draws itself. A WebP logo is left out — rsvg-convert exits 0 with
 * nothing on stderr, and the raster is that of the SVG without its `<image>`, pixel for pixel — so
 * the modules scan and the logo is missing. If this test finds WebP drawn, webp-pixbuf-loader is
 * installed: the README's sentence on librsvg and this table need it as a condition.
 */
const LIBRSVG_DRAWS: Record<LogoFormat, boolean> = { png: true, jpeg: true, webp: false, svg: true };

describe('logos: Chromium, librsvg and the PNG draw the same', () => {
  test('every style, with the largest logo in each format (PNG, JPEG, WebP, SVG) and without: small differences, module region and logo apart', async (t) => {
    const random = seededRandom(testSeed(11));
    const qr = encode('https://example.com/products/12345?ref=qr', { ecl: 'H', minVersion: 10, maxVersion: 10 });
    const size = maxLogoSize(qr);
    const area = logoArea(qr, size, undefined);
    // The logo's square: 15 modules, so that at scale 8 the 120 px wide logo is drawn 1:1.
    assert.equal(area.logoSide, 15);
    interface Job { style: Style; moduleShape: ModuleShape; finderShape: FinderShape; format: LogoFormat | undefined; scale: number; svg: string }
    const jobs: Job[] = [];
    for (const [moduleShape, finderShape] of STYLES) {
      for (const format of [...LOGO_FORMATS, undefined]) {
        const scale = randomInt(random, format === undefined ? 1 : 4, 12);
        jobs.push({ style: `${moduleShape}/${finderShape}`, moduleShape, finderShape, format, scale, svg: toSVG(qr, { moduleShape, finderShape, ...(format ? { logo: { image: LOGOS[format], size } } : {}) }) });
      }
      // The PNG logo at its own size, square modules: the three are the same pixels in the logo's square.
      if (moduleShape === 'square') jobs.push({ style: `${moduleShape}/${finderShape}`, moduleShape, finderShape, format: 'png', scale: 8, svg: toSVG(qr, { moduleShape, finderShape, logo: { image: LOGOS.png, size } }) });
    }
    // Chromium and librsvg draw in other processes while toPNG draws here.
    const chromiumDone = chromiumRasters(jobs.map((job) => ({ svg: job.svg, side: sidePx(qr, job.scale) })));
    const librsvgDone = rasteriseAll(jobs.map((job) => ({ svg: job.svg, side: sidePx(qr, job.scale) })));
    const pngs = jobs.map((job) =>
      readRaster(toPNG(qr, { scale: job.scale, moduleShape: job.moduleShape, finderShape: job.finderShape, ...(job.format ? { logo: { image: LOGOS.png, size } } : {}) })),
    );
    const rsvgs = (await librsvgDone).map(readRaster);
    const chromium = await chromiumDone;
    // The largest of each measure, per pair, for the diagnostic: module mean × scale, module max, logo mean, logo max.
    const largest = Object.fromEntries(Object.keys(DRAWN_ALIKE).map((pair) => [pair, [0, 0, 0, 0]])) as Record<Pair, number[]>;
    for (const [i, job] of jobs.entries()) {
      const [rsvg, png] = [rsvgs[i]!, pngs[i]!];
      const box = { x: (area.logoX + MARGIN) * job.scale, y: (area.logoY + MARGIN) * job.scale, side: area.logoSide * job.scale };
      const what = `${job.style} ${job.format ? `${job.format} logo` : 'without a logo'} at scale ${job.scale}`;
      const rasters = { Chromium: chromium[i]!, librsvg: rsvg, PNG: png };
      for (const pair of Object.keys(DRAWN_ALIKE) as Pair[]) {
        const [a, b] = pair.split('/') as [keyof typeof rasters, keyof typeof rasters];
        const { logo, modules } = differenceByRegion(rasters[a], rasters[b], box);
        const limits = DRAWN_ALIKE[pair];
        const where = `${what}, ${pair}: modules mean ${modules.mean.toFixed(2)} max ${modules.max}, logo mean ${logo.mean.toFixed(2)} max ${logo.max}`;
        assert.ok(modules.mean <= limits.moduleMean(job.scale), `${where}; module mean over ${limits.moduleMean(job.scale).toFixed(2)}`);
        assert.ok(modules.max <= limits.moduleMax, `${where}; module max over ${limits.moduleMax}`);
        const worst = largest[pair];
        worst[0] = Math.max(worst[0]!, modules.mean * job.scale);
        worst[1] = Math.max(worst[1]!, modules.max);
        // Without a logo the square holds modules; librsvg leaves a WebP logo out (the next test).
        if (job.format === undefined || (job.format === 'webp' && pair !== 'Chromium/PNG')) continue;
        const exact = job.format === 'png' && job.moduleShape === 'square' && job.scale === 8;
        assert.ok(logo.mean <= (exact ? 0 : limits.logoMean), `${where}; logo mean over ${exact ? 0 : limits.logoMean}`);
        assert.ok(logo.max <= (exact ? 0 : limits.logoMax), `${where}; logo max over ${exact ? 0 : limits.logoMax}`);
        worst[2] = Math.max(worst[2]!, logo.mean);
        worst[3] = Math.max(worst[3]!, logo.max);
      }
    }
    for (const [pair, [meanTimesScale, max, logoMean, logoMax]] of Object.entries(largest)) {
      t.diagnostic(`${pair}: modules mean × scale up to ${meanTimesScale!.toFixed(1)}, max ${max}; logo mean up to ${logoMean!.toFixed(2)}, max ${logoMax}`);
    }
  });

  test('librsvg draws PNG, JPEG and SVG logos and leaves a WebP logo undrawn (gdk-pixbuf has no WebP loader); Chromium draws all four', async () => {
    const qr = encode('https://example.com/products/12345?ref=qr', { ecl: 'H', minVersion: 10, maxVersion: 10 });
    const size = maxLogoSize(qr);
    const area = logoArea(qr, size, undefined);
    const scale = 6;
    const side = sidePx(qr, scale);
    const box = { x: (area.logoX + MARGIN) * scale, y: (area.logoY + MARGIN) * scale, side: area.logoSide * scale };
    const svgs = LOGO_FORMATS.map((format) => toSVG(qr, { moduleShape: 'rounded', logo: { image: LOGOS[format], size } }));
    const bare = svgs[0]!.replace(/<image [^>]*\/>/, '');
    assert.notEqual(bare, svgs[0], 'the SVG has an <image> to take out');
    const [withoutImage, ...chromium] = await chromiumRasters([bare, ...svgs].map((svg) => ({ svg, side })));
    const [rsvgBare, ...rsvgs] = (await rasteriseAll([bare, ...svgs].map((svg) => ({ svg, side })))).map(readRaster);
    const drawnBy: Record<string, Record<LogoFormat, boolean>> = { librsvg: { ...LIBRSVG_DRAWS }, Chromium: { png: true, jpeg: true, webp: true, svg: true } };
    const found: Record<string, Partial<Record<LogoFormat, boolean>>> = { librsvg: {}, Chromium: {} };
    for (const [k, format] of LOGO_FORMATS.entries()) {
      const rsvg = rsvgs[k]!;
      // Drawn: the logo's square differs from the SVG's without the <image> (the logo covers most of it).
      found['librsvg']![format] = differenceByRegion(rsvg, rsvgBare!, box).logo.mean > 20;
      found['Chromium']![format] = differenceByRegion(chromium[k]!, withoutImage!, box).logo.mean > 20;
      // Undrawn is nothing at all, and no failure: rsvg-convert exited 0 (rasteriseAll throws otherwise) and every pixel is as without the <image>.
      if (!found['librsvg']![format]) assert.deepEqual(difference(rsvg, rsvgBare!), { mean: 0, max: 0 }, `librsvg, ${format}: partly drawn`);
    }
    assert.deepEqual(found, drawnBy, 'which logo formats librsvg and Chromium draw (if librsvg now draws WebP, webp-pixbuf-loader is installed: see LIBRSVG_DRAWS)');
  });

  test("readers.ts's quick PNG path reads what readPixels reads: librsvg's and toPNG's files, every filter type in RGB and RGBA", async () => {
    const qr = encode('https://example.com/products/12345?ref=qr', { ecl: 'H' });
    const random = seededRandom(testSeed(13));
    const files = [
      await rasterise(toSVG(qr, { moduleShape: 'dots', logo: { image: LOGOS.jpeg, size: maxLogoSize(qr) } }), sidePx(qr, 5)),
      toPNG(qr, { scale: 5, finderShape: 'circle', logo: { image: LOGOS.png, size: maxLogoSize(qr) } }),
      toPNG(qr, { scale: 3, moduleShape: 'rounded' }), // a palette: readPixels reads it
      ...([2, 6] as const).map((colorType) => {
        const [width, height] = [23, 15];
        const samples = Array.from({ length: width * height * (colorType === 6 ? 4 : 3) }, () => randomInt(random, 0, 255));
        return encodePng({ width, height, colorType, bitDepth: 8, samples }, { filter: (row) => row % 5 });
      }),
    ];
    for (const [i, file] of files.entries()) {
      const { width, height, rgba } = readPixels(file);
      assert.deepEqual(readRaster(file), { width, height, rgba }, `file ${i}`);
    }
  });
});
