/**
 * Whether a colour pair leaves enough contrast for scanners. ISO/IEC 15415 grades a symbol's
 * contrast as the difference of its light and dark reflectance, and grade C (the lowest that
 * most applications accept) needs at least 40 %; relative luminance (IEC 61966-2-1 sRGB, as
 * WCAG 2.2 defines it) stands in for reflectance on a screen.
 */
import { parseColor, type Rgba } from 'qr-core';

/** ISO/IEC 15415 symbol contrast for grade C. */
export const MIN_SYMBOL_CONTRAST = 0.4;

/** Relative luminance 0..1 of an sRGB colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * A sentence to show when `dark` on `light` may not scan, or undefined when it will; with
 * `finderColor` (the finder patterns' own colour, '' when they are in `dark`), the finders on
 * `light` are judged too. Colours that are not opaque hex colours (qr-core reports those) and
 * transparency are not judged here.
 */
export function contrastWarning(dark: string, light: string, finderColor = ''): string | undefined {
  return (
    pairWarning(dark, light, 'The dark colour', 'These colours') ??
    (finderColor === '' ? undefined : pairWarning(finderColor, light, 'The finder colour', 'The finder and light colours'))
  );
}

/** What is wrong with `dark` on `light`, in sentences about `subject` (the one colour) or `pair` (both). */
function pairWarning(dark: string, light: string, subject: string, pair: string): string | undefined {
  let darkColour: Rgba;
  let lightColour: Rgba;
  try {
    darkColour = parseColor(dark, 'dark');
    lightColour = parseColor(light, 'light');
  } catch {
    return undefined;
  }
  if (darkColour.a < 255 || lightColour.a < 255) return undefined;
  const difference = relativeLuminance(lightColour) - relativeLuminance(darkColour);
  if (difference < 0) return `${subject} is lighter than the light one: many scanners cannot read codes in reverse.`;
  if (difference < MIN_SYMBOL_CONTRAST) {
    return `${pair} differ by ${Math.round(difference * 100)} % in luminance; scanners need about ${MIN_SYMBOL_CONTRAST * 100} % or more.`;
  }
  return undefined;
}
