/**
 * Renderer: symbol → standalone SVG document (a string). Browser-safe.
 * Level: takes a {@link QrSymbol} from `encode`; see `png.ts` and `terminal.ts` for the other renderers.
 *
 * The drawing is in module units (`viewBox`), so it scales without blur, and every dark module
 * is in ONE `<path>`: a horizontal run of n dark modules is one rectangle `m dx dy h n v1 h-n z`
 * with relative moves, which keeps a version-40 symbol around 40 KB instead of the megabytes a
 * `<rect>` per module would take.
 */

import type { Rgba } from './color.js';
import { integerOption } from './options.js';
import { drawingOptions, type DrawingOptions } from './render-options.js';
import { forEachDarkRun, type QrSymbol } from './symbol.js';

export interface SvgOptions extends DrawingOptions {
  /** Width and height attributes in px, 1..65535; without it the SVG takes the size its container gives it. */
  size?: number;
}

/** Renders `qr` as an SVG document. Throws `QrError('INVALID_OPTION')` on a bad option. */
export function toSVG(qr: QrSymbol, options: SvgOptions = {}): string {
  const { margin, dark, light } = drawingOptions(options);
  const sizePx = options.size === undefined ? undefined : integerOption('size', options.size, 1, 65535, 0);
  const side = qr.size + 2 * margin;

  const pixelSize = sizePx === undefined ? '' : ` width="${sizePx}" height="${sizePx}"`;
  const background = light.a === 0 ? '' : `<rect width="${side}" height="${side}"${fill(light)}/>`;
  const runs = darkRunsPath(qr, margin);
  const path = runs === '' ? '' : `<path${fill(dark)} d="${runs}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"${pixelSize} shape-rendering="crispEdges">` +
    `${background}${path}</svg>`
  );
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
  for (let y = 0; y < qr.size; y++) {
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
function fill(color: Rgba): string {
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  const opacity = color.a === 255 ? '' : ` fill-opacity="${+(color.a / 255).toFixed(3)}"`;
  return ` fill="#${hex(color.r)}${hex(color.g)}${hex(color.b)}"${opacity}`;
}
