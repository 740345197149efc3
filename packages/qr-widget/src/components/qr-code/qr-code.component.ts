import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { encode, toSVG, QrError, type Ecl, type QrSymbol } from 'qr-core';
import { emit } from '../../events.js';
import { qrCodeStyles } from './qr-code.styles.js';

/** What a render shows: a symbol and its SVG, or the reason there is none. */
type Rendering =
  | { kind: 'empty' }
  | { kind: 'symbol'; symbol: QrSymbol; svg: string; image: Element }
  | { kind: 'error'; error: QrError };

/**
 * Shows a QR code for `value`, encoded in the browser by qr-core: no network, so it suits
 * third-party pages. The SVG scales to the element's box.
 *
 * @summary Display-only QR code.
 *
 * @fires qr-generated - A new symbol was rendered (detail: value, ecl, version, source 'browser').
 * @fires qr-error - `value` or an option cannot be encoded (detail: value, code, message).
 *
 * @csspart base - The `role="img"` box that holds the SVG.
 *
 * @cssproperty --qr-code-size - Width (and height) of the element. Default 12rem.
 */
export class QrCode extends LitElement {
  static override styles = qrCodeStyles;

  /** The text or URL to encode (UTF-8). Empty shows nothing. */
  @property({ type: String }) value = '';

  /** Error correction level: L, M, Q or H (about 7, 15, 25, 30 % of the symbol recoverable). */
  @property({ type: String }) ecl: Ecl = 'M';

  /** Quiet zone around the symbol, in modules (ISO/IEC 18004 §6.3.8 asks for 4). */
  @property({ type: Number }) margin = 4;

  /** Colour of dark modules: '#rgb', '#rgba', '#rrggbb', '#rrggbbaa' or 'transparent' (qr-core's parseColor). */
  @property({ type: String }) dark = '#000000';

  /** Colour of light modules and the quiet zone. */
  @property({ type: String }) light = '#ffffff';

  /** Accessible name of the image; defaults to the encoded value. */
  @property({ type: String }) label = '';

  @state() private rendering: Rendering = { kind: 'empty' };

  /** The symbol on display, for callers that want its version or modules. */
  get symbol(): QrSymbol | undefined {
    return this.rendering.kind === 'symbol' ? this.rendering.symbol : undefined;
  }

  /** The SVG on display as a standalone document, e.g. for a download. */
  get svg(): string | undefined {
    return this.rendering.kind === 'symbol' ? this.rendering.svg : undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const encodingChanged = changed.has('value') || changed.has('ecl');
    const drawingChanged = changed.has('margin') || changed.has('dark') || changed.has('light');
    if (!encodingChanged && !drawingChanged) return;
    if (this.value === '') {
      this.rendering = { kind: 'empty' };
      return;
    }
    try {
      // Re-encoding is the costly step: a change of colours or margin only redraws.
      const symbol =
        !encodingChanged && this.rendering.kind === 'symbol'
          ? this.rendering.symbol
          : encode(this.value, { ecl: this.ecl });
      const svg = toSVG(symbol, { margin: this.margin, dark: this.dark, light: this.light });
      this.rendering = { kind: 'symbol', symbol, svg, image: parseSvg(svg) };
    } catch (error) {
      // Only a caller's mistake is shown; a broken invariant in qr-core stays an exception.
      if (!(error instanceof QrError)) throw error;
      this.rendering = { kind: 'error', error };
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('rendering')) return;
    const rendering = this.rendering;
    if (rendering.kind === 'symbol') {
      const { ecl, version } = rendering.symbol;
      emit(this, 'qr-generated', { value: this.value, ecl, version, source: 'browser' });
    } else if (rendering.kind === 'error') {
      const { code, message } = rendering.error;
      emit(this, 'qr-error', { value: this.value, code, message });
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
