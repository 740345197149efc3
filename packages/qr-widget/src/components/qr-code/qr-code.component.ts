import { LitElement, html, nothing, type PropertyValues } from 'lit';
import {
  encodeQR,
  DEFAULT_DARK,
  DEFAULT_ECL,
  DEFAULT_LIGHT,
  FINDER_SHAPES,
  MODULE_SHAPES,
  QrError,
  type Ecl,
  type FinderShape,
  type ModuleShape,
  type QrSymbol,
  type SymbologyName,
} from 'qr-core';
import { toPlainSVG } from 'qr-core/svg-plain';
import { emit, type BrowserGeneratedDetail, type QrErrorDetail } from '../../events.js';
import { LazyModule } from '../../lazy-module.js';
import { needsSymbologies, symbologies } from '../../symbology-loader.js';
import { loadLogo, type LogoFailure, type LogoImage } from './logo-source.js';
import { qrCodeStyles } from './qr-code.styles.js';

/**
 * What a render shows: a symbol and its SVG, or the reason there is none, with the symbol when
 * the text encoded and only its drawing was refused.
 */
type Rendering =
  | { kind: 'empty' }
  | { kind: 'symbol'; symbol: QrSymbol; svg: string; image: Element }
  | { kind: 'error'; error: LogoFailure; symbol?: QrSymbol };

/** Where the `logo` attribute's image is: none asked for, on its way, here, or not to be had. */
type LogoState = { kind: 'none' } | { kind: 'loading' } | { kind: 'ready'; image: LogoImage } | { kind: 'failed'; failure: LogoFailure };

/** What a `<qr-code>` shows, with the detail of the event that reported it (none for an empty value). */
export type QrCodeResult =
  | { kind: 'empty' }
  | { kind: 'generated'; detail: BrowserGeneratedDetail }
  | { kind: 'error'; detail: QrErrorDetail };

/** The properties that change what is drawn: the symbol's inputs, then those of its drawing alone (`logo` through `logoImage`), and a lazy module's arrival. */
const INPUTS = ['value', 'ecl', 'symbology', 'gs1', 'maxHeight', 'logo', 'margin', 'dark', 'light', 'moduleShape', 'finderShape', 'finderColor', 'logoImage', 'logoSize', 'shrinkLogo', 'lazyLoad'] as const;

/** What draws styles and logos (`styled-renderer.ts`): qr-core's whole toSVG, with its maxLogoSize and QrError. */
export type StyledRenderer = typeof import('./styled-renderer.js');

/** The styled renderer, loaded the first time a style or logo is asked for; plain codes are drawn without it. */
const styled = new LazyModule<StyledRenderer>(() => import('./styled-renderer.js'), {
  code: 'NETWORK',
  message: 'The styled drawing (module-shape, finder-shape, finder-color, logo) could not be loaded: the network failed.',
});

/**
 * Hands `<qr-code>` the styled renderer, so that it never loads its own: for a bundle that holds
 * qr-core's toSVG anyway (/qr-widget.js). Call it before the first styled code is drawn.
 */
export function provideStyledRenderer(renderer: StyledRenderer): void {
  styled.provide(renderer);
}

/**
 * Shows a QR code for `value`, encoded in the browser by qr-core: no network, so it suits
 * third-party pages. The SVG scales to the element's box.
 *
 * @summary Display-only QR code.
 *
 * @fires qr-generated - A new symbol or a new drawing of it was rendered (detail: value, ecl, version, source 'browser', symbol, svg).
 * @fires qr-error - `value` or an option cannot be encoded or drawn, or the logo cannot be fetched (detail: value, code, message, and status or symbol where known).
 *
 * @csspart base - The `role="img"` box that holds the SVG.
 *
 * @cssproperty --qr-code-size - Width (and height) of the element. Default 12rem.
 */
export class QrCode extends LitElement {
  static override styles = qrCodeStyles;

  /**
   * The reactive properties, declared here rather than with decorators: Lit's property decorator
   * module is 0.8 KB minified of /qr-code.js. Attributes are the properties' names in lower case
   * unless named.
   */
  static override properties = {
    value: {},
    ecl: {},
    symbology: {},
    gs1: { type: Boolean },
    maxHeight: { type: Number, attribute: 'max-height' },
    margin: { type: Number },
    dark: {},
    light: {},
    moduleShape: { attribute: 'module-shape' },
    finderShape: { attribute: 'finder-shape' },
    finderColor: { attribute: 'finder-color' },
    logo: {},
    logoSize: { type: Number, attribute: 'logo-size' },
    shrinkLogo: { attribute: false },
    label: {},
    rendering: { state: true },
    logoImage: { state: true },
    lazyLoad: { state: true },
  };

  /** The text or URL to encode (UTF-8). Empty shows nothing. */
  value = '';

