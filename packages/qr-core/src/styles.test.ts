/**
 * Module shapes, finder shapes and the finder colour, in SVG and PNG.
 *
 * - The plain drawing (square modules, square finders in the dark colour) is byte for byte what
 *   toSVG and toPNG wrote before shapes existed: hashes of their output for a set of symbols and
 *   options, taken before the change (test-support/square-cases.ts).
 * - Every moduleShape × finderShape × ECL, at a small and a large version, at pixel scales from
 *   4 to 12 (seeded, so that each style meets most scales and all scales are met), is read back to
 *   exactly the input by two independent readers — zxing-wasm (ZXing-C++) and zbar (`zbarimg`) —
 *   from the PNG and from the SVG as librsvg rasterises it (`rsvg-convert`). READS below is what
 *   each reader was found to read; the test asserts exactly that, reads and misses alike.
 * - The SVG rasterised by librsvg and the PNG of the same style at the same scale differ little
 *   (the measure: mean absolute difference per channel, and the largest single difference).
 *
 * Needs `rsvg-convert` (Debian librsvg2-bin) and `zbarimg` (zbar-tools) on PATH (test-support/readers.ts,
 * which says how to install a missing one, runs them and zxing).
 * Seeded: QR_TEST_SEED=<seed> replays a run with other texts and scales.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { encode } from './encode.js';
import { QrError } from './errors.js';
import { toPNG, type PngOptions } from './png.js';
import { FINDER_SHAPES, MODULE_SHAPES, type DrawingOptions, type FinderShape, type ModuleShape } from './render-options.js';
import { dataModules, finderArea, finderOrigins, moduleArea, roundedCorners } from './shapes.js';
import { toSVG } from './svg.js';
import { QrSymbol } from './symbol.js';
import { ECLS } from './tables.js';
import { readPixels } from './test-support/png-pixels.js';
import { randomInt, seededRandom, testSeed } from './test-support/random.js';
import { checkReads, difference, pool, rasterise, readsTable, sidePx, STYLES, textFor, zbar, zxing, type Outcome, type Style } from './test-support/readers.js';
import { squareCases } from './test-support/square-cases.js';

/**
 * What each reader reads, found by reading every style × ECL L/M/Q/H × versions 2 and 22 × every
 * scale 4..12 (648 symbols), each from the PNG and from librsvg's raster of the SVG, and circle
 * finders again at versions 3..40 and scales 2..14:
 * - 'every image': read to exactly the input every time;
 * - 'some images': read at most scales, missed at others (never misread). zbar misses circle
 *   finders at some scales whatever the version — at scale 12 nearly always, at 11 often, at 4 or
 *   10 now and then — from qr-core's PNG and from librsvg's raster alike: it fits straight lines
 *   to the finders' edges (RANSAC, then least squares), and a circle's edges are not straight.
 *   Which images it misses also depends on those it read before in the same zbarimg run (its
 *   random generator carries over), so the test's fixed batches make a run repeatable.
 */
const READS = readsTable((reader, _moduleShape, finderShape) => (reader === 'zbar' && finderShape === 'circle' ? 'some images' : 'every image'));

/**
 * How far librsvg's raster of an SVG may be from the PNG of the same style, in channel values
 * (0..255). The PNG rounds each edge pixel's exact coverage to the nearest of 4 levels (off by
 * up to 1/6, 43), and librsvg approximates coverage in its own way, so:
 * - the mean absolute difference per channel, over the whole image, is at most 48 / scale (and
 *   14): edge pixels are about 1/scale of a shape's pixels. Measured over versions 4, 10 and 22
 *   at ECL H, every style, scales 1..12 (logo-readback.test.ts measures the same pair): at most
 *   39 / scale (dots, where every module has an edge; 10.7 at scale 2 at version 22), 0 for squares;
 * - no channel of any pixel differs by more than 72 (measured: 59).
 * The same limits as logo-readback.test.ts's librsvg/PNG pair.
 */
const meanLimit = (scale: number): number => Math.min(14, 48 / scale);
const MAX_LIMIT = 72;

