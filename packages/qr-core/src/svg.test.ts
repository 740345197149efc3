import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { encode } from './encode.js';
import { QrError } from './errors.js';
import { toSVG, type SvgOptions } from './svg.js';
import { toPlainSVG } from './svg-plain.js';
import { QrSymbol } from './symbol.js';
import { seededRandom } from './test-support/random.js';

interface Element {
  name: string;
  attributes: Record<string, string>;
}

/**
 * Checks that `svg` is one well-formed element tree (every tag closed in order, attributes
 * quoted, nothing outside the root) and returns its elements in document order.
 */
function parseXml(svg: string): Element[] {
  const elements: Element[] = [];
  const open: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/y;
  let at = 0;
  while (at < svg.length) {
    tag.lastIndex = at;
    const match = tag.exec(svg);
    if (!match) assert.fail(`not a tag at offset ${at}: ${JSON.stringify(svg.slice(at, at + 40))}`);
    const [whole, closing, name, attributeText, selfClosing] = match as unknown as [string, string, string, string, string];
    if (closing) {
      assert.equal(open.pop(), name, `</${name}> closes the open element`);
    } else {
      assert.ok(open.length > 0 || elements.length === 0, `<${name}> is outside the root element`);
      const attributes: Record<string, string> = {};
      for (const [, key, value] of attributeText.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        assert.ok(!(key! in attributes), `duplicate attribute ${key} on <${name}>`);
        attributes[key!] = value!;
      }
      elements.push({ name, attributes });
      if (!selfClosing) open.push(name);
    }
    at += whole.length;
  }
  assert.deepEqual(open, [], 'every element is closed');
  return elements;
}

/**
 * Fills the modules covered by path data, checking that each subpath
 * is a closed axis-aligned rectangle one module tall on whole-module coordinates.
 */
function paintPath(d: string, side: number): Uint8Array {
  const painted = new Uint8Array(side * side);
  assert.match(d, /^(?:[Mmhvz]|-?\d+| )*$/, 'path data holds only M m h v z, integers and spaces');
  const tokens = d.match(/[Mmhvz]|-?\d+/g) ?? [];
  let i = 0;
  const number = (): number => {
    const token = tokens[i++];
    assert.ok(token !== undefined && /^-?\d+$/.test(token), `number expected, got ${token}`);
    return Number(token);
  };
  let penX = 0;
  let penY = 0;
  let corners: [number, number][] = [];
  while (i < tokens.length) {
    const command = tokens[i++]!;
    switch (command) {
      case 'M': penX = number(); penY = number(); corners = [[penX, penY]]; break;
      case 'm': penX += number(); penY += number(); corners = [[penX, penY]]; break;
      case 'h': penX += number(); corners.push([penX, penY]); break;
      case 'v': penY += number(); corners.push([penX, penY]); break;
      case 'z': {
        assert.equal(corners.length, 4, 'each subpath has 4 corners');
        const xs = corners.map(([x]) => x);
        const ys = corners.map(([, y]) => y);
        const [left, right] = [Math.min(...xs), Math.max(...xs)];
        const [top, bottom] = [Math.min(...ys), Math.max(...ys)];
        assert.equal(bottom - top, 1, 'each rectangle is one module tall');
        assert.ok(right > left, 'each rectangle is at least one module wide');
        for (const [x, y] of corners) assert.ok((x === left || x === right) && (y === top || y === bottom), 'corners of a rectangle');
        for (let x = left; x < right; x++) {
          assert.equal(painted[top * side + x], 0, `module (${x}, ${top}) painted twice`);
          painted[top * side + x] = 1;
        }
        [penX, penY] = corners[0]!; // after z the pen is back at the subpath's start (SVG 1.1 §8.3.3)
        break;
      }
      default: assert.fail(`unexpected path command ${command}`);
    }
  }
  return painted;
}

function randomSymbol(version: number, seed: number): QrSymbol {
  const size = version * 4 + 17;
  const random = seededRandom(seed);
  return new QrSymbol(version, 'M', 0, Uint8Array.from({ length: size * size }, () => (random() < 0.5 ? 1 : 0)));
}

/** Renders, parses and compares the painted modules with the symbol plus its margin. */
function assertDrawing(qr: QrSymbol, options: SvgOptions = {}): Element[] {
  const svg = toSVG(qr, options);
  const elements = parseXml(svg);
  const margin = options.margin ?? 4;
  const side = qr.size + 2 * margin;
  const root = elements[0]!;
  assert.equal(root.name, 'svg');
  assert.equal(root.attributes['xmlns'], 'http://www.w3.org/2000/svg');
  assert.equal(root.attributes['viewBox'], `0 0 ${side} ${side}`);
  assert.equal(root.attributes['shape-rendering'], 'crispEdges');
  const paths = elements.filter((element) => element.name === 'path');
  assert.equal(paths.length, 1, 'one <path> for all dark modules');
  const painted = paintPath(paths[0]!.attributes['d']!, side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const want = qr.get(x - margin, y - margin) ? 1 : 0;
      if (painted[y * side + x] !== want) assert.fail(`module (${x}, ${y}) painted ${painted[y * side + x]}, expected ${want}`);
    }
  }
  return elements;
}

