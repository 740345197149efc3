/**
 * Renderer: symbol → standalone SVG document (a string). Browser-safe.
 * Level: takes a {@link QrSymbol} from `encode`; see `png.ts` and `terminal.ts` for the other renderers.
 *
 * The plain drawing (square modules and finders in the dark colour, no logo) is `svg-plain.ts`'s,
 * which `toPlainSVG` draws alone for pages that need no more (see the README, "Size").
 *
 * Styled drawings (a module or finder shape other than 'square', or a finder colour of its own)
 * stay plain paths — no clip paths, masks, filters, `<use>` or CSS — one per colour and shape
 * family: the dark modules outside the finders in one, drawn in the module shape, and the three
 * finder patterns in another, in the finder colour, each finder as three nested outlines (7 × 7,
 * 5 × 5, 3 × 3) filled with `fill-rule="evenodd"`. Round parts are arcs (`a`) of the radii in
 * `shapes.ts`, every number written in as few characters as it takes. Those drawings leave out
 * `shape-rendering="crispEdges"`, so that curves are anti-aliased.
 *
 * A logo is one `<image>` whose `href` is a `data:` URL of the file (base64), with
 * `preserveAspectRatio="xMidYMid meet"` so that a logo of any aspect sits centred in its square.
 * It is drawn first, over the background: the modules it hides are left out of the module path
 * and the function modules inside its knock-out (`logo-budget.ts`) are in that path, so they are
 * drawn over it. The drawing then takes the styled form (square modules stay squares).
 */

import { encodeBase64, readLogo } from './logo-image.js';
import { drawingOptions, logoOption, type Drawing, type DrawingOptions, type Logo, type LogoOptions } from './render-options.js';
import { dataModules, DOT_RADIUS, FINDER_OUTLINES, finderOrigins, FINDER_SIDE, MODULE_CORNER_RADIUS } from './shapes.js';
import { forEachRun, type QrSymbol } from './symbol.js';
import { fill, plainSvg, sizeOption, svgStart } from './svg-plain.js';

export interface SvgOptions extends DrawingOptions {
  /** Width and height attributes in px, 1..65535; without it the SVG takes the size its container gives it. */
  size?: number;
  /** A logo in the centre: a PNG, JPEG, WebP or SVG file's bytes, or a `data:` URL of one. */
  logo?: LogoOptions;
}

/**
 * Renders `qr` as an SVG document. Throws `QrError('INVALID_OPTION')` on a bad option,
 * `QrError('INVALID_LOGO')` for a logo that is not one of the formats, and
 * `QrError('LOGO_TOO_LARGE')` for a logo larger than the symbol can lose.
 */
export function toSVG(qr: QrSymbol, options: SvgOptions = {}): string {
  const drawing = drawingOptions(options, qr);
  const logo = logoOption(qr, options.logo);
  const { margin, light } = drawing;
  const widthPx = sizeOption(options.size);
  if (logo === undefined && !drawing.styled) return plainSvg(qr, margin, drawing.dark, light, widthPx);
  // Square modules keep their crisp edges beside a logo; shape-rendering does not apply to the <image>.
  const start = svgStart(qr, margin, widthPx, light, logo !== undefined && !drawing.styled);
  if (logo !== undefined) return `${start}${logoImage(logo, margin)}${styledPaths(qr, drawing, logo.area.hidden)}</svg>`;
  return `${start}${styledPaths(qr, drawing)}</svg>`;
}

// ---------------------------------------------------------------------------------------------
// Styled drawings

/** The logo's `<image>`, on its square of the knock-out. */
function logoImage(logo: Logo, margin: number): string {
  const { type, bytes } = readLogo(logo.image);
  const { logoX, logoY, logoSide } = logo.area;
  return (
    `<image x="${logoX + margin}" y="${logoY + margin}" width="${logoSide}" height="${logoSide}" ` +
    `preserveAspectRatio="xMidYMid meet" href="data:${type};base64,${encodeBase64(bytes)}"/>`
  );
}

/** The data modules' path in the module shape (less those `hidden`), then the finders' path in the finder colour. */
function styledPaths(qr: QrSymbol, drawing: Drawing, hidden?: Uint8Array): string {
  const finders = finderOrigins(qr);
  const modules = dataModules(qr, finders, hidden);
  const data = new PathWriter();
  if (drawing.moduleShape === 'rounded') roundedOutlines(data, modules, qr.width, qr.height, drawing.margin);
  else runs(data, modules, qr.width, qr.height, drawing.margin, drawing.moduleShape === 'dots');
  const finderPath = new PathWriter();
  for (const [x0, y0] of finders) finderOutlines(finderPath, drawing.finderShape, x0 + drawing.margin, y0 + drawing.margin);
  const dataD = data.toString();
  const finderD = finderPath.toString();
  return (
    (dataD === '' ? '' : `<path${fill(drawing.dark)} d="${dataD}"/>`) +
    (finderD === '' ? '' : `<path${fill(drawing.finderColor)} fill-rule="evenodd" d="${finderD}"/>`)
  );
}