const SHA = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** [case, sha256 of toSVG, sha256 of toPNG] (first 16 hex digits), taken before module and finder shapes existed. */
const SQUARE_BASELINE: readonly (readonly [string, string, string])[] = [
  ['v1 half dark, defaults', '8a0cb410fe42d85a', '04c3aa46115aca11'],
  ['v1 half dark, scale 1 margin 0', '1e014286f76e1280', 'c9df29eef840f59a'],
  ['v1 half dark, scale 3 margin 2, palette', 'ad456218afbcc1b9', '922f91920847e58b'],
  ['v1 half dark, transparent light', '9240d6c18cabf139', 'e651badcdf3ce3ef'],
  ['v1 half dark, translucent both', '581f211874569ffd', '5c262f84f002981f'],
  ['v1 half dark, white on black', 'a2d377c99c4e8603', 'c2b45d3520c124a2'],
  ['v2 sparse, defaults', '76410acec15d84e3', 'a236726101f36029'],
  ['v2 sparse, scale 1 margin 0', 'bca9e3dd918b8aa0', 'e836a25b1ba5c470'],
  ['v2 sparse, scale 3 margin 2, palette', '97e15a228b5eb2a6', 'fa3c161f2abf40de'],
  ['v2 sparse, transparent light', '50a1967d1b54aad2', '03d2bf7efe85f498'],
  ['v2 sparse, translucent both', 'e46271e89e7045bf', 'dff6ad0b171f601a'],
  ['v2 sparse, white on black', '7f00cc7eb567d583', 'ba98876e1612f16a'],
  ['v7 dense, defaults', 'e5412249f43be8e7', 'b43a6e564f7434cd'],
  ['v7 dense, scale 1 margin 0', 'c8e2a6d72b50b836', 'eccbde579b003252'],
  ['v7 dense, scale 3 margin 2, palette', '6192af61015ce158', 'eed234fb926ffe19'],
  ['v7 dense, transparent light', '47873246c61232c9', 'c9cd6c5cb49246af'],
  ['v7 dense, translucent both', '82cb79887b63c1fa', 'd7b44d063ee8667a'],
  ['v7 dense, white on black', 'ca4f23ec7e35f485', '6cd883dd0850e8ab'],
  ['v25, defaults', 'c20312026109f72d', '9e2d4c1878b4dee1'],
  ['v25, scale 1 margin 0', 'ec8afad55b4c090a', '1fd7bace19da9d78'],
  ['v25, scale 3 margin 2, palette', 'f29ec3feba0efde0', 'd5868ff0d54c0c88'],
  ['v25, transparent light', 'd2480b8f600def9b', '2a50e72bbe5897e0'],
  ['v25, translucent both', '015b6ee5cad6805b', '0cd9833b967d59df'],
  ['v25, white on black', 'aaca1cee89f10058', 'c06489e95296bb62'],
  ['v40, defaults', 'ac99783748143d76', 'be8a1ae6ea883773'],
  ['v40, scale 1 margin 0', 'b74f896bd7a40ebc', 'dcf02d098a8853e3'],
  ['v40, scale 3 margin 2, palette', '08a45051a5b6901d', 'adf1d9aee03d50c4'],
  ['v40, transparent light', 'ab50e85c71d10eb0', '2c80b78af1415a21'],
  ['v40, translucent both', 'd84a24dec0051a8a', '904400b8fb47a6d0'],
  ['v40, white on black', '90dc8738aa866157', '140f12718f5cdec8'],
  ['v1 all light, defaults', '266bafd1be6c61e4', 'bca0557a330b6dd6'],
  ['v1 all light, scale 1 margin 0', '93925740fd2b4541', '3af186501d4149a8'],
  ['v1 all light, scale 3 margin 2, palette', '02647c42baa9b399', '7bee8e407e558d16'],
  ['v1 all light, transparent light', 'e6dd825f387ba965', '2013f82cfbc40744'],
  ['v1 all light, translucent both', 'd31a7096b4601aa5', 'fe34db3a3f32ed12'],
  ['v1 all light, white on black', 'd7a319338ce75455', '7d5ccc130c1f9725'],
  ['v1 all dark, defaults', 'c231319a10f5eab3', '5f561d060369ea7a'],
  ['v1 all dark, scale 1 margin 0', 'c40445ce402a1401', '0bc92fd335634747'],
  ['v1 all dark, scale 3 margin 2, palette', '9e710f711c50dd15', '442c8eeb90f82623'],
  ['v1 all dark, transparent light', '10da76e7e9d71939', '38438ee385f2c1b3'],
  ['v1 all dark, translucent both', '708a99d4385f06db', '241cc1ae4d054d84'],
  ['v1 all dark, white on black', 'f9c27baf65c64771', 'c0777a983fec0e45'],
];

