import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Ecl } from 'qr-core';
import type { QrCode } from '../qr-code/qr-code.component.js';
import { emit, type QrErrorDetail, type QrGeneratedDetail } from '../../events.js';
import { canvasToPng, drawSvg } from '../../raster.js';
import { contrastWarning } from '../../symbol-contrast.js';
import { ServiceError, imageLink, requestImage, type ImageRequest } from '../../qr-service.js';
import { warmUpEncoder } from '../../warm-up.js';
import { qrWidgetStyles } from './qr-widget.styles.js';

/** What the status line says; `kind` picks its style and whether it is an error. */
type Status = { kind: 'idle' | 'busy' | 'done' | 'error' | 'offline'; message: string };

/** A PNG the service made, and the request it answers (so that an edit shows the preview again). */
interface ServiceImage {
  request: string;
  png: Blob;
  url: string;
}

/** Names of the User Timing entries around the live preview, for DevTools and the tests. */
export const PREVIEW_TIMING = Object.freeze({
  debounceFired: 'qr-widget:debounce-fired',
  shown: 'qr-widget:preview-shown',
});

const ECL_CHOICES = [
  ['L', 'L — 7 % recoverable'],
  ['M', 'M — 15 % recoverable'],
  ['Q', 'Q — 25 % recoverable'],
  ['H', 'H — 30 % recoverable'],
] as const;

const EMPTY_MESSAGE = 'Type a URL or some text to make a QR code.';
const SCALE_MESSAGE = 'Pixels per module must be a whole number from 1 to 40.';

/**
 * The QR generator: a text field, options, a live preview encoded in the browser, and a
 * Generate button that asks the QR service when `backend-url` is set. Without `backend-url`,
 * or when the service cannot be reached, everything happens in the browser.
 *
 * @summary QR code generator.
 *
 * @dependency qr-code
 *
 * @fires qr-generated - A QR code was made: by the live preview (source 'browser') or by the service after Generate (source 'server', with the PNG).
 * @fires qr-error - The text does not fit, the service refused it (the problem's detail as `message`), or the service could not be reached.
 *
 * @csspart base - The layout grid around form and preview.
 * @csspart form - The form.
 * @csspart input - The text field.
 * @csspart options - The fieldset of options.
 * @csspart generate-button - The Generate button.
 * @csspart preview - The figure showing the code.
 * @csspart image - The service's PNG, once generated.
 * @csspart actions - The row of download and copy buttons.
 * @csspart action-button - Each download and copy button.
 * @csspart status - The live status line.
 * @csspart contrast-warning - Says when the chosen colours may not scan.
 *
 * @cssproperty --qr-widget-background - Background. Default white (dark scheme: #14171c).
 * @cssproperty --qr-widget-foreground - Text colour.
 * @cssproperty --qr-widget-muted - Secondary text colour.
 * @cssproperty --qr-widget-border - Borders of fields.
 * @cssproperty --qr-widget-accent - Generate button, button borders and focus ring.
 * @cssproperty --qr-widget-accent-foreground - Text on the accent colour.
 * @cssproperty --qr-widget-error - Colour of error messages.
 * @cssproperty --qr-widget-radius - Corner radius.
 * @cssproperty --qr-widget-font - Font family.
 * @cssproperty --qr-widget-preview-size - Width of the preview. Default min(18rem, 100%).
 */
export class QrWidget extends LitElement {
  static override styles = qrWidgetStyles;

  /**
   * Base URL of the QR service; '' means this page's origin. Without the attribute, codes are
   * made in the browser only.
   */
  @property({ attribute: 'backend-url' }) backendUrl: string | null | undefined = undefined;

  /** The text to encode; follows the text field. */
  @property({ type: String }) value = '';

  /** Error correction level. */
  @property({ type: String }) ecl: Ecl = 'M';

  /** Pixels per module of the PNG. */
  @property({ type: Number }) scale = 10;

  /** Quiet zone in modules. */
  @property({ type: Number }) margin = 4;

  /** Colour of dark modules. */
  @property({ type: String }) dark = '#000000';

  /** Colour of light modules. */
  @property({ type: String }) light = '#ffffff';

  /** Milliseconds of typing pause before the preview follows; 0 follows every keystroke. */
  @property({ type: Number }) debounce = 150;

