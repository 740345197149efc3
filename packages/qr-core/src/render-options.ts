/**
 * Validation of the options the renderers share (margin, colours), so that PNG, SVG and
 * terminal output reject the same mistakes with the same words (the checks themselves are in `options.ts`).
 */

import { parseColor, type Rgba } from './color.js';
import { integerOption } from './options.js';

/**
 * The quiet zone in modules. ISO/IEC 18004:2015 §6.3.8 asks for 4; less may still scan on a
 * plain background, so 0 is allowed. 64 is far beyond any use and keeps images bounded.
 */
export const MAX_MARGIN = 64;

/** The quiet zone ISO/IEC 18004:2015 §6.3.8 asks for, in modules: every renderer's default. */
export const DEFAULT_MARGIN = 4;

/** The quiet zone option, in modules (default {@link DEFAULT_MARGIN}). */
export function marginOption(value: unknown): number {
  return integerOption('margin', value, 0, MAX_MARGIN, DEFAULT_MARGIN);
}

/** A colour option parsed with {@link parseColor}, or `fallback` when undefined. */
export function colorOption(option: string, value: unknown, fallback: string): Rgba {
  return parseColor(value === undefined ? fallback : value, option);
}