describe('styles: options', () => {
  test('MODULE_SHAPES and FINDER_SHAPES are frozen lists', () => {
    assert.deepEqual([...MODULE_SHAPES], ['square', 'rounded', 'dots']);
    assert.deepEqual([...FINDER_SHAPES], ['square', 'rounded', 'circle']);
    assert.ok(Object.isFrozen(MODULE_SHAPES) && Object.isFrozen(FINDER_SHAPES));
  });

  test('a wrong shape or finder colour is INVALID_OPTION naming the option, what was given and what is accepted', () => {
    const qr = encode('HELLO');
    const cases: [DrawingOptions, RegExp][] = [
      [{ moduleShape: 'hex' as ModuleShape }, /^moduleShape must be one of "square", "rounded", "dots"; got string "hex"$/],
      [{ moduleShape: 1 as unknown as ModuleShape }, /^moduleShape must be one of "square", "rounded", "dots"; got 1$/],
      [{ finderShape: 'circles' as FinderShape }, /^finderShape must be one of "square", "rounded", "circle"; got string "circles"$/],
      [{ finderShape: null as unknown as FinderShape }, /^finderShape must be one of .*; got object null$/],
      [{ finderColor: 'navy' }, /^finderColor must be '#rgb', '#rgba', '#rrggbb', '#rrggbbaa' or 'transparent'; got "navy"$/],
      [{ finderColor: 7 as unknown as string }, /^finderColor must be a colour string .*; got number 7$/],
    ];
    for (const render of [(options: DrawingOptions) => toSVG(qr, options), (options: PngOptions) => toPNG(qr, options)]) {
      for (const [options, message] of cases) {
        assert.throws(() => render(options), (error: unknown) => {
          assert.ok(error instanceof QrError, String(error));
          assert.equal(error.code, 'INVALID_OPTION');
          assert.match(error.message, message);
          return true;
        });
      }
    }
  });
});

describe('styles: the plain drawing is unchanged', () => {
  test('square modules and square finders in the dark colour: toSVG and toPNG byte for byte as before shapes', () => {
    const cases = squareCases();
    assert.equal(cases.length, SQUARE_BASELINE.length);
    for (const [i, c] of cases.entries()) {
      const [name, svgHash, pngHash] = SQUARE_BASELINE[i]!;
      assert.equal(c.name, name);
      assert.equal(SHA(toSVG(c.qr, c.svg)), svgHash, `${name}: toSVG`);
      assert.equal(SHA(toPNG(c.qr, c.png)), pngHash, `${name}: toPNG`);
      // Naming the defaults, or a finder colour equal to the dark one, is the same drawing.
      const same = { moduleShape: 'square', finderShape: 'square', finderColor: c.svg.dark ?? '#000' } as const;
      assert.equal(SHA(toSVG(c.qr, { ...c.svg, ...same })), svgHash, `${name}: toSVG with the defaults named`);
      assert.equal(SHA(toPNG(c.qr, { ...c.png, ...same, finderColor: c.png.dark ?? '#000' })), pngHash, `${name}: toPNG with the defaults named`);
    }
  });
});

