/**
 * The geometry of module and finder shapes ({@link MODULE_SHAPES}, {@link FINDER_SHAPES}), shared by
 * the SVG renderer (which writes it as path data) and the PNG renderer (which rasterises it with the
 * exact area of each shape in each pixel). Browser-safe. Nothing here changes the symbol: the shapes
 * only decide how each dark module, and each finder pattern as a whole, is painted.
 *
 * Units are modules; y grows downwards, as in the symbol and in SVG.
 */

import type { FinderShape, ModuleShape } from './render-options.js';
import type { QrSymbol } from './symbol.js';

export type { FinderShape, ModuleShape };

/** Radius of a rounded module corner: half a module, so a lone module is a circle. */
export const MODULE_CORNER_RADIUS = 0.5;
/** Radius of a dot: half a module, so neighbouring dots touch and the module's darkness is π/4. */
export const DOT_RADIUS = 0.5;
/** Finder side, ISO/IEC 18004:2015 §6.3.3: a 7 × 7 dark ring, a 5 × 5 light ring and a 3 × 3 dark centre. */
export const FINDER_SIDE = 7;
/**
 * The three nested outlines of a finder pattern of each shape, as [inset, corner radius]: the outer
 * edge of the dark ring (the 7 × 7 square), its inner edge (5 × 5, inset 1) and the centre (3 × 3,
 * inset 2). A radius of half the side is a circle. The rounded finder's ring edges are concentric
 * (radii 2 and 1), so the ring stays 1 module wide round its corners.
 */
export const FINDER_OUTLINES: Readonly<Record<FinderShape, readonly (readonly [inset: number, radius: number])[]>> = Object.freeze({
  square: [[0, 0], [1, 0], [2, 0]],
  rounded: [[0, 2], [1, 1], [2, 1]],
  circle: [[0, 3.5], [1, 2.5], [2, 1.5]],
});

/** Corner bits of a rounded module: which of its corners are quarter circles. */
export const TOP_LEFT = 1;
export const TOP_RIGHT = 2;
export const BOTTOM_RIGHT = 4;
export const BOTTOM_LEFT = 8;

// ---------------------------------------------------------------------------------------------
// Which modules are drawn how

/**
 * The top-left module of each finder pattern that the symbol really holds: the three corners of
 * §6.3.3, each kept only when its 7 × 7 modules are the pattern and its separator (§6.3.4, the
 * modules round it inside the symbol) is light. A symbol made from arbitrary modules may hold
 * something else there; those modules are then drawn like any other, so that a style never shows
 * modules the symbol does not have.
 */
export function finderOrigins(qr: QrSymbol): [number, number][] {
  const right = qr.width - FINDER_SIDE;
  const bottom = qr.height - FINDER_SIDE;
  const origins: [number, number][] = [];
  // Micro QR and rMQR have the top-left one only; an R7 symbol's bottom-left corner is its top-left.
  for (const [x0, y0] of [[0, 0], [right, 0], [0, bottom]] as const) {
    if ((x0 > 0 || y0 > 0 || origins.length === 0) && holdsFinder(qr, x0, y0)) origins.push([x0, y0]);
  }
  return origins;
}

function holdsFinder(qr: QrSymbol, x0: number, y0: number): boolean {
  for (let j = -1; j <= FINDER_SIDE; j++) {
    for (let i = -1; i <= FINDER_SIDE; i++) {
      const inside = i >= 0 && j >= 0 && i < FINDER_SIDE && j < FINDER_SIDE;
      // Rings by distance from the centre: 3 dark (the outer ring), 2 light, 0..1 dark (the centre); 4 is the separator.
      const ring = Math.max(Math.abs(i - 3), Math.abs(j - 3));
      if (qr.get(x0 + i, y0 + j) !== (inside && ring !== 2)) return false;
    }
  }
  return true;
}

/**
 * The modules that the module shape draws (width × height, row-major, 1 = dark): the symbol's, with
 * the finder patterns at `finders` cleared, since those are drawn as wholes, and the modules a
 * logo hides (`hidden`, 1 where hidden: `LogoArea.hidden`) cleared too.
 */