/**
 * Path data written compactly: relative commands only (after the first move), a command letter
 * left out where the previous command repeats, numbers without leading zeros (`.5`) and with a
 * separator only where the next number would otherwise run into the previous one.
 */
class PathWriter {
  readonly #parts: string[] = [];
  /** The pen, and the start of the current subpath (where `z` takes the pen). */
  #x = 0;
  #y = 0;
  #startX = 0;
  #startY = 0;
  #first = true;
  #lastCommand = '';
  /** The previous number, when the previous token was one (for the separator). */
  #lastNumber: string | undefined;

  #command(letter: string): void {
    if (letter === this.#lastCommand && letter === 'a') {
      this.#lastCommand = letter;
      return; // arguments of a repeated arc follow the previous ones
    }
    this.#parts.push(letter);
    this.#lastCommand = letter;
    this.#lastNumber = undefined;
  }

  #number(value: number): void {
    const text = formatNumber(value);
    const previous = this.#lastNumber;
    // A separator unless the number starts with '-', or with '.' after a number that has one.
    if (previous !== undefined && !(text[0] === '-' || (text[0] === '.' && previous.includes('.')))) this.#parts.push(' ');
    this.#parts.push(text);
    this.#lastNumber = text;
  }

  /** Starts a subpath at (x, y): `M` the first time, then `m` from the pen. */
  moveTo(x: number, y: number): void {
    if (this.#first) {
      this.#command('M');
      this.#number(x);
      this.#number(y);
      this.#first = false;
    } else {
      this.#command('m');
      this.#number(x - this.#x);
      this.#number(y - this.#y);
    }
    this.#x = this.#startX = x;
    this.#y = this.#startY = y;
  }

  /** A straight line by (dx, dy), one of them 0; nothing when both are. */
  line(dx: number, dy: number): void {
    if (dx !== 0) {
      this.#command('h');
      this.#number(dx);
    } else if (dy !== 0) {
      this.#command('v');
      this.#number(dy);
    } else {
      return;
    }
    this.#x += dx;
    this.#y += dy;
  }

  /** A circular arc of radius r to (pen + (dx, dy)), clockwise on screen (sweep flag 1), the smaller one. */
  arc(r: number, dx: number, dy: number): void {
    this.#command('a');
    for (const value of [r, r, 0, 0, 1, dx, dy]) this.#number(value);
    this.#x += dx;
    this.#y += dy;
  }

  /** Closes the subpath with a straight line; the pen goes back to its start. */
  close(): void {
    this.#command('z');
    this.#x = this.#startX;
    this.#y = this.#startY;
  }

  toString(): string {
    return this.#parts.join('');
  }
}

/** `0.5` → `.5`, `-0.5` → `-.5`, integers as they are. The values here are multiples of 1/2. */
function formatNumber(value: number): string {
  const text = String(value);
  if (text.startsWith('0.')) return text.slice(1);
  if (text.startsWith('-0.')) return `-${text.slice(2)}`;
  return text;
}

/**
 * Each horizontal run of dark modules: as a rectangle (square modules), or as a chain of touching
 * circles (dots), written as the upper half circles left to right and the lower ones back, which
 * brings the pen back to the start (so no `z`).
 */
function runs(path: PathWriter, modules: Uint8Array, width: number, height: number, margin: number, dots: boolean): void {
  for (let y = 0; y < height; y++) {
    forEachRun(modules, width, y, (start, end) => {
      const length = end - start;
      if (dots) {
        const d = 2 * DOT_RADIUS;
        path.moveTo(start + margin + 0.5 - DOT_RADIUS, y + margin + 0.5);
        for (let i = 0; i < length; i++) path.arc(DOT_RADIUS, d, 0);
        for (let i = 0; i < length; i++) path.arc(DOT_RADIUS, -d, 0);
      } else {
        path.moveTo(start + margin, y + margin);
        path.line(length, 0);
        path.line(0, 1);
        path.line(-length, 0);
        path.close();
      }
    });
  }
}

/** Directions along module edges: east, south, west, north (clockwise on screen, y downwards). */
const DX = [1, 0, -1, 0] as const;
const DY = [0, 1, 0, -1] as const;

/**
 * The 'rounded' module shape as the outlines of the regions of edge-connected dark modules, each
 * convex corner a quarter circle of radius ½ (there both modules beside the dark one are light),
 * each concave corner square.
 *
 * Every edge between a dark and a light module is directed so that the dark module is on its
 * right (outer outlines run clockwise, holes anticlockwise, so the default nonzero fill rule
 * fills them right). An outline is followed from its top-left vertex, turning right where it can,
 * so that two dark modules meeting only at a corner are separate outlines, both rounded there; a
 * right turn is a convex corner, a left turn a concave one.
 */
