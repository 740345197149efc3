/**
 * The small previews of the Style choices: one fixed version-1 symbol, encoded once, drawn by
 * qr-core's toSVG in each style the first time it is asked for and kept, so that a render of
 * the fieldset (at every keystroke) passes the same strings and costs nothing.
 */
import { encode, toSVG, type DrawingOptions, type QrSymbol } from 'qr-core';

/** What the previews encode: short enough for version 1 (21 × 21 modules) at ECL L. */
export const SAMPLE_TEXT = 'Style';

let sample: QrSymbol | undefined;
const drawn = new Map<string, string>();

/** The sample symbol drawn with `style` (one module shape or finder shape), with a quiet zone of one module. */
export function samplePreview(style: Pick<DrawingOptions, 'moduleShape' | 'finderShape'>): string {
  const key = `${style.moduleShape ?? ''}/${style.finderShape ?? ''}`;
  let svg = drawn.get(key);
  if (svg === undefined) {
    sample ??= encode(SAMPLE_TEXT, { ecl: 'L' });
    svg = toSVG(sample, { margin: 1, ...style });
    drawn.set(key, svg);
  }
  return svg;
}
