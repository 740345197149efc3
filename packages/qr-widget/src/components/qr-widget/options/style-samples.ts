/**
 * The small previews of the Style choices: one fixed version-1 symbol, encoded once, drawn by
 * qr-core's toSVG in each style the first time it is asked for, and kept as a node for each
 * fieldset's owner (a node is in one place only), so that a render of the fieldset (at every
 * keystroke) hands Lit the nodes it already shows, which it leaves alone.
 */
import { encode, QrError, toSVG, type DrawingOptions, type QrSymbol, type SymbologyName } from 'qr-core';

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

const symbologySamples = new Map<SymbologyName, QrSymbol>();
const refusals = new Map<string, string | undefined>();

/**
 * Why qr-core does not draw `style` on a `symbology` symbol (Micro QR's and rMQR's one finder stays
 * square, rMQR's modules are not rounded), in qr-core's words up to its advice to API callers, or
 * undefined where it draws it: asked of qr-core's toSVG with a sample of that symbology, once.
 */
export function styleRefusal(symbology: SymbologyName, style: Pick<DrawingOptions, 'moduleShape' | 'finderShape'>): string | undefined {
  const key = JSON.stringify([symbology, style]);
  if (!refusals.has(key)) {
    let refusal: string | undefined;
    try {
      let symbol = symbologySamples.get(symbology);
      if (symbol === undefined) symbologySamples.set(symbology, (symbol = encode(SAMPLE_TEXT, { symbology, ecl: symbology === 'rmqr' ? 'M' : 'L' })));
      toSVG(symbol, { margin: 1, ...style });
    } catch (error) {
      if (!(error instanceof QrError)) throw error;
      refusal = `${error.message.split(': ')[0]}.`;
    }
    refusals.set(key, refusal);
  }
  return refusals.get(key);
}
