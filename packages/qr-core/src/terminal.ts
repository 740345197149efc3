/**
 * Renderer: symbol → text for a terminal, with the Unicode half blocks ▀ ▄ █ and space, two
 * module rows per line (a character cell is about twice as tall as it is wide, so each module
 * comes out about square). Browser-safe.
 * Level: takes a {@link QrSymbol} from `encode`; see `svg.ts` and `png.ts` for the other renderers.
 */

import { QrError } from './errors.js';
import { checkOptionsObject } from './options.js';
import { marginOption } from './render-options.js';
import type { QrSymbol } from './symbol.js';

export interface TerminalOptions {
  /**
   * false (default): the glyphs draw the LIGHT modules, for the usual dark terminal with light
   * text. true: the glyphs draw the DARK modules, for a light terminal with dark text.
   *
   * Why this default: a terminal paints glyphs in its text colour over its background. On a dark
   * terminal, drawing the dark modules as glyphs would give light modules that are dark and dark
   * modules that are light — a reflectance-reversed symbol, which the standard leaves optional for
   * readers and many phone scanners do not read. Drawing the light modules, quiet zone included, keeps the
   * standard's polarity; most terminals are dark, so that is the default. The same reasoning
   * gives `invert: true` for light terminals.
   */
  invert?: boolean;
  /** Quiet zone in modules, 0..64 (default 4 for QR, 2 for Micro QR and rMQR: `defaultMargin`). */
  margin?: number;
}

/** Glyph for a cell whose top and bottom halves are inked (1) or not (0), indexed by top * 2 + bottom. */
const HALF_BLOCKS = [' ', '▄', '▀', '█'] as const;

/** Renders `qr` as lines of half blocks joined by '\n' (no trailing newline). */
export function toTerminal(qr: QrSymbol, options: TerminalOptions = {}): string {
  checkOptionsObject(options);
  const margin = marginOption(options.margin, qr);
  if (options.invert !== undefined && typeof options.invert !== 'boolean') {
    throw new QrError('INVALID_OPTION', `invert must be true or false; got ${JSON.stringify(options.invert)}`);
  }
  const inkDark = options.invert === true;
  const width = qr.width + 2 * margin;
  const height = qr.height + 2 * margin;
  // Below the last row (the height is odd when the symbol's is: QR 4 × version + 17) is terminal background, never ink.
  const inked = (x: number, y: number): number =>
    y >= height ? 0 : qr.get(x - margin, y - margin) === inkDark ? 1 : 0;

  const lines: string[] = [];
  for (let y = 0; y < height; y += 2) {
    let line = '';
    for (let x = 0; x < width; x++) line += HALF_BLOCKS[inked(x, y) * 2 + inked(x, y + 1)];
    lines.push(line);
  }
  return lines.join('\n');
}
