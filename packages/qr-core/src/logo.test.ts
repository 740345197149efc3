/**
 * Logos in the renderers: reading the file (`logo-image.ts`), the SVG's one `<image>`, and the
 * PNG's compositing (`png-logo.ts`), checked pixel by pixel with the test-only PNG reader and
 * encoder (which share no code with qr-core's). That the results scan is logo-readback.test.ts's
 * job; the size rule is logo-budget.test.ts's.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { encode } from './encode.js';
import { QrError, type QrErrorCode } from './errors.js';
import { logoArea, logoCorrectionUse, maxLogoSize } from './logo-budget.js';
import { encodeBase64, LOGO_TYPES, MAX_LOGO_BYTES, readLogo, sniff } from './logo-image.js';
import { toPNG } from './png.js';
import { functionModules } from './logo-budget.js';
import { toSVG } from './svg.js';
import { encodePng } from './test-support/png-encoder.js';
import { readPixels } from './test-support/png-pixels.js';

function throwsQr(run: () => unknown, code: QrErrorCode, message: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof QrError, `expected a QrError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.match(error.message, message);
    return true;
  });
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The first bytes of each format, padded: what sniffing looks at. */
const JPEG = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0);
const WEBP = new TextEncoder().encode('RIFF\x24\x00\x00\x00WEBPVP8 ');
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#c00"/></svg>');

/** A w × h RGBA PNG written by the test encoder; `paint(x, y)` gives each pixel's [r, g, b, a]. */
function pngOf(w: number, h: number, paint: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const samples: number[] = [];
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) samples.push(...paint(x, y));
  return encodePng({ width: w, height: h, colorType: 6, bitDepth: 8, samples });
}

const RED: [number, number, number, number] = [0xd3, 0x2f, 0x2f, 255];

