/**
 * Palettes of the PNG renderer's styled drawings (PNG Specification, Second Edition: §11.2.3 PLTE,
 * §11.3.2.1 tRNS): shared by the drawing of shapes (`png.ts`) and the compositing of a logo
 * (`png-logo.ts`).
 */

import type { Rgba } from './color.js';

/** A palette entry of a styled drawing: `ink` covering `coverage` (0..1) of the pixel. */
export interface InkLevel {
  readonly ink: Rgba;
  readonly coverage: number;
}

/** A styled drawing's scanlines and palette, as `png-writer.ts` makes them and `png-logo.ts` composites into. */
export interface IndexedImage {
  /** The scanlines (filter type None on every row), to deflate. */
  readonly raw: Uint8Array;
  readonly bitDepth: number;
  /** What each palette index paints: an ink at a coverage (index 0 is the light colour, coverage 0). */
  readonly levels: readonly InkLevel[];
  /** The colour of each palette index: its ink at its coverage over the light colour. */
  readonly colors: readonly Rgba[];
}

/** The smallest bit depth of a palette image with `count` colours (PNG §11.2.2: 1, 2, 4 or 8). */
export function paletteBitDepth(count: number): number {
  return count <= 2 ? 1 : count <= 4 ? 2 : count <= 16 ? 4 : 8;
}

/**
 * PLTE and tRNS for `colors` (at most 256). tRNS may stop before the palette's end (missing
 * entries are opaque, PNG §11.3.2.1), so it runs only to the last colour that is not opaque.
 */
export function paletteChunks(colors: readonly Rgba[]): { colorType: 3; palette: Uint8Array; transparency: Uint8Array | undefined } {
  const palette = new Uint8Array(3 * colors.length);
  colors.forEach((color, i) => palette.set([color.r, color.g, color.b], 3 * i));
  let opaqueFrom = colors.length;
  while (opaqueFrom > 0 && colors[opaqueFrom - 1]!.a === 255) opaqueFrom--;
  const transparency = opaqueFrom === 0 ? undefined : Uint8Array.from(colors.slice(0, opaqueFrom), (color) => color.a);
  return { colorType: 3, palette, transparency };
}
