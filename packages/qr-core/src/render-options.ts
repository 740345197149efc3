/**
 * Validation of the options the renderers share (margin, scale, colours), so that PNG, SVG and
 * terminal output reject the same mistakes with the same words.
 */

import { parseColor, type Rgba } from './color.js';
import { QrError } from './errors.js';

/**
 * The quiet zone in modules. ISO/IEC 18004:2015 §6.3.8 asks for 4; less may still scan on a
 * plain background, so 0 is allowed. 64 is far beyond any use and keeps images bounded.
 */
export const MAX_MARGIN = 64;

/** The quiet zone ISO/IEC 18004:2015 §6.3.8 asks for, in modules: every renderer's default. */
export const DEFAULT_MARGIN = 4;

/** Throws INVALID_OPTION unless `options` is an object (a JavaScript caller may pass anything). */
export function checkOptionsObject(options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    throw new QrError('INVALID_OPTION', `options must be an object; got ${String(options)}`);
  }
}

/** `value` as an integer in min..max, or `fallback` when undefined; otherwise INVALID_OPTION naming `option`. */
export function integerOption(option: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const given = typeof value === 'number' ? String(value) : `${typeof value} ${JSON.stringify(value)}`;
    throw new QrError('INVALID_OPTION', `${option} must be an integer from ${min} to ${max}; got ${given}`);
  }
  return value;
}

/** The quiet zone option, in modules (default {@link DEFAULT_MARGIN}). */
export function marginOption(value: unknown): number {
  return integerOption('margin', value, 0, MAX_MARGIN, DEFAULT_MARGIN);
}

/** A colour option parsed with {@link parseColor}, or `fallback` when undefined. */
export function colorOption(option: string, value: unknown, fallback: string): Rgba {
  return parseColor(value === undefined ? fallback : value, option);
}