describe('styles: the PNG', () => {
  const qr = encode('https://example.com/products/12345?ref=qr', { ecl: 'M' });

  test('a palette PNG at the smallest bit depth that holds light, each ink and the levels between', () => {
    const cases: [DrawingOptions, number, number][] = [
      // options, bit depth, palette entries
      [{ moduleShape: 'dots' }, 2, 4],
      [{ moduleShape: 'rounded', finderShape: 'circle' }, 2, 4],
      [{ finderShape: 'rounded' }, 2, 4],
      [{ finderColor: '#1a237e' }, 2, 3], // squares only: no levels between
      [{ moduleShape: 'dots', finderShape: 'square', finderColor: '#1a237e' }, 4, 5],
      [{ moduleShape: 'square', finderShape: 'circle', finderColor: '#1a237e' }, 4, 5],
      [{ moduleShape: 'rounded', finderShape: 'rounded', finderColor: '#1a237e' }, 4, 7],
    ];
    for (const [options, bitDepth, entries] of cases) {
      const png = readPixels(toPNG(qr, { scale: 6, ...options }));
      assert.equal(png.colorType, 3, JSON.stringify(options));
      assert.equal(png.bitDepth, bitDepth, JSON.stringify(options));
      assert.equal(png.palette!.length / 3, entries, JSON.stringify(options));
      assert.deepEqual(png.chunkTypes, ['IHDR', 'PLTE', 'IDAT', 'IEND']);
    }
  });

  test('the levels are light and ink mixed: an opaque ramp, and alpha mixed with premultiplied colour', () => {
    const ramp = readPixels(toPNG(qr, { scale: 4, moduleShape: 'dots', dark: '#000000', light: '#ffffff' }));
    assert.deepEqual([...ramp.palette!], [255, 255, 255, 170, 170, 170, 85, 85, 85, 0, 0, 0]);
    const onTransparent = readPixels(toPNG(qr, { scale: 4, moduleShape: 'dots', dark: '#1a237e', light: 'transparent' }));
    // On a transparent light colour the levels are the ink itself at 1/3 and 2/3 of its alpha.
    assert.deepEqual([...onTransparent.palette!], [0, 0, 0, 0x1a, 0x23, 0x7e, 0x1a, 0x23, 0x7e, 0x1a, 0x23, 0x7e]);
    assert.deepEqual([...onTransparent.transparency!], [0, 85, 170]);
  });

  test('every data module is its colour at its centre, and so are the finders along their middle row and column', () => {
    const far = qr.size - 7;
    for (const [moduleShape, finderShape] of STYLES) {
      for (const scale of [3, 4, 7, 12]) {
        const margin = 2;
        const png = readPixels(toPNG(qr, { scale, margin, moduleShape, finderShape, finderColor: '#c00', light: '#fffde7', dark: '#123456' }));
        const side = sidePx(qr, scale, margin);
        for (let y = 0; y < qr.size; y++) {
          for (let x = 0; x < qr.size; x++) {
            const finder = (x < 7 || x >= far) && (y < 7 || y >= far) && !(x >= far && y >= far);
            // Finder modules off the middle lines may be cut by a rounded or circular outline.
            if (finder && x % far !== 3 && y % far !== 3) continue;
            // The centre of module (x, y): at an even scale the pixel below and right of it.
            const px = (x + margin) * scale + (scale >> 1);
            const py = (y + margin) * scale + (scale >> 1);
            const got = [...png.rgba.subarray((py * side + px) * 4, (py * side + px) * 4 + 4)].join(',');
            const want = !qr.get(x, y) ? '255,253,231,255' : finder ? '204,0,0,255' : '18,52,86,255';
            assert.equal(got, want, `${moduleShape}/${finderShape} scale ${scale}, module (${x}, ${y})`);
          }
        }
      }
    }
  });

  test("every pixel is its exact coverage by the shape (shapes.ts's areas) rounded to the nearest of the 4 levels", () => {
    for (const [moduleShape, finderShape] of STYLES) {
      if (moduleShape === 'square' && finderShape === 'square') continue; // the plain drawing, checked by png.test.ts
      for (const scale of [1, 2, 5, 8]) {
        const margin = 1;
        const png = readPixels(toPNG(qr, { scale, margin, moduleShape, finderShape }));
        const finders = finderOrigins(qr);
        const modules = dataModules(qr, finders);
        const side = sidePx(qr, scale, margin);
        for (let py = 0; py < side; py++) {
          for (let px = 0; px < side; px++) {
            const mx = Math.floor(px / scale) - margin;
            const my = Math.floor(py / scale) - margin;
            const finder = finders.find(([x0, y0]) => mx >= x0 && mx < x0 + 7 && my >= y0 && my < y0 + 7);
            let coverage = 0;
            if (finder) {
              const [fx, fy] = [px / scale - margin - finder[0], py / scale - margin - finder[1]];
              coverage = finderArea(finderShape, fx, fy, fx + 1 / scale, fy + 1 / scale) * scale * scale;
            } else if (mx >= 0 && my >= 0 && mx < qr.size && my < qr.size && modules[my * qr.size + mx] === 1) {
              const [lx, ly] = [px / scale - margin - mx, py / scale - margin - my];
              coverage = moduleArea(moduleShape, roundedCorners(modules, qr.width, qr.height, mx, my), lx, ly, lx + 1 / scale, ly + 1 / scale) * scale * scale;
            }
            const grey = 255 - 85 * Math.round(coverage * 3);
            const at = (py * side + px) * 4;
            if (png.rgba[at] !== grey) assert.fail(`${moduleShape}/${finderShape} scale ${scale}: pixel (${px}, ${py}) is ${png.rgba[at]}, coverage ${coverage.toFixed(3)} → ${grey}`);
          }
        }
      }
    }
  });

  test('a symbol whose corners hold no finder pattern has its corner modules drawn as modules', () => {
    const size = 21;
    const random = seededRandom(5);
    const modules = Uint8Array.from({ length: size * size }, () => (random() < 0.5 ? 1 : 0));
    const arbitrary = new QrSymbol(1, 'M', 0, modules);
    assert.deepEqual(finderOrigins(arbitrary), []);
    assert.equal(finderOrigins(qr).length, 3);
    const png = readPixels(toPNG(arbitrary, { scale: 5, margin: 0, moduleShape: 'dots', finderShape: 'circle', finderColor: '#f00' }));
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const i = ((y * 5 + 2) * size * 5 + x * 5 + 2) * 4;
        assert.deepEqual([...png.rgba.subarray(i, i + 4)], arbitrary.get(x, y) ? [0, 0, 0, 255] : [255, 255, 255, 255], `module (${x}, ${y})`);
      }
    }
  });
});