describe('toSVG', () => {
  test('the path paints exactly the dark modules of random symbols of versions 1, 10 and 40', () => {
    for (const [version, margin] of [[1, 4], [10, 0], [40, 2]] as const) assertDrawing(randomSymbol(version, version), { margin });
  });

  test('real symbols, with the defaults: black on a white background, no pixel size', () => {
    for (const text of ['https://example.com/products/12345?ref=qr', '0'.repeat(3000)]) {
      const qr = encode(text);
      const [root, background, path] = assertDrawing(qr);
      assert.equal(root!.attributes['width'], undefined);
      const side = String(qr.size + 8);
      assert.deepEqual(background, { name: 'rect', attributes: { width: side, height: side, fill: '#ffffff' } });
      assert.equal(path!.attributes['fill'], '#000000');
    }
  });

  test('runs are merged: one rectangle per horizontal run of dark modules', () => {
    const modules = new Uint8Array(21 * 21);
    modules.fill(1, 0, 21); // the whole first row: one run
    modules[22] = modules[24] = modules[25] = 1; // row 1: runs of 1 and 2
    const svg = toSVG(new QrSymbol(1, 'M', 0, modules), { margin: 0 });
    assert.match(svg, / d="M0 0h21v1h-21zm1 1h1v1h-1zm2 0h2v1h-2z"/);
  });

  test('size sets width and height in px; colours become fill and fill-opacity', () => {
    const [root, background, path] = assertDrawing(randomSymbol(2, 3), { size: 300, dark: '#1A237E', light: '#ffffff80' });
    assert.equal(root!.attributes['width'], '300');
    assert.equal(root!.attributes['height'], '300');
    assert.equal(background!.attributes['fill'], '#ffffff');
    assert.equal(background!.attributes['fill-opacity'], '0.502');
    assert.equal(path!.attributes['fill'], '#1a237e');
    assert.equal(path!.attributes['fill-opacity'], undefined);
  });

  test('a transparent light colour draws no background', () => {
    const elements = assertDrawing(randomSymbol(1, 4), { light: 'transparent' });
    assert.deepEqual(elements.map((element) => element.name), ['svg', 'path']);
  });

  test('bad options are INVALID_OPTION errors that name the option', () => {
    const qr = randomSymbol(1, 5);
    const cases: [SvgOptions, RegExp][] = [
      [{ margin: 1.5 }, /^margin must be an integer from 0 to 64; got 1\.5$/],
      [{ size: 0 }, /^size must be an integer from 1 to 65535; got 0$/],
      [{ dark: 'black' }, /^dark must be .* got "black"$/],
      [{ light: '' }, /^light must be .* got ""$/],
      [42 as unknown as SvgOptions, /^options must be an object; got 42$/],
    ];
    for (const [options, message] of cases) {
      assert.throws(() => toSVG(qr, options), (error: unknown) => error instanceof QrError && error.code === 'INVALID_OPTION' && message.test(error.message));
    }
  });
});

describe('toPlainSVG', () => {
  test("draws toSVG's plain drawing byte for byte", () => {
    const options: SvgOptions[] = [{}, { margin: 0 }, { margin: 7, size: 300 }, { dark: '#f80', light: 'transparent' }, { dark: '#12345678', light: '#abc' }];
    for (const qr of [randomSymbol(1, 1), randomSymbol(10, 2), encode('https://example.com'), encode('')]) {
      for (const option of options) assert.equal(toPlainSVG(qr, option), toSVG(qr, option));
      assert.equal(toPlainSVG(qr), toSVG(qr, { moduleShape: 'square', finderShape: 'square' }));
    }
  });

  test("bad options are toSVG's INVALID_OPTION errors; style and logo options are refused by name", () => {
    const qr = randomSymbol(1, 5);
    const bad = [{ margin: 1.5 }, { size: 0 }, { dark: 'black' }, { light: '' }, { dark: null }, 42];
    for (const options of bad as SvgOptions[]) {
      let expected: unknown;
      try {
        toSVG(qr, options);
      } catch (error) {
        expected = error;
      }
      assert.ok(expected instanceof QrError);
      assert.throws(() => toPlainSVG(qr, options), (error: unknown) => error instanceof QrError && error.code === 'INVALID_OPTION' && error.message === expected.message);
    }
    for (const name of ['moduleShape', 'finderShape', 'finderColor', 'logo']) {
      const message = new RegExp(`^toPlainSVG draws square modules only; ${name} is an option of toSVG$`);
      assert.throws(() => toPlainSVG(qr, { [name]: 'square' } as SvgOptions), (error: unknown) => error instanceof QrError && error.code === 'INVALID_OPTION' && message.test(error.message));
    }
  });
});
