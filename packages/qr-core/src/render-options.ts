/**
 * What the renderers share: the defaults and limits of their options (margin, scale, colours,
 * image side) and the checks of those options, so that PNG, SVG and terminal output reject the
 * same mistakes with the same words (the generic checks are in `options.ts`). The server, the
 * widget and the CLI import these constants rather than restating them.
 */

import { parseColor, type Rgba } from './color.js';
import { QrError } from './errors.js';
import { logoArea, type LogoArea } from './logo-budget.js';
import { checkOptionsObject, choiceOption, integerOption } from './options.js';
import type { QrSymbol } from './symbol.js';
import type { SymbologyName } from './symbol-shapes.js';

/** The quiet zone ISO/IEC 18004:2015 §6.3.8 asks QR Code for, in modules: the renderers' default for QR. */
export const DEFAULT_MARGIN = 4;

/**
 * The quiet zone the renderers draw by default, in modules: QR's 4 (§6.3.8), and 2 for Micro QR (§6.3.8)
 * and rMQR (ISO/IEC 23941 §6.3.8), whose single finder pattern needs less clear space.
 */
export function defaultMargin(symbology: SymbologyName): number {
  return symbology === 'qr' ? DEFAULT_MARGIN : 2;
}

/**
 * The largest quiet zone, in modules. Less than {@link DEFAULT_MARGIN} may still scan on a plain
 * background, so 0 is allowed; 64 is far beyond any use and keeps images bounded.
 */
export const MAX_MARGIN = 64;

/** Pixels per module of a raster image by default: the original service's look (330 px at version 1). */
export const DEFAULT_SCALE = 10;

/**
 * The most pixels per module. At 100 a version-1 symbol is 2900 px wide; no scanner or print
 * needs bigger modules, and an SVG scales to any size.
 */
export const MAX_SCALE = 100;

/** Colours of dark and light modules by default: black on white, the polarity §6.2 calls normal. */
export const DEFAULT_DARK = '#000000';
export const DEFAULT_LIGHT = '#ffffff';

/**
 * The largest side of a raster image, in pixels. A version-40 symbol with the standard quiet
 * zone is 185 modules, so this allows scale 44 there; beyond it an image is of no use for
 * scanning and only costs memory (the raw scanlines of an 8192² 1-bit image are 8.4 MB).
 * A service may allow less (qr-server does, and says why in its `api/limits.ts`), never more.
 */
export const MAX_IMAGE_SIDE_PX = 8192;

/**
 * The width and height in pixels of `qr` drawn at `scale` pixels per module with a quiet zone of `margin`
 * modules (defaults {@link DEFAULT_SCALE} and the symbology's {@link defaultMargin}): (modules + 2 · margin) · scale.
 */
export function imageSizePx(qr: QrSymbol, { scale = DEFAULT_SCALE, margin = defaultMargin(qr.symbology) }: { scale?: number; margin?: number } = {}): { width: number; height: number } {
  return { width: (qr.width + 2 * margin) * scale, height: (qr.height + 2 * margin) * scale };
}

/** The longer side of {@link imageSizePx}: the one the limits apply to (the width; rMQR is wider than high). */
export function imageSidePx(qr: QrSymbol, options: { scale?: number; margin?: number } = {}): number {
  return imageSizePx(qr, options).width;
}

/**
 * The largest scale at which `qr`, with a quiet zone of `margin` modules, fits `limitPx`
 * (default {@link MAX_IMAGE_SIDE_PX}) and {@link MAX_SCALE}; 0 when not even scale 1 fits.
 */
export function largestScale(qr: QrSymbol, { margin = defaultMargin(qr.symbology), limitPx = MAX_IMAGE_SIDE_PX }: { margin?: number; limitPx?: number } = {}): number {
  return Math.min(MAX_SCALE, Math.floor(limitPx / (qr.width + 2 * margin)));
}

/**
 * How dark modules outside the finder patterns are drawn (see `shapes.ts` for the geometry):
 * - `'square'`: each module fills its square (the default, and the only drawing before shapes);
 * - `'rounded'`: modules joined into runs and blobs whose outer corners are rounded — a dark
 *   module's corner becomes a quarter circle of radius ½ module when both modules beside it at
 *   that corner are light, so a lone module is a circle and a run ends in half circles;
 * - `'dots'`: a circle of diameter 1 module per dark module.
 */
export const MODULE_SHAPES = Object.freeze(['square', 'rounded', 'dots'] as const);
export type ModuleShape = (typeof MODULE_SHAPES)[number];

/**
 * How the three finder patterns (the 7 × 7 corners, ISO/IEC 18004:2015 §6.3.3) are drawn, each as a
 * whole — a ring (7 × 7 minus 5 × 5) around a 3 × 3 centre — never module by module:
 * - `'square'`: the standard's squares (the default);
 * - `'rounded'`: the ring with corners of radius 2 outside and 1 inside, the centre with radius 1;
 * - `'circle'`: concentric circles of diameters 7, 5 and 3 modules.
 */
export const FINDER_SHAPES = Object.freeze(['square', 'rounded', 'circle'] as const);
export type FinderShape = (typeof FINDER_SHAPES)[number];

