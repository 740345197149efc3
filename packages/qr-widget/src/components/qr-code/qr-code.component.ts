import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  encode,
  toSVG,
  DEFAULT_DARK,
  DEFAULT_ECL,
  DEFAULT_LIGHT,
  DEFAULT_MARGIN,
  FINDER_SHAPES,
  MODULE_SHAPES,
  QrError,
  type Ecl,
  type FinderShape,
  type ModuleShape,
  type QrSymbol,
} from 'qr-core';
import { emit, type BrowserGeneratedDetail, type QrErrorDetail } from '../../events.js';
import { qrCodeStyles } from './qr-code.styles.js';

/** What a render shows: a symbol and its SVG, or the reason there is none. */
type Rendering =
  | { kind: 'empty' }
  | { kind: 'symbol'; symbol: QrSymbol; svg: string; image: Element }
  | { kind: 'error'; error: QrError };

/** What a `<qr-code>` shows, with the detail of the event that reported it (none for an empty value). */
export type QrCodeResult =
  | { kind: 'empty' }
  | { kind: 'generated'; detail: BrowserGeneratedDetail }
  | { kind: 'error'; detail: QrErrorDetail };

/** The properties that change the drawing of a symbol but not the symbol. */
const DRAWING_INPUTS = ['margin', 'dark', 'light', 'moduleShape', 'finderShape', 'finderColor'] as const;

/**
 * Shows a QR code for `value`, encoded in the browser by qr-core: no network, so it suits
 * third-party pages. The SVG scales to the element's box.
 *
 * @summary Display-only QR code.
 *
 * @fires qr-generated - A new symbol or a new drawing of it was rendered (detail: value, ecl, version, source 'browser', symbol, svg).
 * @fires qr-error - `value` or an option cannot be encoded (detail: value, code, message).
 *
 * @csspart base - The `role="img"` box that holds the SVG.
 *
 * @cssproperty --qr-code-size - Width (and height) of the element. Default 12rem.
 */
export class QrCode extends LitElement {
  static override styles = qrCodeStyles;

  /** The text or URL to encode (UTF-8). Empty shows nothing. */
  @property({ type: String, attribute: 'value' }) value = '';

  /** Error correction level: L, M, Q or H (about 7, 15, 25, 30 % of the symbol recoverable). */
  @property({ type: String, attribute: 'ecl' }) ecl: Ecl = DEFAULT_ECL;

  /** Quiet zone around the symbol, in modules; by default qr-core's DEFAULT_MARGIN, the one ISO/IEC 18004 §6.3.8 asks for. */
  @property({ type: Number, attribute: 'margin' }) margin = DEFAULT_MARGIN;

  /** Colour of dark modules: '#rgb', '#rgba', '#rrggbb', '#rrggbbaa' or 'transparent' (qr-core's parseColor). */
  @property({ type: String, attribute: 'dark' }) dark = DEFAULT_DARK;

  /** Colour of light modules and the quiet zone. */
  @property({ type: String, attribute: 'light' }) light = DEFAULT_LIGHT;

  /** Shape of the dark modules outside the finder patterns: qr-core's MODULE_SHAPES, 'square', 'rounded' or 'dots'. */
  @property({ type: String, attribute: 'module-shape' }) moduleShape: ModuleShape = MODULE_SHAPES[0];

  /** Shape of the three finder patterns: qr-core's FINDER_SHAPES, 'square', 'rounded' or 'circle'. */
  @property({ type: String, attribute: 'finder-shape' }) finderShape: FinderShape = FINDER_SHAPES[0];

  /** Colour of the finder patterns, in the forms `dark` takes; '' (the default) paints them in `dark`. */
  @property({ type: String, attribute: 'finder-color' }) finderColor = '';

  /** Accessible name of the image; defaults to the encoded value. */
  @property({ type: String, attribute: 'label' }) label = '';

  @state() private rendering: Rendering = { kind: 'empty' };

  /** The symbol on display, for callers that want its version or modules. */
  get symbol(): QrSymbol | undefined {
    return this.rendering.kind === 'symbol' ? this.rendering.symbol : undefined;
  }

  /** The SVG on display as a standalone document, e.g. for a download. */
  get svg(): string | undefined {
    return this.rendering.kind === 'symbol' ? this.rendering.svg : undefined;
  }

  /**
   * What is on display once the changes made so far have rendered: the detail of the event that
   * reported it. For a caller that has just set `value` or an option and needs the outcome.
   */
  async result(): Promise<QrCodeResult> {
    await this.updateComplete;
    return this.report();
  }

  protected override willUpdate(changed: PropertyValues): void {
    const encodingChanged = changed.has('value') || changed.has('ecl');
    const drawingChanged = DRAWING_INPUTS.some((name) => changed.has(name));
    if (!encodingChanged && !drawingChanged) return;
    if (this.value === '') {
      this.rendering = { kind: 'empty' };
      return;
    }
    try {
      // Re-encoding is the costly step: a change of colours, style or margin only redraws.
      const symbol =
        !encodingChanged && this.rendering.kind === 'symbol'
          ? this.rendering.symbol
          : encode(this.value, { ecl: this.ecl });
      const { margin, dark, light, moduleShape, finderShape } = this;
      // An absent attribute reads as null, and '' follows the dark colour: both leave qr-core's default.
      const svg = toSVG(symbol, { margin, dark, light, moduleShape, finderShape, finderColor: this.finderColor || undefined });
      this.rendering = { kind: 'symbol', symbol, svg, image: parseSvg(svg) };
    } catch (error) {
      // Only a caller's mistake is shown; a broken invariant in qr-core stays an exception.
      if (!(error instanceof QrError)) throw error;
      this.rendering = { kind: 'error', error };
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('rendering')) return;
    const result = this.report();
    if (result.kind === 'generated') emit(this, 'qr-generated', result.detail);
    else if (result.kind === 'error') emit(this, 'qr-error', result.detail);
  }

  /** The rendering in the words of the events. */
  private report(): QrCodeResult {
    const rendering = this.rendering;
    const value = this.value;
    switch (rendering.kind) {
      case 'empty':
        return rendering;
      case 'error':
        return { kind: 'error', detail: { value, code: rendering.error.code, message: rendering.error.message } };
      case 'symbol': {
        const { symbol, svg } = rendering;
        return { kind: 'generated', detail: { value, ecl: symbol.ecl, version: symbol.version, source: 'browser', symbol, svg } };
      }
    }
  }

  protected override render() {
    const rendering = this.rendering;
    switch (rendering.kind) {
      case 'empty':
        return nothing;
      case 'error':
        return html`<div part="base" role="img" aria-label=${`No QR code: ${rendering.error.message}`}></div>`;
      case 'symbol':
        return html`<div part="base" role="img" aria-label=${this.label || this.value}>${rendering.image}</div>`;
    }
  }
}

/**
 * qr-core's SVG as a DOM element, parsed once per change; Lit then inserts the node as it is.
 * (Lit's unsafeSVG directive does the same with more machinery: 0.4 KB gzipped of the budget.)
 */
function parseSvg(svg: string): Element {
  const template = document.createElement('template');
  template.innerHTML = svg;
  return template.content.firstElementChild!;
}