describe('logos: reading the file', () => {
  test('the format is sniffed from the bytes: PNG, JPEG, WebP and SVG (after a BOM, XML declaration, comments and doctype)', () => {
    const png = pngOf(2, 2, () => RED);
    assert.equal(sniff(png), 'image/png');
    assert.equal(sniff(JPEG), 'image/jpeg');
    assert.equal(sniff(WEBP), 'image/webp');
    assert.equal(sniff(SVG), 'image/svg+xml');
    const prolog = '\ufeff<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n';
    assert.equal(sniff(new TextEncoder().encode(prolog + '<svg/>')), 'image/svg+xml');
    for (const other of ['<html><svg/></html>', 'GIF89a', '', 'svg', '<svgx/>']) assert.equal(sniff(new TextEncoder().encode(other)), undefined, other);
    assert.deepEqual(LOGO_TYPES, ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml']);
  });

  test('data: URLs in base64 (white space, missing padding) and percent-encoded give the same bytes', () => {
    const png = pngOf(3, 1, () => RED);
    const base64 = encodeBase64(png);
    assert.equal(base64, Buffer.from(png).toString('base64'), 'the encoder agrees with Node');
    assert.deepEqual(readLogo(`data:image/png;base64,${base64}`), { type: 'image/png', bytes: png });
    assert.deepEqual(readLogo(`DATA:;BASE64,${base64.replace(/=+$/, '').replace(/(.{10})/g, '$1\n ')}`).bytes, png);
    const svgText = new TextDecoder().decode(SVG);
    assert.deepEqual(readLogo(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`), { type: 'image/svg+xml', bytes: SVG });
    assert.deepEqual(readLogo(`data:image/svg+xml,${svgText.replace(/#/g, '%23')}`).bytes, SVG, 'unescaped characters are taken as UTF-8');
    assert.equal(readLogo(`data:image/jpg;base64,${encodeBase64(JPEG)}`).type, 'image/jpeg', 'image/jpg, a common misspelling, is JPEG');
    for (let n = 0; n < 7; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => 251 - 37 * i);
      assert.equal(encodeBase64(bytes), Buffer.from(bytes).toString('base64'), `${n} bytes`);
    }
  });

  test('anything else is INVALID_LOGO saying what to give: a URL to fetch, bad base64, a mismatched type, another format, too many bytes', () => {
    throwsQr(() => readLogo('https://example.com/logo.png'), 'INVALID_LOGO', /not a data: URL; give the image itself .* qr-core never fetches a URL/);
    throwsQr(() => readLogo('data:image/png;base64'), 'INVALID_LOGO', /has no ',' before its data/);
    throwsQr(() => readLogo('data:image/png;base64,iVBO*w0K'), 'INVALID_LOGO', /not valid base64/);
    throwsQr(() => readLogo('data:image/png;base64,iVBOR'), 'INVALID_LOGO', /not valid base64/);
    throwsQr(() => readLogo(`data:image/jpeg;base64,${encodeBase64(pngOf(1, 1, () => RED))}`), 'INVALID_LOGO', /says image\/jpeg but holds a image\/png file/);
    throwsQr(() => readLogo(new TextEncoder().encode('GIF89a....')), 'INVALID_LOGO', /not a PNG, JPEG, WebP or SVG file \(it starts with 47 49 46 38 39 61 2e 2e\)/);
    throwsQr(() => readLogo(new Uint8Array(0)), 'INVALID_LOGO', /the file is empty/);
    throwsQr(() => readLogo(42), 'INVALID_LOGO', /must be the image file's bytes \(a Uint8Array\) or a data: URL; got number 42/);
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG_SIGNATURE);
    throwsQr(() => readLogo(big), 'INVALID_LOGO', /262145 bytes; the limit is 262144 bytes \(256 KiB\)/);
    throwsQr(() => readLogo(`data:image/png;base64,${'A'.repeat(3 * MAX_LOGO_BYTES + 2000)}`), 'INVALID_LOGO', /more than a 256 KiB file takes/);
    assert.equal(readLogo(big.subarray(0, MAX_LOGO_BYTES)).bytes.length, MAX_LOGO_BYTES, 'the limit itself is allowed');
  });
});

const URL_TEXT = 'https://example.com/products/12345?ref=qr';

describe('logos: the SVG', () => {
  const qr = encode(URL_TEXT, { ecl: 'H' });
  const logo = pngOf(4, 2, () => RED);

  test('one <image> of the file as a data: URL, centred on the knock-out less its padding, under the module path; no clip paths, masks or filters', () => {
    for (const moduleShape of ['square', 'dots'] as const) {
      const svg = toSVG(qr, { moduleShape, logo: { image: logo, size: 0.15, padding: 1 } });
      const area = logoArea(qr, 0.15, 1);
      const images = [...svg.matchAll(/<image [^>]*\/>/g)].map((m) => m[0]);
      assert.equal(images.length, 1);
      assert.equal(
        images[0],
        `<image x="${area.logoX + 4}" y="${area.logoY + 4}" width="${area.logoSide}" height="${area.logoSide}" preserveAspectRatio="xMidYMid meet" href="data:image/png;base64,${Buffer.from(logo).toString('base64')}"/>`,
      );
      assert.ok(svg.indexOf('<image') < svg.indexOf('<path'), 'the logo is drawn first, so the function modules inside the knock-out lie over it');
      assert.doesNotMatch(svg, /clipPath|<mask|filter|<use|style=/);
      assert.equal(svg.includes('shape-rendering="crispEdges"'), moduleShape === 'square');
    }
    const dataUrl = `data:image/svg+xml,${encodeURIComponent(new TextDecoder().decode(SVG))}`;
    assert.match(toSVG(qr, { logo: { image: dataUrl } }), new RegExp(`href="data:image/svg\\+xml;base64,${Buffer.from(SVG).toString('base64')}"`));
    assert.match(toSVG(qr, { logo: { image: JPEG } }), /href="data:image\/jpeg;base64,/);
    assert.match(toSVG(qr, { logo: { image: WEBP } }), /href="data:image\/webp;base64,/);
  });

  test('the hidden modules are left out and every other module stays: the symbol less the knock-out, module by module', () => {
    const area = logoArea(qr, 0.18, 1);
    const svg = toSVG(qr, { margin: 0, logo: { image: logo, size: 0.18 } });
    // Square modules: each horizontal run is `h<n>v1h-<n>z`; rebuild the drawn modules from the path.
    const drawn = drawnModules(svg, qr.size);
    const functions = functionModules(qr.version);
    let hiddenDark = 0;
    const inFinder = (x: number, y: number): boolean => (x < 7 || x >= qr.size - 7) && (y < 7 || y >= qr.size - 7) && !(x >= 7 && y >= 7);
    for (let i = 0; i < qr.size * qr.size; i++) {
      const expected = area.hidden[i] === 1 || inFinder(i % qr.size, Math.floor(i / qr.size)) ? 0 : qr.modules[i]!;
      assert.equal(drawn[i], expected, `module ${i % qr.size}, ${Math.floor(i / qr.size)}`);
      if (area.hidden[i] === 1) {
        assert.equal(functions[i], 0, 'only encoding-region modules are hidden');
        hiddenDark += qr.modules[i]!;
      }
    }
    assert.ok(hiddenDark > 0, 'the knock-out did hide some dark modules');
  });

  test('a logo too large, or of a wrong shape, is refused before anything is drawn', () => {
    const largest = maxLogoSize(qr);
    assert.ok(largest > 0);
    toSVG(qr, { logo: { image: logo, size: largest } });
    throwsQr(() => toSVG(qr, { logo: { image: logo, size: largest + 2 / qr.size } }), 'LOGO_TOO_LARGE', /the largest is 0\.18/);
    throwsQr(() => toSVG(qr, { logo: logo as never }), 'INVALID_OPTION', /logo must be an object \{ image, size\?, padding\? \}/);
    throwsQr(() => toSVG(qr, { logo: { image: 'logo.png' } }), 'INVALID_LOGO', /never fetches a URL/);
    throwsQr(() => toSVG(qr, { logo: { image: logo, padding: 17 } }), 'INVALID_OPTION', /logo.padding must be an integer from 0 to 16/);
  });
});

/** The dark modules of a square-module SVG's module path (the one without the finders' even-odd rule), from its runs. */
function drawnModules(svg: string, size: number): Uint8Array {
  const out = new Uint8Array(size * size);
  for (const [, d] of svg.matchAll(/<path fill="[^"]*" d="([^"]*)"/g)) {
    let x = 0;
    let y = 0;
    for (const [, command, args] of d!.matchAll(/([MmHhVvZz])([^MmHhVvZz]*)/g)) {
      const n = (args ?? '').trim().split(/[\s,]+|(?=-)/).filter(Boolean).map(Number);
      if (command === 'M') [x, y] = [n[0]!, n[1]!];
      else if (command === 'm') [x, y] = [x + n[0]!, y + n[1]!];
      else if (command === 'h' && n[0]! > 0) for (let i = 0; i < n[0]!; i++) out[y * size + x + i] = 1;
    }
  }
  return out;
}

describe('logos: the PNG', () => {
  const qr = encode(URL_TEXT, { ecl: 'H' });
  const scale = 6;
  const margin = 2;

  test('a flat logo keeps the image a palette PNG; its inside is the logo colour, the padding light, the function modules inside drawn over it', () => {
    const area = logoArea(qr, maxLogoSize(qr), 1);
    const png = toPNG(qr, { scale, margin, logo: { image: pngOf(16, 16, () => RED), size: maxLogoSize(qr) } });
    const pixels = readPixels(png);
    assert.equal(pixels.colorType, 3);
    assert.ok(pixels.bitDepth <= 2, `bit depth ${pixels.bitDepth}: black, white and red fit 2 bits`);
    const at = (mx: number, my: number): number[] => {
      const i = (((my + margin) * scale + scale / 2) * pixels.width + (mx + margin) * scale + scale / 2) * 4;
      return [...pixels.rgba.subarray(i, i + 4)];
    };
    const functions = functionModules(qr.version);
    for (let my = area.y; my < area.y + area.side; my++) {
      for (let mx = area.x; mx < area.x + area.side; mx++) {
        const i = my * qr.size + mx;
        const inLogo = mx >= area.logoX && mx < area.logoX + area.logoSide && my >= area.logoY && my < area.logoY + area.logoSide;
        const expected = functions[i] === 1 && qr.modules[i] === 1 ? [0, 0, 0, 255] : inLogo ? RED : [255, 255, 255, 255];
        assert.deepEqual(at(mx, my), expected, `module ${mx}, ${my}`);
      }
    }
    // Outside the knock-out, every module is as without a logo.
    const plain = readPixels(toPNG(qr, { scale, margin }));
    for (let my = 0; my < qr.size; my++) {
      for (let mx = 0; mx < qr.size; mx++) {
        if (area.hidden[my * qr.size + mx] === 1 || area.functionInside[my * qr.size + mx] === 1) continue;
        const i = (((my + margin) * scale + 1) * pixels.width + (mx + margin) * scale + 1) * 4;
        assert.deepEqual([...pixels.rgba.subarray(i, i + 4)], [...plain.rgba.subarray(i, i + 4)], `module ${mx}, ${my}`);
      }
    }
  });

  test("the logo's alpha is respected: a half-transparent logo is mixed with the light colour, a transparent one leaves it", () => {
    const half = readPixels(toPNG(qr, { scale, margin, light: '#0000ff', logo: { image: pngOf(8, 8, () => [255, 0, 0, 128]) } }));
    const area = logoArea(qr, undefined, 1);
    const centre = ((qr.size / 2 + margin) * scale) | 0;
    // Pick a pixel in the logo that no function module covers: the logo square's top-left module.
    const px = (area.logoX + margin) * scale + 1;
    const py = (area.logoY + margin) * scale + 1;
    assert.ok(functionModules(qr.version)[area.logoY * qr.size + area.logoX] === 0 || qr.modules[area.logoY * qr.size + area.logoX] === 0);
    const i = (py * half.width + px) * 4;
    assert.deepEqual([...half.rgba.subarray(i, i + 4)], [128, 0, 127, 255], 'red at 128/255 over blue');
    assert.ok(centre > 0);
    const clear = readPixels(toPNG(qr, { scale, margin, logo: { image: pngOf(8, 8, () => [255, 0, 0, 0]) } }));
    assert.deepEqual([...clear.rgba.subarray(i, i + 4)], [255, 255, 255, 255]);
    // Over a transparent background the logo keeps its own alpha.
    const onClear = readPixels(toPNG(qr, { scale, margin, light: 'transparent', logo: { image: pngOf(8, 8, () => [255, 0, 0, 128]) } }));
    assert.deepEqual([...onClear.rgba.subarray(i, i + 4)], [255, 0, 0, 128]);
  });

  test('a logo of many colours makes the image truecolour, RGB when opaque and RGBA when not; each logo pixel at its place', () => {
    // Distinct opaque colours, drawn at 1:1 (the logo's side in pixels is logoSide × scale), so no resampling blurs them.
    const gradient = (x: number, y: number): [number, number, number, number] => [x * 7, y * 7, 128, 255];
    const qr2 = encode(URL_TEXT + URL_TEXT, { ecl: 'H' });
    const area = logoArea(qr2, undefined, 1);
    const s = 3;
    const n = area.logoSide * s;
    const png = readPixels(toPNG(qr2, { scale: s, margin, logo: { image: pngOf(n, n, gradient) } }));
    assert.equal(png.colorType, 2);
    const functions = functionModules(qr2.version);
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const module = (area.logoY + Math.floor(y / s)) * qr2.size + area.logoX + Math.floor(x / s);
        if (functions[module] === 1 && qr2.modules[module] === 1) continue; // a function module over the logo
        const i = (((area.logoY + margin) * s + y) * png.width + (area.logoX + margin) * s + x) * 4;
        assert.deepEqual([...png.rgba.subarray(i, i + 4)], gradient(x, y), `logo pixel ${x}, ${y}`);
      }
    }
    const translucent = readPixels(toPNG(qr2, { scale: s, margin, light: '#ffffff80', logo: { image: pngOf(n, n, gradient) } }));
    assert.equal(translucent.colorType, 6);
  });

  test('a logo of another aspect is fitted and centred; reduced and enlarged logos keep a flat colour flat', () => {
    for (const [w, h] of [[64, 16], [3, 9], [200, 200]] as const) {
      const png = readPixels(toPNG(qr, { scale, margin, logo: { image: pngOf(w, h, () => RED) } }));
      const area = logoArea(qr, undefined, 1);
      const box = area.logoSide * scale;
      let red = 0;
      let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
      for (let y = 0; y < png.height; y++) {
        for (let x = 0; x < png.width; x++) {
          const i = (y * png.width + x) * 4;
          if (png.rgba[i] === RED[0] && png.rgba[i + 1] === RED[1] && png.rgba[i + 2] === RED[2]) {
            red++;
            minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
          }
        }
      }
      const fit = Math.min(box / w, box / h);
      assert.equal(maxX - minX + 1, Math.round(w * fit), `${w} × ${h}: width`);
      assert.equal(maxY - minY + 1, Math.round(h * fit), `${w} × ${h}: height`);
      const origin = (area.logoX + margin) * scale;
      assert.ok(Math.abs(minX - origin - (box - (maxX - minX + 1)) / 2) <= 0.5, `${w} × ${h}: centred across`);
      assert.ok(red > 0);
    }
  });

  test('PNG output takes PNG logos, as bytes, a data: URL or a decoded image; other formats are INVALID_LOGO pointing at SVG', () => {
    const file = pngOf(8, 8, () => RED);
    const fromBytes = toPNG(qr, { logo: { image: file } });
    assert.deepEqual(toPNG(qr, { logo: { image: `data:image/png;base64,${encodeBase64(file)}` } }), fromBytes);
    const rgba = new Uint8Array(8 * 8 * 4);
    for (let i = 0; i < rgba.length; i += 4) rgba.set(RED, i);
    assert.deepEqual(toPNG(qr, { logo: { image: { width: 8, height: 8, rgba } } }), fromBytes);
    for (const [image, name] of [[JPEG, 'image/jpeg'], [WEBP, 'image/webp'], [SVG, 'image/svg\\+xml']] as const) {
      throwsQr(() => toPNG(qr, { logo: { image } }), 'INVALID_LOGO', new RegExp(`a ${name} file; PNG output takes PNG logos only \\(toSVG takes PNG, JPEG, WebP and SVG\\)`));
    }
    throwsQr(() => toPNG(qr, { logo: { image: { width: 8, height: 8, rgba: new Uint8Array(10) } } }), 'INVALID_LOGO', /a decoded image \{ width, height, rgba \}/);
    throwsQr(() => toPNG(qr, { logo: { image: file.subarray(0, 40) } }), 'INVALID_LOGO', /./);
    throwsQr(() => toPNG(qr, { logo: { image: file, size: 0.5 } }), 'LOGO_TOO_LARGE', /logo\.size 0\.5 is too large/);
  });
});

describe('logos: how much of the correction a logo uses', () => {
  test('logoCorrectionUse is at most one half up to maxLogoSize, above it beyond; 0 for a knock-out of function modules only', () => {
    for (const [text, ecl] of [[URL_TEXT, 'H'], ['x'.repeat(300), 'Q'], ['x'.repeat(1000), 'M']] as const) {
      const qr = encode(text, { ecl });
      const largest = maxLogoSize(qr);
      assert.ok(largest > 0, `${ecl}: a logo fits`);
      const use = logoCorrectionUse(qr, { size: largest });
      assert.ok(use > 0 && use <= 0.5, `${ecl} v${qr.version}: ${use} at the largest size`);
      assert.ok(logoCorrectionUse(qr, { size: largest + 2 / qr.size }) > 0.5, 'one ring more breaks the rule');
      assert.ok(logoCorrectionUse(qr, { size: largest / 2 }) <= use);
    }
    throwsQr(() => logoCorrectionUse(encode('x'), { size: 0 }), 'INVALID_OPTION', /logo\.size must be a number above 0/);
  });
});