describe('styles: the SVG', () => {
  const qr = encode('https://example.com/products/12345?ref=qr', { ecl: 'Q' });

  test('plain paths only: one for the data modules, one for the finders with evenodd, compact numbers', () => {
    for (const [moduleShape, finderShape] of STYLES) {
      const svg = toSVG(qr, { moduleShape, finderShape, finderColor: '#1a237e' });
      const tags = [...svg.matchAll(/<(\w+)([^>]*)>/g)];
      assert.deepEqual(tags.map((tag) => tag[1]), ['svg', 'rect', 'path', 'path'], svg.slice(0, 200));
      assert.doesNotMatch(svg, /crispEdges|style=|class=|clip|mask|filter|<use/);
      const [data, finders] = tags.slice(2).map((tag) => tag[2]!);
      assert.match(data!, /^ fill="#000000" d="[^"]+"\/$/);
      assert.match(finders!, /^ fill="#1a237e" fill-rule="evenodd" d="[^"]+"\/$/);
      for (const d of [data!, finders!].map((attributes) => /d="([^"]+)"/.exec(attributes)![1]!)) {
        assert.match(d, /^M[\d.]+[ -]?[\d.-]+(?:[mhvaz]|[ -]?(?:\d+(?:\.\d)?|\.\d))*$/, 'relative commands after the first M, at most one decimal');
        assert.doesNotMatch(d, /0\.\d|[MmhvaZz]\s|\s\s/, 'no leading zeros, no spaces where none are needed');
      }
      // Each finder is three nested outlines, never modules: 9 subpaths for the three.
      const finderD = /d="([^"]+)"/.exec(finders!)![1]!;
      assert.equal(finderD.match(/[Mm]/g)!.length, 9);
    }
  });

  test('the plain drawing with a finder colour of its own keeps square finders, in their own path', () => {
    const svg = toSVG(qr, { finderColor: '#c00', margin: 0 });
    assert.match(svg, /<path fill="#cc0000" fill-rule="evenodd" d="M0 0h7v7h-7zm1 1h5v5h-5zm1 1h3v3h-3zm/);
  });
});