/** The options of every image renderer (PNG, SVG): how the symbol is drawn, whatever the format. */
export interface DrawingOptions {
  /** Quiet zone in modules, 0..64 (default 4 for QR, 2 for Micro QR and rMQR, as their standards ask: {@link defaultMargin}). */
  margin?: number;
  /** Colour of dark modules (default '#000000'); see `parseColor` for the accepted forms. */
  dark?: string;
  /** Colour of light modules and the quiet zone (default '#ffffff'); 'transparent' draws no background. */
  light?: string;
  /** Shape of the dark modules outside the finder patterns: one of {@link MODULE_SHAPES} (default 'square'). */
  moduleShape?: ModuleShape;
  /** Shape of the three finder patterns: one of {@link FINDER_SHAPES} (default 'square'). */
  finderShape?: FinderShape;
  /** Colour of the three finder patterns (default: the `dark` colour), in the forms `dark` takes. */
  finderColor?: string;
}

/**
 * A logo in the centre of the symbol (see `logo-budget.ts` for the rule that sizes it): `image` is
 * the file (see `readLogo` of `logo-image.ts` for the forms), `size` its side as a fraction of the
 * symbol's (default: the smaller of 0.25 and `maxLogoSize`), `padding` the light margin round it
 * in modules (0..16, default 1). `Image` is what the renderer takes: PNG output takes a decoded
 * image too.
 */
export interface LogoOptions<Image = Uint8Array | string> {
  image: Image;
  size?: number;
  padding?: number;
}

/** The logo option checked: the image as given (each renderer reads it) and where the logo goes. */
export interface Logo {
  readonly image: unknown;
  readonly area: LogoArea;
}

/**
 * Checks the shape of a `logo` option and places it on `qr`; undefined when there is none. Throws
 * `QrError('INVALID_OPTION')` for a wrong shape or size and `QrError('LOGO_TOO_LARGE')` beyond the rule.
 */
export function logoOption(qr: QrSymbol, value: unknown): Logo | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || !('image' in value)) {
    throw new QrError('INVALID_OPTION', `logo must be an object { image, size?, padding? }; got ${value === null ? 'null' : typeof value}`);
  }
  const { image, size, padding } = value as { image: unknown; size?: unknown; padding?: unknown };
  return { image, area: logoArea(qr, size, padding) };
}

/** {@link DrawingOptions} checked, with their defaults: what a renderer draws with. */
export interface Drawing {
  readonly margin: number;
  readonly dark: Rgba;
  readonly light: Rgba;
  readonly moduleShape: ModuleShape;
  readonly finderShape: FinderShape;
  readonly finderColor: Rgba;
  /**
   * False when the drawing is the plain one — square modules, square finders in the dark colour —
   * which the renderers draw exactly as they did before shapes existed, byte for byte.
   */
  readonly styled: boolean;
}

/** Checks `options` (an object, each drawing option in range) and fills in the defaults for `qr`. */
export function drawingOptions(options: DrawingOptions, qr: QrSymbol): Drawing {
  checkOptionsObject(options);
  const margin = marginOption(options.margin, qr);
  const dark = colorOption('dark', options.dark, DEFAULT_DARK);
  const light = colorOption('light', options.light, DEFAULT_LIGHT);
  const moduleShape = choiceOption('moduleShape', options.moduleShape, MODULE_SHAPES, 'square');
  const finderShape = choiceOption('finderShape', options.finderShape, FINDER_SHAPES, 'square');
  const finderColor = options.finderColor === undefined ? dark : parseColor(options.finderColor, 'finderColor');
  if (qr.symbology !== 'qr') {
    // Micro QR and rMQR are located by one finder pattern, which readers measure as squares (zxing-cpp reads
    // none of them with a rounded or circle finder); rMQR's rounded modules are read only some of the time,
    // since they merge its sub-finder and corner patterns (symbologies.test.ts reads every shape allowed here).
    const name = qr.symbology === 'micro' ? 'Micro QR' : 'rMQR';
    if (finderShape !== 'square') throw new QrError('INVALID_OPTION', `${name} symbols are found by their one finder pattern, which must stay square: leave out finderShape (finderColor may change)`);
    if (qr.symbology === 'rmqr' && moduleShape === 'rounded') throw new QrError('INVALID_OPTION', "rMQR's rounded modules blur its sub-finder and corner patterns for readers: use moduleShape 'square' or 'dots'");
  }
  return {
    margin,
    dark,
    light,
    moduleShape,
    finderShape,
    finderColor,
    styled: moduleShape !== 'square' || finderShape !== 'square' || !sameColor(finderColor, dark),
  };
}

/** Whether two colours paint the same: equal channels, or both fully transparent. */
export function sameColor(a: Rgba, b: Rgba): boolean {
  if (a.a === 0 && b.a === 0) return true;
  return a.r === b.r && a.g === b.g && a.b === b.b && a.a === b.a;
}

/** The quiet zone option, in modules (default: the symbology's, {@link defaultMargin}). */
export function marginOption(value: unknown, qr: QrSymbol): number {
  return integerOption('margin', value, 0, MAX_MARGIN, defaultMargin(qr.symbology));
}

/** The scale option, in pixels per module (default {@link DEFAULT_SCALE}). */
export function scaleOption(value: unknown): number {
  return integerOption('scale', value, 1, MAX_SCALE, DEFAULT_SCALE);
}

/** A colour option parsed with {@link parseColor}, or `fallback` when undefined. */
function colorOption(option: string, value: unknown, fallback: string): Rgba {
  return parseColor(value === undefined ? fallback : value, option);
}
