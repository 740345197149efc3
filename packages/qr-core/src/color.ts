/**
 * Colour parsing shared by every renderer (PNG, SVG), the HTTP server and the widget.
 * Browser-safe: no `node:` imports.
 *
 * Only the hexadecimal forms of CSS Color Module Level 4 §5.2 and the keyword `transparent`
 * are accepted: they are the forms a PNG palette can hold exactly, and they mean the same in
 * SVG and CSS. Named colours (`red`) and functions (`rgb()`) are left out on purpose: supporting
 * some of them would invite questions about the rest.
 */

import { QrError } from './errors.js';

/** A colour with 8-bit channels; `a` is the alpha, 0 (transparent) .. 255 (opaque). */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

const ACCEPTED_FORMS = "'#rgb', '#rgba', '#rrggbb', '#rrggbbaa' or 'transparent'";
const HEX_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/**
 * Parses `text` as '#rgb', '#rgba', '#rrggbb', '#rrggbbaa' or 'transparent' (case-insensitive,
 * surrounding white space ignored). `option` names the option in the error message
 * ('dark', 'light', …). Throws `QrError('INVALID_OPTION')` for anything else.
 */
export function parseColor(text: unknown, option = 'color'): Rgba {
  if (typeof text !== 'string') {
    throw new QrError('INVALID_OPTION', `${option} must be a colour string (${ACCEPTED_FORMS}); got ${describe(text)}`);
  }
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  if (!HEX_COLOR.test(trimmed)) {
    throw new QrError('INVALID_OPTION', `${option} must be ${ACCEPTED_FORMS}; got ${JSON.stringify(text)}`);
  }
  const digits = trimmed.slice(1);
  // The short forms repeat each digit: '#f80' is '#ff8800' (CSS Color 4 §5.2).
  const wide = digits.length <= 4 ? digits.replace(/./g, '$&$&') : digits;
  const channel = (i: number): number => parseInt(wide.slice(2 * i, 2 * i + 2), 16);
  return { r: channel(0), g: channel(1), b: channel(2), a: wide.length === 8 ? channel(3) : 255 };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * `ink` over `light` at `coverage` (0..1) of a pixel, mixed with premultiplied alpha: `light` at 0,
 * the ink itself at 1. What an anti-aliased edge of a shape of colour `ink` paints on `light`.
 */
export function mix(light: Rgba, ink: Rgba, coverage: number): Rgba {
  if (coverage >= 1) return ink;
  const a = coverage * ink.a + (1 - coverage) * light.a;
  if (a === 0) return TRANSPARENT;
  const channel = (i: number, l: number): number => Math.round((coverage * ink.a * i + (1 - coverage) * light.a * l) / a);
  return { r: channel(ink.r, light.r), g: channel(ink.g, light.g), b: channel(ink.b, light.b), a: Math.round(a) };
}

const TRANSPARENT: Rgba = Object.freeze({ r: 0, g: 0, b: 0, a: 0 });