function roundedOutlines(path: PathWriter, modules: Uint8Array, width: number, height: number, margin: number): void {
  const stride = width + 1;
  // Out-going boundary edges of each vertex (x, y) at y × stride + x, one bit per direction.
  const out = new Uint8Array(stride * (height + 1));
  const dark = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < width && y < height && modules[y * width + x] === 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (modules[y * width + x] !== 1) continue;
      if (!dark(x, y - 1)) out[y * stride + x]! |= 1; // top edge, eastwards
      if (!dark(x + 1, y)) out[y * stride + x + 1]! |= 2; // right edge, southwards
      if (!dark(x, y + 1)) out[(y + 1) * stride + x + 1]! |= 4; // bottom edge, westwards
      if (!dark(x - 1, y)) out[(y + 1) * stride + x]! |= 8; // left edge, northwards
    }
  }
  const r = MODULE_CORNER_RADIUS;
  // One outline: its corners (vertex and whether convex) and the direction leaving each.
  const cornerX: number[] = [];
  const cornerY: number[] = [];
  const convex: boolean[] = [];
  const leaving: number[] = [];
  for (let v0 = 0; v0 < out.length; v0++) {
    while (out[v0] !== 0) {
      cornerX.length = cornerY.length = convex.length = leaving.length = 0;
      const x0 = v0 % stride;
      const y0 = (v0 - x0) / stride;
      // The top-left vertex of an outline not yet drawn: a corner, left eastwards (outer) or southwards (hole).
      const d0 = 31 - Math.clz32(out[v0]! & -out[v0]!);
      let x = x0;
      let y = y0;
      let d = d0;
      cornerX.push(x0);
      cornerY.push(y0);
      leaving.push(d0);
      for (;;) {
        out[y * stride + x]! &= ~(1 << d);
        x += DX[d]!;
        y += DY[d]!;
        const here = y * stride + x;
        const edges = out[here]! | (x === x0 && y === y0 ? 1 << d0 : 0);
        const right = (d + 1) & 3;
        const left = (d + 3) & 3;
        const next = edges & (1 << right) ? right : edges & (1 << d) ? d : left;
        if (x === x0 && y === y0 && next === d0) {
          convex.unshift(next === right); // the turn at the start vertex
          break;
        }
        if (next !== d) {
          cornerX.push(x);
          cornerY.push(y);
          convex.push(next === right);
          leaving.push(next);
        }
        d = next;
      }
      writeOutline(path, cornerX, cornerY, convex, leaving, margin, r);
    }
  }
}

/**
 * Writes one outline from its corners. A convex corner is an arc from ½ before it to ½ after it.
 * The subpath starts at the first corner (or just before its arc), so that the last straight
 * stretch is the one `z` draws.
 */
function writeOutline(path: PathWriter, xs: number[], ys: number[], convex: boolean[], leaving: number[], margin: number, r: number): void {
  const n = xs.length;
  const last = leaving[n - 1]!;
  if (convex[0]) path.moveTo(xs[0]! + margin - r * DX[last]!, ys[0]! + margin - r * DY[last]!);
  else path.moveTo(xs[0]! + margin, ys[0]! + margin);
  for (let i = 0; i < n; i++) {
    if (convex[i]) {
      const before = leaving[(i + n - 1) % n]!;
      const after = leaving[i]!;
      path.arc(r, r * (DX[before]! + DX[after]!), r * (DY[before]! + DY[after]!));
    }
    if (i === n - 1) break; // the last stretch, back to the start, is the close
    const d = leaving[i]!;
    const length = Math.abs(xs[i + 1]! - xs[i]!) + Math.abs(ys[i + 1]! - ys[i]!);
    const straight = length - (convex[i] ? r : 0) - (convex[i + 1] ? r : 0);
    path.line(straight * DX[d]!, straight * DY[d]!);
  }
  path.close();
}

/**
 * One finder pattern whose 7 × 7 square has its top-left corner at (x, y): its outer outline,
 * the light ring's and the centre's, nested, for the even-odd fill rule.
 */
function finderOutlines(path: PathWriter, shape: Drawing['finderShape'], x: number, y: number): void {
  for (const [inset, radius] of FINDER_OUTLINES[shape]) {
    const side = FINDER_SIDE - 2 * inset;
    const left = x + inset;
    const top = y + inset;
    if (2 * radius === side) {
      // A circle: two half circles from the left end of the horizontal diameter and back, so the pen ends where it began.
      path.moveTo(left, top + radius);
      path.arc(radius, side, 0);
      path.arc(radius, -side, 0);
    } else {
      const r = radius;
      const straight = side - 2 * r;
      path.moveTo(left + r, top);
      path.line(straight, 0);
      if (r) path.arc(r, r, r);
      path.line(0, straight);
      if (r) path.arc(r, -r, r);
      path.line(-straight, 0);
      if (r) {
        path.arc(r, -r, -r);
        path.line(0, -straight);
        path.arc(r, r, -r);
      }
      path.close();
    }
  }
}