  /** Error correction level: L, M, Q or H (about 7, 15, 25, 30 % of the symbol recoverable). */
  ecl: Ecl = DEFAULT_ECL;

  /**
   * Which member of the QR family: 'qr' (QR Code, the default), 'micro' (Micro QR, M1–M4) or 'rmqr'
   * (rectangular Micro QR), qr-core's SYMBOLOGIES. Micro QR has ECL L, M and Q; rMQR M and H.
   */
  symbology: SymbologyName = 'qr';

  /**
   * The value is a GS1 element string, `(01)09506000134352(17)201225(10)ABC1` (application identifiers in
   * brackets, each followed by its value), encoded with FNC1 in first position: QR and rMQR only.
   */
  gs1 = false;

  /** rMQR only: the most modules down (7 to 17); absent, the smallest symbol that holds the value. */
  maxHeight: number | null | undefined = undefined;

  /**
   * Quiet zone around the symbol, in modules; absent, qr-core's default for the symbology: 4 for QR
   * (ISO/IEC 18004 §6.3.8), 2 for Micro QR and rMQR.
   */
  margin: number | null | undefined = undefined;

  /** Colour of dark modules: '#rgb', '#rgba', '#rrggbb', '#rrggbbaa' or 'transparent' (qr-core's parseColor). */
  dark = DEFAULT_DARK;

  /** Colour of light modules and the quiet zone. */
  light = DEFAULT_LIGHT;

  /** Shape of the dark modules outside the finder patterns: qr-core's MODULE_SHAPES, 'square', 'rounded' or 'dots'. */
  moduleShape: ModuleShape = MODULE_SHAPES[0];

  /** Shape of the three finder patterns: qr-core's FINDER_SHAPES, 'square', 'rounded' or 'circle'. */
  finderShape: FinderShape = FINDER_SHAPES[0];

  /** Colour of the finder patterns, in the forms `dark` takes; '' (the default) paints them in `dark`. */
  finderColor = '';

  /**
   * URL of an image (PNG, JPEG, WebP or SVG, qr-core's LOGO_TYPES) for the centre, fetched and
   * embedded in the SVG; '' (the default) for none. As a property, also the file's bytes.
   */
  logo: string | Uint8Array = '';

  /** The logo's side as a fraction of the symbol's; absent, qr-core's default (the smaller of 0.25 and maxLogoSize). */
  logoSize: number | null | undefined = undefined;

  /**
   * Draw a logo larger than the symbol can lose at qr-core's maxLogoSize instead of refusing it
   * (property only): for `<qr-widget>`, whose size control follows the text while the size asked for stays.
   */
  shrinkLogo = false;

  /** Accessible name of the image; defaults to the encoded value. */
  label = '';

  private rendering: Rendering = { kind: 'empty' };
  private logoImage: LogoState = { kind: 'none' };
  /** The load of a lazy module this element waits for (the styled renderer, the symbologies): on its way, or failed. */
  private lazyLoad: { module: object; state: 'loading' | 'failed' } | undefined;