  /** The text the preview shows: `value` once typing pauses. */
  @state() private previewValue = '';
  @state() private status: Status = { kind: 'idle', message: EMPTY_MESSAGE };
  @state() private serviceImage: ServiceImage | undefined = undefined;
  /** What the preview last rendered; undefined while it shows nothing or an error. */
  @state() private previewResult: QrGeneratedDetail | undefined = undefined;
  @state() private online = navigator.onLine;

  @query('qr-code') private preview!: QrCode;
  @query('textarea') private textField!: HTMLTextAreaElement;

  /** The service's base URL, or undefined for browser-only (a removed attribute reads as null). */
  private get service(): string | undefined {
    return this.backendUrl ?? undefined;
  }

  /** Why the preview shows no code, in words (qr-core's message). */
  private previewProblem = '';
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.onConnectivity);
    window.addEventListener('offline', this.onConnectivity);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onConnectivity);
    window.removeEventListener('offline', this.onConnectivity);
    clearTimeout(this.debounceTimer);
    this.inFlight?.abort();
    this.forgetServiceImage();
  }

  protected override firstUpdated(): void {
    warmUpEncoder();
  }

  /** Makes the code now: asks the service when `backend-url` is set, else shows the browser's. */
  async generate(): Promise<void> {
    this.showValueNow();
    if (this.value === '') {
      this.status = { kind: 'error', message: EMPTY_MESSAGE };
      this.textField.focus();
      return;
    }
    await this.updateComplete;
    await this.preview.updateComplete;
    if (this.service === undefined) {
      // Without a symbol, the preview has already said why the text cannot be encoded.
      if (this.previewResult !== undefined) this.status = { kind: 'done', message: 'QR code ready, made in your browser.' };
      return;
    }
    if (!this.online) {
      this.status = offlineStatus();
      return;
    }
    // The preview now shows this text; the service runs the same deterministic encoder.
    await this.askService(this.service, this.imageRequest(), this.previewResult?.version);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('value')) return;
    if (!this.hasUpdated || this.debounce <= 0) this.previewValue = this.value;
    else this.schedulePreview();
  }

  private schedulePreview(): void {
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      performance.mark(PREVIEW_TIMING.debounceFired);
      this.previewValue = this.value;
    }, this.debounce);
  }

  private showValueNow(): void {
    clearTimeout(this.debounceTimer);
    this.previewValue = this.value;
  }

  private imageRequest(): ImageRequest {
    const { value: data, ecl, scale, margin, dark, light } = this;
    return { data, format: 'png', ecl, scale, margin, dark, light };
  }

  private async askService(base: string, request: ImageRequest, version: number | undefined): Promise<void> {
    this.inFlight?.abort();
    const inFlight = new AbortController();
    this.inFlight = inFlight;
    this.status = { kind: 'busy', message: 'Generating…' };
    try {
      const png = await requestImage(base, request, inFlight.signal);
      this.forgetServiceImage();
      this.serviceImage = { request: JSON.stringify(request), png, url: URL.createObjectURL(png) };
      this.status = { kind: 'done', message: 'QR code ready, made by the QR service.' };
      const detail: QrGeneratedDetail = { value: request.data, ecl: request.ecl, source: 'server', png };
      if (version !== undefined) detail.version = version;
      emit(this, 'qr-generated', detail);
    } catch (error) {
      if (inFlight.signal.aborted) return; // a newer request took over
      const detail = failure(request.data, error);
      this.status = this.failureStatus(detail);
      emit(this, 'qr-error', detail);
    } finally {
      if (this.inFlight === inFlight) this.inFlight = undefined;
    }
  }

  /** Words for a failed request; when the service is unreachable, what the browser made instead. */
  private failureStatus(detail: QrErrorDetail): Status {
    if (detail.code !== 'NETWORK') return { kind: 'error', message: detail.message };
    if (this.previewResult !== undefined) return { kind: 'offline', message: `${detail.message} This code was made in your browser instead.` };
    return { kind: 'error', message: `${detail.message} Your browser could not make the code either: ${this.previewProblem}` };
  }

  private forgetServiceImage(): void {
    if (this.serviceImage) URL.revokeObjectURL(this.serviceImage.url);
    this.serviceImage = undefined;
  }

  /** The service's PNG when it answers the current options, or undefined. */
  private currentServiceImage(): ServiceImage | undefined {
    const image = this.serviceImage;
    return image && image.request === JSON.stringify(this.imageRequest()) ? image : undefined;
  }

  /** The PNG for the current options: the service's when there is one, otherwise drawn here. */
  private async png(): Promise<Blob> {
    if (this.service !== undefined && this.online && !this.currentServiceImage()) await this.generate();
    const fromService = this.currentServiceImage();
    if (fromService) return fromService.png;
    const svg = this.preview.svg;
    const symbol = this.preview.symbol;
    if (svg === undefined || symbol === undefined) throw new Error('There is no QR code to save yet.');
    return canvasToPng(await drawSvg(svg, (symbol.size + 2 * this.margin) * this.scale));
  }

  private async downloadPng(): Promise<void> {
    await this.act(async () => save(await this.png(), 'qr-code.png'), 'PNG saved.');
  }

  private async downloadSvg(): Promise<void> {
    await this.act(async () => {
      const svg = this.preview.svg;
      if (svg === undefined) throw new Error('There is no QR code to save yet.');
      save(new Blob([svg], { type: 'image/svg+xml' }), 'qr-code.svg');
    }, 'SVG saved.');
  }

  private async copyImage(): Promise<void> {
    // Chrome keeps the click's user activation for a ClipboardItem that holds a promise.
    await this.act(() => navigator.clipboard.write([new ClipboardItem({ 'image/png': this.png() })]), 'Image copied.');
  }

  private async copyLink(): Promise<void> {
    const base = this.service ?? '';
    await this.act(() => navigator.clipboard.writeText(imageLink(base, this.imageRequest())), 'Link to the image copied.');
  }

  /** Runs a download or copy and reports how it went on the status line. */
  private async act(action: () => Promise<void>, doneMessage: string): Promise<void> {
    try {
      await action();
      if (this.status.kind !== 'error') this.status = { kind: 'done', message: doneMessage };
    } catch (error) {
      this.status = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  private readonly onConnectivity = (): void => {
    this.online = navigator.onLine;
    if (this.service === undefined) return;
    this.status = this.online ? { kind: 'idle', message: 'Back online.' } : offlineStatus();
  };

  private onPreviewGenerated(event: CustomEvent<QrGeneratedDetail>): void {
    this.previewResult = event.detail;
    if (performance.getEntriesByName(PREVIEW_TIMING.debounceFired, 'mark').length > 0) {
      performance.measure(PREVIEW_TIMING.shown, PREVIEW_TIMING.debounceFired);
      performance.clearMarks(PREVIEW_TIMING.debounceFired);
    }
    if (this.status.kind === 'error' || this.status.message === EMPTY_MESSAGE) this.status = { kind: 'idle', message: '' };
  }

  private onPreviewError(event: CustomEvent<QrErrorDetail>): void {
    this.previewResult = undefined;
    this.previewProblem = event.detail.message;
    this.status = { kind: 'error', message: event.detail.message };
  }

  private onInput(event: Event): void {
    this.value = (event.target as HTMLTextAreaElement).value;
  }

  private onOption(event: Event): void {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    switch (field.name) {
      case 'ecl':
        this.ecl = field.value as Ecl;
        break;
      case 'scale':
        // The field's min and max say what fits; out of range keeps the last good value.
        if (field.checkValidity() && field.value !== '') {
          this.scale = Number(field.value);
          if (this.status.message === SCALE_MESSAGE) this.status = { kind: 'idle', message: '' };
        } else {
          this.status = { kind: 'error', message: SCALE_MESSAGE };
        }
        break;
      case 'dark':
        this.dark = field.value;
        break;
      case 'light':
        this.light = field.value;
        break;
    }
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.generate();
  }

  /**
   * Enter in the text field generates, as in a one-line field, since most people type a URL;
   * Shift+Enter starts a new line for text that needs one. (An IME's Enter confirms a composition.)
   */
  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.generate();
    }
  }

  protected override render() {
    const serviceImage = this.currentServiceImage();
    const empty = this.previewValue === '';
    const ready = !empty && this.previewResult !== undefined;
    const busy = this.status.kind === 'busy';
    return html`
      <div part="base">
        <form part="form" @submit=${this.onSubmit} @change=${this.onOption}>
          <div class="field">
            <label for="data">URL or text</label>
            <textarea
              id="data"
              part="input"
              rows="3"
              spellcheck="false"
              autocomplete="off"
              aria-describedby="data-hint"
              .value=${this.value}
              @input=${this.onInput}
              @keydown=${this.onKeydown}
            ></textarea>
            <span id="data-hint" class="hint">The preview follows as you type. Enter generates; Shift+Enter starts a new line.</span>
          </div>
          <fieldset part="options">
            <legend>Options</legend>
            <div class="field">
              <label for="ecl">Error correction</label>
              <select id="ecl" name="ecl" .value=${this.ecl}>
                ${ECL_CHOICES.map(([level, text]) => html`<option value=${level} ?selected=${level === this.ecl}>${text}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="scale">PNG pixels per module</label>
              <input id="scale" name="scale" type="number" min="1" max="40" .value=${String(this.scale)} />
            </div>
            <div class="field">
              <label for="dark">Dark colour</label>
              <input id="dark" name="dark" type="color" .value=${this.dark} aria-describedby="contrast-warning" />
            </div>
            <div class="field">
              <label for="light">Light colour</label>
              <input id="light" name="light" type="color" .value=${this.light} aria-describedby="contrast-warning" />
            </div>
            <p id="contrast-warning" part="contrast-warning" class="warning">${contrastWarning(this.dark, this.light) ?? ''}</p>
          </fieldset>
          <button type="submit" part="generate-button" ?disabled=${busy} aria-describedby="status">Generate</button>
        </form>
        <div class="result">
          <figure part="preview" aria-busy=${busy ? 'true' : 'false'}>
            ${empty ? html`<div class="placeholder">Your QR code appears here.</div>` : nothing}
            <qr-code
              ?hidden=${empty || serviceImage !== undefined}
              value=${this.previewValue}
              ecl=${this.ecl}
              margin=${this.margin}
              dark=${this.dark}
              light=${this.light}
              label=${`QR code for ${this.previewValue}`}
              @qr-generated=${this.onPreviewGenerated}
              @qr-error=${this.onPreviewError}
            ></qr-code>
            ${serviceImage
              ? html`<img part="image" src=${serviceImage.url} alt=${`QR code for ${this.value}`} />`
              : nothing}
            <figcaption>${this.caption(serviceImage !== undefined)}</figcaption>
          </figure>
          <div part="actions">
            <button part="action-button" type="button" ?disabled=${!ready} @click=${this.downloadPng}>Download PNG</button>
            <button part="action-button" type="button" ?disabled=${!ready} @click=${this.downloadSvg}>Download SVG</button>
            <button part="action-button" type="button" ?disabled=${!ready} @click=${this.copyImage}>Copy image</button>
            ${this.service === undefined
              ? nothing
              : html`<button part="action-button" type="button" ?disabled=${!ready} @click=${this.copyLink}>Copy link</button>`}
          </div>
          <p id="status" part="status" role="status" aria-live="polite" data-kind=${this.status.kind}>${this.status.message}</p>
        </div>
      </div>
    `;
  }

  private caption(fromService: boolean): string {
    const result = this.previewResult;
    if (result?.version === undefined || this.previewValue === '') return '';
    const made = fromService ? 'Made by the QR service' : 'Preview made in your browser';
    const size = 4 * result.version + 17; // ISO/IEC 18004 §5.3.1: modules per side
    return `${made} · version ${result.version} · ECL ${result.ecl} · ${size}×${size} modules`;
  }
}

function offlineStatus(): Status {
  return { kind: 'offline', message: 'You are offline: QR codes are made in your browser.' };
}

/** Turns a failed request into the event detail and the words to show. */
function failure(value: string, error: unknown): QrErrorDetail {
  if (error instanceof ServiceError) return { value, code: 'HTTP', status: error.status, message: error.message };
  return { value, code: 'NETWORK', message: 'The QR service cannot be reached.' };
}

/** Offers a blob as a download through a temporary link. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // The download has started from the URL by the next task; the link is never in the document.
  setTimeout(() => URL.revokeObjectURL(url));
}