describe('styles: read back by two independent readers', () => {
  test('every moduleShape × finderShape × ECL, small and large versions, scales 4..12: zxing and zbar, from the PNG and the SVG', async (t) => {
    const seed = testSeed(20261201);
    const random = seededRandom(seed);
    interface Case { style: Style; moduleShape: ModuleShape; finderShape: FinderShape; text: string; qr: QrSymbol; pngScale: number; svgScale: number }
    const cases: Case[] = [];
    for (const ecl of ECLS) {
      for (const [least, most] of [[1, 3], [20, 25]] as const) {
        const version = randomInt(random, least, most);
        const text = textFor(random, version, ecl);
        const qr = encode(text, { ecl, minVersion: version, maxVersion: version });
        assert.equal(qr.version, version);
        for (const [moduleShape, finderShape] of STYLES) cases.push({ style: `${moduleShape}/${finderShape}`, moduleShape, finderShape, text, qr, pngScale: 0, svgScale: 0 });
      }
    }
    // Scales 4..12: each style takes them in a seeded rotation, the SVG four steps after the PNG,
    // so that every style meets 8 of the 9 scales in PNG and in SVG, and every scale is met.
    const offset = randomInt(random, 0, 8);
    cases.forEach((c, i) => {
      const k = Math.floor(i / STYLES.length) + offset + (i % STYLES.length);
      c.pngScale = 4 + (k % 9);
      c.svgScale = 4 + ((k + 4) % 9);
    });

    // zxing reads each image as soon as it is made (while librsvg draws the next one); zbar reads
    // them all afterwards, in two runs side by side.
    const images = await pool(
      cases.map((c) => async () => {
        const options = { moduleShape: c.moduleShape, finderShape: c.finderShape };
        const png = toPNG(c.qr, { scale: c.pngScale, ...options });
        const svg = await rasterise(toSVG(c.qr, options), sidePx(c.qr, c.svgScale));
        return { png, svg, zxingPng: await zxing(png), zxingSvg: await zxing(svg) };
      }),
      2,
    );
    const files = images.flatMap(({ png, svg }) => [png, svg]);
    const half = files.length >> 1;
    const zbarReads = (await Promise.all([zbar(files.slice(0, half)), zbar(files.slice(half))])).flat();
    const outcomes: Outcome[] = [];
    for (const [i, c] of cases.entries()) {
      const { zxingPng, zxingSvg } = images[i]!;
      const base = { style: c.style, qr: c.qr, text: c.text };
      outcomes.push(
        { ...base, reader: 'zxing', source: 'PNG', scale: c.pngScale, got: zxingPng },
        { ...base, reader: 'zxing', source: 'SVG', scale: c.svgScale, got: zxingSvg },
        { ...base, reader: 'zbar', source: 'PNG', scale: c.pngScale, got: zbarReads[2 * i] },
        { ...base, reader: 'zbar', source: 'SVG', scale: c.svgScale, got: zbarReads[2 * i + 1] },
      );
    }
    const misses = checkReads(outcomes, READS, seed);
    t.diagnostic(`${outcomes.length} reads, ${misses.length} misses where READS says 'some images'${misses.length ? `: ${misses.join('; ')}` : ''}`);
  });

  test("zbar's documented miss: circle finders at version 22, scale 12 (zxing reads them; zbar reads rounded finders there)", async () => {
    const text = 'https://example.com/' + 'x'.repeat(400);
    const qr = encode(text, { ecl: 'M', minVersion: 22, maxVersion: 22 });
    const options = { moduleShape: 'square', finderShape: 'circle' } as const;
    const png = toPNG(qr, { scale: 12, ...options });
    assert.equal(await zxing(png), text, 'zxing reads it');
    const rounded = toPNG(qr, { scale: 12, moduleShape: 'square', finderShape: 'rounded' });
    const [fromCircles, fromRounded] = await zbar([png, rounded]);
    assert.equal(fromCircles, undefined, 'zbar does not read these circle finders: update READS if it now does');
    assert.equal(fromRounded, text, 'zbar reads rounded finders there');
  });
});

describe('styles: the SVG as librsvg draws it is the PNG', () => {
  test('every style, with and without a finder colour, at scales 1..12: small mean difference, no pixel far off', async () => {
    const qr = encode('https://example.com/products/12345?ref=qr', { ecl: 'H' });
    const random = seededRandom(testSeed(7));
    const jobs: (() => Promise<string | undefined>)[] = [];
    for (const [moduleShape, finderShape] of STYLES) {
      for (const finderColor of [undefined, '#1a237e']) {
        for (const scale of [randomInt(random, 1, 3), randomInt(random, 4, 8), randomInt(random, 9, 12)]) {
          jobs.push(async () => {
            const options = { moduleShape, finderShape, ...(finderColor ? { finderColor } : {}) };
            const ours = readPixels(toPNG(qr, { scale, ...options }));
            const theirs = readPixels(await rasterise(toSVG(qr, options), sidePx(qr, scale)));
            const { mean, max } = difference(ours, theirs);
            const what = `${moduleShape}/${finderShape}${finderColor ? ' ' + finderColor : ''} at scale ${scale}: mean ${mean.toFixed(2)}, max ${max}`;
            assert.ok(mean <= meanLimit(scale), `${what}; mean over ${meanLimit(scale).toFixed(2)}`);
            assert.ok(max <= MAX_LIMIT, `${what}; max over ${MAX_LIMIT}`);
            return what;
          });
        }
      }
    }
    await pool(jobs, 2);
  });
});