  /** The last symbol made, reused while its inputs (`value`, `ecl`, `symbology`, `gs1`, `maxHeight`) stay: encoding is the costly step. */
  private encoded: { key: string; symbol: QrSymbol } | undefined;
  /** The fetch of the logo on its way, aborted when `logo` changes again. */
  private logoFetch: { abort: AbortController; done: Promise<void> } | undefined;
  /** The lazy module's load that this element waits for (updateComplete waits for it too). */
  private lazyLoading: Promise<void> | undefined;

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
    // A logo on its way is part of the changes made so far; it may have been changed again meanwhile.
    while (this.logoFetch) {
      await this.logoFetch.done;
      await this.updateComplete;
    }
    return this.report();
  }

  /** Complete once the lazy modules that the changes made so far need are here, and drawn with. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.lazyLoading) {
      await this.lazyLoading;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('logo')) this.fetchLogo();
    if (!INPUTS.some((name) => changed.has(name))) return;
    const logo = this.logoImage;
    // Until the logo is here, the display stays as it was: one qr-generated, with the logo.
    if (logo.kind === 'loading') return;
    if (this.value === '') {
      this.rendering = { kind: 'empty' };
      return;
    }
    let symbol: QrSymbol | undefined;
    try {
      symbol = this.encodeValue(changed);
      if (symbol === undefined) return;
      if (logo.kind === 'failed') {
        this.rendering = { kind: 'error', error: logo.failure, symbol };
        return;
      }
      const { dark, light, moduleShape, finderShape } = this;
      // An absent attribute reads as null: qr-core's default quiet zone for the symbology.
      const margin = this.margin ?? undefined;
      // An absent attribute reads as null, and '' follows the dark colour: both leave qr-core's default.
      const finderColor = this.finderColor || undefined;
      let svg: string;
      if (moduleShape === 'square' && finderShape === 'square' && finderColor === undefined && logo.kind === 'none') {
        svg = toPlainSVG(symbol, { margin, dark, light });
      } else {
        const renderer = this.need(styled, changed, symbol);
        if (renderer === undefined) return;
        svg = renderer.toSVG(symbol, {
          margin,
          dark,
          light,
          moduleShape,
          finderShape,
          finderColor,
          logo: logo.kind === 'ready' ? { image: logo.image, size: this.drawnLogoSize(renderer, symbol) } : undefined,
        });
      }
      this.rendering = { kind: 'symbol', symbol, svg, image: parseSvg(svg) };
    } catch (error) {
      // Only a caller's mistake is shown; a broken invariant in qr-core stays an exception.
      if (!(error instanceof QrError || isQrError(styled.value, error) || isQrError(symbologies.value, error))) throw error;
      this.rendering = { kind: 'error', error: { code: error.code, message: error.message }, symbol };
    }
  }

  /**
   * The symbol for the inputs: qr-core's encodeQR for a QR code, its whole encode (the symbologies
   * module) for Micro QR, rMQR and GS1; undefined while that module is on its way or failed (see {@link need}).
   */
  private encodeValue(changed: PropertyValues): QrSymbol | undefined {
    const { value, ecl, gs1 } = this;
    // Absent attributes read as null: qr-core's defaults (QR Code, the smallest rMQR symbol).
    const symbology = this.symbology ?? undefined;
    const maxHeight = this.maxHeight ?? undefined;
    const key = JSON.stringify([value, ecl, symbology, gs1, maxHeight]);
    if (this.encoded?.key === key) return this.encoded.symbol;
    const options = { ecl, symbology, gs1, maxHeight };
    let encode = encodeQR;
    if (needsSymbologies(symbology, gs1)) {
      const module = this.need(symbologies, changed);
      if (module === undefined) return undefined;
      encode = module.encode;
    }
    this.encoded = { key, symbol: encode(value, options) };
    return this.encoded.symbol;
  }

  /**
   * `module` if it is here. Otherwise the display stays as it was until it is (one qr-generated),
   * and the load starts, or, when the load has just failed, the display says so (with `symbol`,
   * when there is one); the next change tries again.
   */
  private need<T>(module: LazyModule<T>, changed: PropertyValues, symbol?: QrSymbol): T | undefined {
    if (module.value !== undefined) return module.value;
    const load = this.lazyLoad;
    if (load?.module === module && load.state === 'failed' && changed.has('lazyLoad')) {
      this.rendering = { kind: 'error', error: module.failure, symbol };
    } else if (!this.lazyLoading) {
      this.lazyLoad = { module, state: 'loading' };
      this.lazyLoading = module.get().then((loaded) => {
        this.lazyLoading = undefined;
        this.lazyLoad = loaded ? undefined : { module, state: 'failed' };
      });
    }
    return undefined;
  }

  /** The logo size to ask qr-core for: `logoSize` (null, the absent attribute, for its default), shrunk to fit if asked to. */
  private drawnLogoSize(renderer: StyledRenderer, symbol: QrSymbol): number | undefined {
    const size = this.logoSize ?? undefined;
    if (!this.shrinkLogo || size === undefined) return size;
    const largest = renderer.maxLogoSize(symbol);
    // Where no logo fits at all, the size asked for goes on, for qr-core to say so (LOGO_TOO_LARGE).
    return largest > 0 ? Math.min(size, largest) : size;
  }

  /** Starts getting the `logo` attribute's image, after aborting the one on its way; a new state redraws. */
  private fetchLogo(): void {
    this.logoFetch?.abort.abort();
    this.logoFetch = undefined;
    const url = this.logo;
    if (!url) {
      this.logoImage = { kind: 'none' };
      return;
    }
    // Bytes and a data: URL are the image itself: qr-core takes them as they are, at once, without
    // a fetch (which a page's Content-Security-Policy, connect-src, could refuse).
    if (typeof url !== 'string' || /^data:/i.test(url)) {
      this.logoImage = { kind: 'ready', image: url };
      return;
    }
    const abort = new AbortController();
    this.logoImage = { kind: 'loading' };
    const done = loadLogo(url, abort.signal).then((load) => {
      if (abort.signal.aborted) return;
      this.logoFetch = undefined;
      this.logoImage = 'image' in load ? { kind: 'ready', image: load.image } : { kind: 'failed', failure: load.failure };
    });
    this.logoFetch = { abort, done };
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
      case 'error': {
        const detail: QrErrorDetail = { value, ...rendering.error };
        if (rendering.symbol) detail.symbol = rendering.symbol;
        return { kind: 'error', detail };
      }
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

/** Whether `error` is the QrError of a lazy module's own qr-core (it has one of its own), when the module is here. */
function isQrError(module: { QrError: typeof QrError } | undefined, error: unknown): error is QrError {
  return module !== undefined && error instanceof module.QrError;
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
