/**
 * The small previews of the Style choices: one fixed version-1 symbol, encoded once, drawn by
 * qr-core's toSVG in each style the first time it is asked for, and kept as a node for each
 * fieldset's owner (a node is in one place only), so that a render of the fieldset (at every
 * keystroke) hands Lit the nodes it already shows, which it leaves alone.
 */
import { encodeQR, FINDER_SHAPES, MODULE_SHAPES, QrError, toSVG, type DrawingOptions, type QrSymbol, type SymbologyName } from 'qr-core';
import { symbologies } from '../../../symbology-loader.js';

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
    sample ??= encodeQR(SAMPLE_TEXT, { ecl: 'L' });
    const template = document.createElement('template');
    template.innerHTML = toSVG(sample, { margin: 1, ...style });
    owned.set(key, template.content.firstElementChild!);
  }
  return owned.get(key)!;
}

const symbologySamples = new Map<SymbologyName, QrSymbol>();
const refusals = new Map<string, string | undefined>();

/** What the Style choices say while the symbologies module, which makes the samples of Micro QR and rMQR, is on its way. */
export const STYLES_LOADING = 'Finding out which shapes this symbol takes…';

/**
 * Why qr-core does not draw `style` on a `symbology` symbol (Micro QR's and rMQR's one finder stays
 * square, rMQR's modules are not rounded), in qr-core's words up to its advice to API callers, or
 * undefined where it draws it: asked of qr-core's toSVG with a sample of that symbology, once. A
 * Micro QR or rMQR sample is made by the symbologies module: until it is here, every shape but the
 * square is {@link STYLES_LOADING}.
 */
export function styleRefusal(symbology: SymbologyName, style: Pick<DrawingOptions, 'moduleShape' | 'finderShape'>): string | undefined {
  const key = JSON.stringify([symbology, style]);
  if (!refusals.has(key)) {
    const encode = symbology === 'qr' ? encodeQR : symbologies.value?.encode;
    if (encode === undefined) return (style.moduleShape ?? MODULE_SHAPES[0]) === MODULE_SHAPES[0] && (style.finderShape ?? FINDER_SHAPES[0]) === FINDER_SHAPES[0] ? undefined : STYLES_LOADING;
    let refusal: string | undefined;
    try {
      let symbol = symbologySamples.get(symbology);
      if (symbol === undefined) symbologySamples.set(symbology, (symbol = encode(SAMPLE_TEXT, { symbology, ecl: symbology === 'rmqr' ? 'M' : 'L' })));
      toSVG(symbol, { margin: 1, ...style });
    } catch (error) {
      // toSVG is this bundle's: so is the QrError it throws.
      if (!(error instanceof QrError)) throw error;
      refusal = `${error.message.split(': ')[0]}.`;
    }
    refusals.set(key, refusal);
  }
  return refusals.get(key);
}