export function dataModules(qr: QrSymbol, finders: readonly (readonly [number, number])[], hidden?: Uint8Array): Uint8Array {
  const width = qr.width;
  const modules = qr.modules.slice();
  for (const [x0, y0] of finders) {
    for (let j = 0; j < FINDER_SIDE; j++) modules.fill(0, (y0 + j) * width + x0, (y0 + j) * width + x0 + FINDER_SIDE);
  }
  if (hidden !== undefined) for (let i = 0; i < modules.length; i++) modules[i]! &= hidden[i]! ^ 1;
  return modules;
}

/**
 * The corners of dark module (x, y) that the 'rounded' shape rounds, as corner bits: a corner is
 * rounded when both modules beside it at that corner (across its two edges) are light. The modules
 * beyond the edge of the symbol are light.
 */
export function roundedCorners(modules: Uint8Array, width: number, height: number, x: number, y: number): number {
  const row = y * width;
  const left = x > 0 && modules[row + x - 1] === 1;
  const right = x + 1 < width && modules[row + x + 1] === 1;
  const up = y > 0 && modules[row - width + x] === 1;
  const down = y + 1 < height && modules[row + width + x] === 1;
  return (
    (!left && !up ? TOP_LEFT : 0) |
    (!right && !up ? TOP_RIGHT : 0) |
    (!right && !down ? BOTTOM_RIGHT : 0) |
    (!left && !down ? BOTTOM_LEFT : 0)
  );
}

// ---------------------------------------------------------------------------------------------
// Exact areas, for rasterising: the area of a shape inside an axis-aligned rectangle [x0, x1] × [y0, y1]

/** Area of the disk of radius r centred on the origin inside [0, a] × [0, b], for a, b ≥ 0. */
function diskQuadrantArea(r: number, a: number, b: number): number {
  if (a > r) a = r;
  if (b > r) b = r;
  if (a * a + b * b <= r * r) return a * b;
  // The circle crosses y = b at x = xs < a: a rectangle up to xs, then the area under the arc.
  const xs = Math.sqrt(r * r - b * b);
  const underArc = (x: number): number => (x * Math.sqrt(r * r - x * x) + r * r * Math.asin(x / r)) / 2;
  return xs * b + underArc(a) - underArc(xs);
}

/** The area from the origin to (x, y) of the disk of radius r centred on the origin, signed by quadrant. */
function diskCornerArea(r: number, x: number, y: number): number {
  const area = diskQuadrantArea(r, Math.abs(x), Math.abs(y));
  return (x < 0) !== (y < 0) ? -area : area;
}

/** Area of the disk centred on (cx, cy) with radius r inside [x0, x1] × [y0, y1]. */
export function diskArea(cx: number, cy: number, r: number, x0: number, y0: number, x1: number, y1: number): number {
  if (x1 <= cx - r || x0 >= cx + r || y1 <= cy - r || y0 >= cy + r) return 0;
  x0 -= cx;
  x1 -= cx;
  y0 -= cy;
  y1 -= cy;
  return diskCornerArea(r, x1, y1) - diskCornerArea(r, x0, y1) - diskCornerArea(r, x1, y0) + diskCornerArea(r, x0, y0);
}

