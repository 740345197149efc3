/**
 * The plain SVG drawing — square modules, square finders in the dark colour — on its own, so that
 * a page that draws only that does not bundle the shapes and the logo (`svg.ts`). `toSVG` draws
 * its plain case with {@link plainSvg}, so both give the same bytes.
 *
 * The drawing is in module units (`viewBox`), so it scales without blur, and every dark module
 * is in ONE `<path>`: a horizontal run of n dark modules is one rectangle `m dx dy h n v1 h-n z`
 * with relative moves, which keeps a version-40 symbol around 40 KB instead of the megabytes a
 * `<rect>` per module would take.
 */

import { parseColor, type Rgba } from './color.js';
import { QrError } from './errors.js';
import { checkOptionsObject, integerOption } from './options.js';
import { DEFAULT_DARK, DEFAULT_LIGHT, marginOption } from './render-options.js';
import { forEachDarkRun, type QrSymbol } from './symbol.js';

/** The options of {@link toPlainSVG}: `toSVG`'s without the shapes and the logo. */
export interface PlainSvgOptions {
  /** Quiet zone in modules, 0..64 (default 4 for QR, 2 for Micro QR and rMQR: `defaultMargin`). */
  margin?: number;
  /** Colour of dark modules (default '#000000'); see `parseColor` for the accepted forms. */
  dark?: string;
  /** Colour of light modules and the quiet zone (default '#ffffff'); 'transparent' draws no background. */
  light?: string;
  /**
   * Width attribute in px, 1..65535, and the height in proportion (equal for square symbols); without it
   * the SVG takes the size its container gives it.
   */
  size?: number;
}

/**
 * Renders `qr` as an SVG document of square modules: what `toSVG(qr, options)` gives for the
 * same options, byte for byte, without bundling the shapes and the logo. Throws
 * `QrError('INVALID_OPTION')` on a bad option, and for any of `toSVG`'s style or logo options
 * (`moduleShape`, `finderShape`, `finderColor`, `logo`), which it does not draw.
 */
export function toPlainSVG(qr: QrSymbol, options: PlainSvgOptions = {}): string {
  checkOptionsObject(options);
  for (const name of ['moduleShape', 'finderShape', 'finderColor', 'logo']) {
    if ((options as Record<string, unknown>)[name] !== undefined) {
      throw new QrError('INVALID_OPTION', `toPlainSVG draws square modules only; ${name} is an option of toSVG`);
    }
  }
  return plainSvg(
    qr,
    marginOption(options.margin, qr),
    parseColor(options.dark === undefined ? DEFAULT_DARK : options.dark, 'dark'),
    parseColor(options.light === undefined ? DEFAULT_LIGHT : options.light, 'light'),
    sizeOption(options.size),
  );
}

/** The `size` option checked: the width in px, or 0 without one. */
export function sizeOption(value: unknown): number {
  return value === undefined ? 0 : integerOption('size', value, 1, 65535, 0);
}

/**
 * `<svg …` up to its attributes' end for `qr` with `margin`, and the background (none when `light` is
 * transparent). `widthPx` (0: none) sets the width attribute, and the height in proportion.
 */
export function svgStart(qr: QrSymbol, margin: number, widthPx: number, light: Rgba, crisp: boolean): string {
  const width = qr.width + 2 * margin;
  const height = qr.height + 2 * margin;
  const pixelSize = widthPx === 0 ? '' : ` width="${widthPx}" height="${Math.round((widthPx * height) / width)}"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}"${pixelSize}${crisp ? ' shape-rendering="crispEdges"' : ''}>` +
    (light.a === 0 ? '' : `<rect width="${width}" height="${height}"${fill(light)}/>`)
  );
}

/** The plain drawing with checked options (`widthPx` from {@link sizeOption}). */
export function plainSvg(qr: QrSymbol, margin: number, dark: Rgba, light: Rgba, widthPx: number): string {
  const runs = darkRunsPath(qr, margin);
  return `${svgStart(qr, margin, widthPx, light, true)}${runs === '' ? '' : `<path${fill(dark)} d="${runs}"/>`}</svg>`;
}

/**
 * Path data for every horizontal run of dark modules, offset by the margin. After `z` the pen is
 * back at the start of the run just drawn, so each move is relative to the previous run's start.
 */
function darkRunsPath(qr: QrSymbol, margin: number): string {
  const parts: string[] = [];
  let penX = 0;
  let penY = 0;
  let first = true;
  for (let y = 0; y < qr.height; y++) {
    forEachDarkRun(qr, y, (start, end) => {
      const runX = start + margin;
      const runY = y + margin;
      const move = first ? `M${runX} ${runY}` : `m${runX - penX} ${runY - penY}`;
      parts.push(`${move}h${end - start}v1h-${end - start}z`);
      penX = runX;
      penY = runY;
      first = false;
    });
  }
  return parts.join('');
}

/**
 * ` fill="#rrggbb"`, plus `fill-opacity` when not opaque: 8-digit hex colours are CSS Color 4
 * and not understood by every SVG 1.1 renderer (e.g. older librsvg), `fill-opacity` is.
 */
export function fill(color: Rgba): string {
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  const opacity = color.a === 255 ? '' : ` fill-opacity="${+(color.a / 255).toFixed(3)}"`;
  return ` fill="#${hex(color.r)}${hex(color.g)}${hex(color.b)}"${opacity}`;
}
