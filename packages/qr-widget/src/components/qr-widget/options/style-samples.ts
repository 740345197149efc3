/**
 * The small previews of the Style choices: one fixed version-1 symbol, encoded once, drawn by
 * qr-core's toSVG in each style the first time it is asked for, and kept as a node for each
 * fieldset's owner (a node is in one place only), so that a render of the fieldset (at every
 * keystroke) hands Lit the nodes it already shows, which it leaves alone.
 */
import { encode, toSVG, type DrawingOptions, type QrSymbol } from 'qr-core';

/** What the previews encode: short enough for version 1 (21 × 21 modules) at ECL L. */
export const SAMPLE_TEXT = 'Style';

let sample: QrSymbol | undefined;
const nodes = new WeakMap<object, Map<string, Element>>();

/** The sample symbol drawn in `style` (one module or finder shape) with a quiet zone of one module, the same `<svg>` each time for `owner`. */
export function samplePreview(owner: object, style: Pick<DrawingOptions, 'moduleShape' | 'finderShape'>): Element {
  const key = JSON.stringify(style);
  if (!nodes.has(owner)) nodes.set(owner, new Map());
  const owned = nodes.get(owner)!;
  if (!owned.has(key)) {
    sample ??= encode(SAMPLE_TEXT, { ecl: 'L' });
    const template = document.createElement('template');
    template.innerHTML = toSVG(sample, { margin: 1, ...style });
    owned.set(key, template.content.firstElementChild!);
  }
  return owned.get(key)!;
}