/** Area of [ax0, ax1] × [ay0, ay1] inside [x0, x1] × [y0, y1]. */
function rectArea(ax0: number, ay0: number, ax1: number, ay1: number, x0: number, y0: number, x1: number, y1: number): number {
  const w = Math.min(ax1, x1) - Math.max(ax0, x0);
  const h = Math.min(ay1, y1) - Math.max(ay0, y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Area of the rectangle at (left, top), w × h, whose corners named by `corners` (corner bits) are
 * quarter circles of radius r, inside [x0, x1] × [y0, y1].
 */
export function roundedRectArea(
  left: number, top: number, w: number, h: number, r: number, corners: number,
  x0: number, y0: number, x1: number, y1: number,
): number {
  const right = left + w;
  const bottom = top + h;
  let area = rectArea(left, top, right, bottom, x0, y0, x1, y1);
  if (area === 0 || r === 0) return area;
  // Each rounded corner takes away its r × r corner square and gives back the quarter disk in it.
  if (corners & TOP_LEFT) area -= cornerCut(left, top, left + r, top + r, r, x0, y0, x1, y1);
  if (corners & TOP_RIGHT) area -= cornerCut(right - r, top, right - r, top + r, r, x0, y0, x1, y1);
  if (corners & BOTTOM_RIGHT) area -= cornerCut(right - r, bottom - r, right - r, bottom - r, r, x0, y0, x1, y1);
  if (corners & BOTTOM_LEFT) area -= cornerCut(left, bottom - r, left + r, bottom - r, r, x0, y0, x1, y1);
  return area;
}

/**
 * What rounding one corner removes from [x0, x1] × [y0, y1]: the part of the r × r corner square at
 * (sx0, sy0) outside the disk of radius r centred on (cx, cy), the corner square's inner corner.
 */
function cornerCut(sx0: number, sy0: number, cx: number, cy: number, r: number, x0: number, y0: number, x1: number, y1: number): number {
  const sx1 = sx0 + r;
  const sy1 = sy0 + r;
  const square = rectArea(sx0, sy0, sx1, sy1, x0, y0, x1, y1);
  if (square === 0) return 0;
  return square - diskArea(cx, cy, r, Math.max(sx0, x0), Math.max(sy0, y0), Math.min(sx1, x1), Math.min(sy1, y1));
}

const ALL_CORNERS = TOP_LEFT | TOP_RIGHT | BOTTOM_RIGHT | BOTTOM_LEFT;

/** Area of one module of `shape` (its square at the origin; `corners` for 'rounded') inside [x0, x1] × [y0, y1]. */
export function moduleArea(shape: ModuleShape, corners: number, x0: number, y0: number, x1: number, y1: number): number {
  switch (shape) {
    case 'square':
      return rectArea(0, 0, 1, 1, x0, y0, x1, y1);
    case 'rounded':
      return roundedRectArea(0, 0, 1, 1, MODULE_CORNER_RADIUS, corners, x0, y0, x1, y1);
    case 'dots':
      return diskArea(0.5, 0.5, DOT_RADIUS, x0, y0, x1, y1);
  }
}

/**
 * Area of a finder pattern of `shape` (its 7 × 7 square at the origin) inside [x0, x1] × [y0, y1]:
 * the outer outline's, less the light ring's, plus the centre's (they are nested).
 */
export function finderArea(shape: FinderShape, x0: number, y0: number, x1: number, y1: number): number {
  let area = 0;
  let sign = 1;
  for (const [inset, radius] of FINDER_OUTLINES[shape]) {
    const side = FINDER_SIDE - 2 * inset;
    area += sign * roundedRectArea(inset, inset, side, side, radius, ALL_CORNERS, x0, y0, x1, y1);
    sign = -sign;
  }
  return area;
}

/**
 * The signed distance from (x, y) to each outline of a finder pattern of `shape` (negative inside),
 * written into `out` (3 numbers): exact, so a pixel whose centre is farther from every outline than
 * half its diagonal lies wholly on one side of each, and its coverage needs no area computed.
 */
export function finderDistances(shape: FinderShape, x: number, y: number, out: Float64Array): void {
  const outlines = FINDER_OUTLINES[shape];
  for (let k = 0; k < outlines.length; k++) {
    const [inset, radius] = outlines[k]!;
    const half = FINDER_SIDE / 2 - inset;
    // A rounded square centred on (3.5, 3.5): the distance to the square shrunk by the radius, less the radius.
    const qx = Math.abs(x - FINDER_SIDE / 2) - (half - radius);
    const qy = Math.abs(y - FINDER_SIDE / 2) - (half - radius);
    out[k] = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  }
}
