import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  DEFAULT_DARK,
  DEFAULT_ECL,
  DEFAULT_LIGHT,
  DEFAULT_LOGO_SIZE,
  DEFAULT_SCALE,
  FINDER_SHAPES,
  MODULE_SHAPES,
  type Ecl,
  type FinderShape,
  type ModuleShape,
  type SymbologyName,
} from 'qr-core';
import { isContentType, payloadFieldId, type ContentType, type FormType } from '../../content-types.js';
import { DebouncedValue } from '../../controllers/debounced-value.js';
import { LogoController } from '../../controllers/logo-controller.js';
import { ServiceController } from '../../controllers/service-controller.js';
import { needsSymbologies, symbologies } from '../../symbology-loader.js';
import { pngFile } from '../../downloads.js';
import { emit, isBrowserGenerated, type QrGeneratedDetail } from '../../events.js';
import { LogoRefusal } from '../../logo-file.js';
import type { PayloadForms, Reading } from '../../payloads/payload-forms.js';
import { imageLink, pngRequest, serviceDrawsLogo, type ImageRequest } from '../../qr-service.js';
import { warmUpEncoder } from '../../warm-up.js';
import type { QrCode, QrCodeResult } from '../qr-code/qr-code.component.js';
import { renderActions, type ActionSource, type WidgetAction } from './actions.js';
import { renderContentPicker, type ContentPickerListeners } from './content-picker.js';
import type { LogoListeners } from './options/logo.js';
import { LOGO_INPUT_ID } from './options/logo-picker.js';
import { fitLogo, type LogoFit } from './options/logo-size.js';
import { drawnStyle } from './options/style.js';
import { readOption, renderOptions, renderStyle, type EclSwitch, type StyleOptions, type SymbolOptions, type WidgetOptions } from './options/options.js';
import { closestEcl, eclsOf, symbologyOf, SYMBOLOGY_NAMES, takesGs1 } from './options/symbology.js';
import { renderPreview, type PreviewListeners } from './preview-figure.js';
import { qrWidgetStyles } from './qr-widget.styles.js';
import { failureStatus, isProblem, renderStatus, type Status } from './status.js';
import { renderTextField, type TextFieldListeners } from './text-field.js';

/** Names of the User Timing entries around the live preview, for DevTools and the tests. */
export const PREVIEW_TIMING = Object.freeze({
  debounceFired: 'qr-widget:debounce-fired',
  shown: 'qr-widget:preview-shown',
});

/** The properties an image request is made of: when one changes, the service's image is stale. */
const REQUEST_INPUTS = ['backendUrl', 'contentType', 'value', 'symbology', 'gs1', 'maxHeight', 'ecl', 'scale', 'margin', 'dark', 'light', 'moduleShape', 'finderShape', 'finderColor', 'logoSize'] as const;

/**
 * The QR generator: a text field, options, a live preview encoded in the browser, and a
 * Generate button that asks the QR service when `backend-url` is set. Without `backend-url`,
 * or when the service cannot be reached, everything happens in the browser.
 *
 * @summary QR code generator.
 *
 * @dependency qr-code
 *
 * @fires qr-generated - A QR code was made: by the live preview (source 'browser', with the symbol and its SVG) or by the service after Generate (source 'server', with the PNG).
 * @fires qr-error - The text does not fit, the service refused it (the problem's detail as `message`), or the service could not be reached.
 *
 * @csspart base - The layout grid around form and preview.
 * @csspart form - The form.
 * @csspart content-type - The content-type picker (Text or URL, Wi-Fi, Contact, …).
 * @csspart input - The text field.
 * @csspart payload - The form of the content type chosen, when it is not text.
 * @csspart options - The fieldset of options.
 * @csspart generate-button - The Generate button.
 * @csspart preview - The figure showing the code.
 * @csspart image - The service's PNG, once generated.
 * @csspart actions - The row of download and copy buttons.
 * @csspart action-button - Each download and copy button.
 * @csspart status - The live status line.
 * @csspart contrast-warning - Says when the chosen colours may not scan.
 * @csspart style - The Style fieldset (module shape, finder shape, finder colour, logo), under the preview.
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
export class QrWidget extends LitElement implements WidgetOptions, StyleOptions, SymbolOptions {
  static override styles = qrWidgetStyles;

  /**
   * Base URL of the QR service; '' means this page's origin. Without the attribute, codes are
   * made in the browser only.
   */
  @property({ attribute: 'backend-url' }) backendUrl: string | null | undefined = undefined;

  /**
   * What the code holds: `'text'` (the text field) or one of qr-core's payload types, each with
   * its form (`wifi`, `vcard`, `email`, `sms`, `tel`, `geo`, `event`, `epc`); follows the picker.
   */
  @property({ type: String, attribute: 'content-type' }) contentType: ContentType = 'text';

  /** The text to encode; follows the text field, or is the text the chosen payload's form encodes to ('' while it cannot). */
  @property({ type: String, attribute: 'value' }) value = '';

  /** Which member of the QR family: 'qr' (QR Code), 'micro' (Micro QR) or 'rmqr' (rectangular Micro QR); follows the Symbol field. */
  @property({ type: String, attribute: 'symbology' }) symbology: SymbologyName = 'qr';

  /** The text is a GS1 element string, `(01)09506000134352(10)ABC1` (QR and rMQR); follows the GS1 toggle. */
  @property({ type: Boolean, attribute: 'gs1' }) gs1 = false;

  /** rMQR only: the most modules down (7 to 17); undefined for the smallest symbol. Follows the Max height field. */
  @property({ type: Number, attribute: 'max-height' }) maxHeight: number | undefined = undefined;

  /** Error correction level: one the symbology has (choosing a symbology moves it to the closest, with a note). */
  @property({ type: String, attribute: 'ecl' }) ecl: Ecl = DEFAULT_ECL;

  /** Pixels per module of the PNG, 1 to qr-core's MAX_SCALE. */
  @property({ type: Number, attribute: 'scale' }) scale = DEFAULT_SCALE;

  /** Quiet zone in modules; undefined for qr-core's default for the symbology (4 for QR, 2 for Micro QR and rMQR). */
  @property({ type: Number, attribute: 'margin' }) margin: number | undefined = undefined;

  /** Colour of dark modules. */
  @property({ type: String, attribute: 'dark' }) dark = DEFAULT_DARK;

  /** Colour of light modules. */
  @property({ type: String, attribute: 'light' }) light = DEFAULT_LIGHT;

  /** Shape of the modules outside the finder patterns: one of qr-core's MODULE_SHAPES. */
  @property({ type: String, attribute: 'module-shape' }) moduleShape: ModuleShape = MODULE_SHAPES[0];

  /** Shape of the finder patterns: one of qr-core's FINDER_SHAPES. */
  @property({ type: String, attribute: 'finder-shape' }) finderShape: FinderShape = FINDER_SHAPES[0];

  /** Colour of the finder patterns; '' follows the dark colour. */
  @property({ type: String, attribute: 'finder-color' }) finderColor = '';

  /**
   * The logo's side asked for, as a fraction of the code's; drawn at most at qr-core's maxLogoSize
   * for the code on display, which the size control follows.
   */
  @property({ type: Number, attribute: 'logo-size' }) logoSize = DEFAULT_LOGO_SIZE;

  /** Milliseconds of typing pause before the preview follows; 0 follows every keystroke. */
  @property({ type: Number, attribute: 'debounce' }) debounce = 150;

  @state() private status: Status = { kind: 'empty' };
  /** The ECL that the symbology chosen lacked and the closest one it moved to, while that stands. */
  @state() private eclSwitch: EclSwitch | undefined;
  /** What the preview last reported through its events. */
  @state() private preview: QrCodeResult = { kind: 'empty' };

  @query('qr-code') private previewElement!: QrCode;
  @query('textarea') private textField!: HTMLTextAreaElement;
  @query(`#${LOGO_INPUT_ID}`) private logoInput!: HTMLInputElement;

  /** The text the preview shows: `value` once typing pauses. */
  private readonly previewText = new DebouncedValue(this, '', {
    delay: () => this.debounce,
    timing: { fired: PREVIEW_TIMING.debounceFired, shown: PREVIEW_TIMING.shown },
  });

  private readonly service = new ServiceController(this, {
    base: () => this.backendUrl ?? undefined, // a removed attribute reads as null
    onConnectivity: (online) => {
      if (this.service.route !== 'local') this.status = online ? { kind: 'online' } : { kind: 'offline' };
    },
  });

  /** The logo picked in the Style fieldset; a new one makes the service's image stale. */
  private readonly logos = new LogoController(this, () => this.service.forget());

  /** The payload forms and their drafts (src/payloads/payload-forms.ts), once loaded; see {@link loadForms}. */
  private forms: PayloadForms | undefined;
  private formsLoading: Promise<void> | undefined;
  /** Why the forms could not be loaded (a release replaced their file, the network failed), if they could not. */
  private formsFailure: string | undefined;

  /** The text field's text while a payload is chosen, for when Text is chosen again. */
  private text = '';

  constructor() {
    super();
    // The Symbol field's capacity line and the Style choices of Micro QR and rMQR follow the symbologies module's arrival.
    void symbologies.arrived.then(() => this.requestUpdate());
  }

  protected override firstUpdated(): void {
    warmUpEncoder();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const switched = changed.has('contentType') && this.switchContent(changed.get('contentType'));
    if (changed.has('symbology') || changed.has('ecl')) this.fitEcl();
    // Micro QR, rMQR and GS1 are in a file of their own, loaded the first time one is chosen (the preview reports a failure).
    if (needsSymbologies(this.kind, this.gs1)) void symbologies.get();
    // A new content type shows its code (or the placeholder) at once, as the first render does.
    if (changed.has('value')) this.previewText.set(this.value, !this.hasUpdated || switched);
    if (REQUEST_INPUTS.some((name) => changed.has(name))) this.service.forget();
  }

  /**
   * Keeps the ECL one the symbology has: a level it lacks moves to the closest it has (Micro QR's Q
   * for H), with a note, and back once a symbology that has it is chosen again, unless another
   * ECL was chosen meanwhile, which stands.
   */
  private fitEcl(): void {
    const allowed = eclsOf(this.kind);
    const switched = this.eclSwitch;
    const from = switched && this.ecl === switched.to ? switched.from : undefined;
    if (from !== undefined && allowed.includes(from)) {
      this.ecl = from;
      this.eclSwitch = undefined;
    } else if (!allowed.includes(this.ecl)) {
      const to = closestEcl(this.ecl, allowed);
      this.eclSwitch = { from: from ?? this.ecl, to };
      this.ecl = to;
    } else if (from === undefined) this.eclSwitch = undefined;
  }

  /** The symbology the code is made in: the one chosen (QR for a value qr-core does not know), unless the payload's format requires QR. */
  private get kind(): SymbologyName {
    return this.symbologyLock?.symbology ?? symbologyOf(this.symbology);
  }

  /** The logo, where the symbology takes one (QR only): kept, not drawn, while Micro QR or rMQR is chosen. */
  private get logo() {
    return this.kind === 'qr' ? this.logos.logo : undefined;
  }

  /** The options images are drawn and asked for with: the style qr-core draws on the symbology chosen (square finders on Micro QR and rMQR), rMQR's height bound on rMQR only. */
  private get drawing() {
    const { scale, dark, light, finderColor, kind: symbology } = this;
    const margin = this.margin ?? undefined; // a removed attribute reads as null: the symbology's default
    const style = drawnStyle(this);
    // GS1 stays asked for while Micro QR, which has no FNC1 mode, is chosen: it is back with QR or rMQR.
    const gs1 = this.gs1 && takesGs1(symbology);
    return { symbology, gs1, maxHeight: symbology === 'rmqr' ? (this.maxHeight ?? undefined) : undefined, ecl: this.codeEcl, scale, margin, dark, light, finderColor, ...style };
  }

  /** The payload type chosen, or undefined for text (an unknown `content-type` counts as text). */
  private get form(): FormType | undefined {
    const type = this.contentType;
    return type !== 'text' && isContentType(type) ? type : undefined;
  }

  /** What the chosen payload's form means, once the forms are loaded; undefined for text. */
  private get reading(): Reading | undefined {
    const form = this.form;
    return form && this.forms?.reading(form);
  }

  /** The ECL the chosen payload's format requires, and why (a SEPA payment's M). */
  private get eclLock() {
    const form = this.form;
    return form && this.forms?.requiredEcl(form);
  }

  /** The symbology the chosen payload's format requires, and why (a SEPA payment's QR code). */
  private get symbologyLock() {
    const form = this.form;
    return form && this.forms?.requiredSymbology(form);
  }

  /** The ECL the code is made with: the one chosen, unless the payload's format requires another. */
  private get codeEcl(): Ecl {
    return this.eclLock?.ecl ?? this.ecl;
  }

  /**
   * Loads the payload forms, once: a file of their own (scripts/build.mjs), fetched when a payload
   * is first chosen or the picker is reached. A failed load is tried again at the next choice.
   */
  private loadForms(): Promise<void> {
    return (this.formsLoading ??= import('../../payloads/payload-forms.js').then(
      ({ createPayloadForms }) => {
        this.formsFailure = undefined;
        this.forms = createPayloadForms({ html, nothing }, () => this.payloadChanged());
        this.payloadChanged();
      },
      (error: unknown) => {
        this.formsLoading = undefined;
        this.formsFailure = `The form could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
        this.payloadChanged();
      },
    ));
  }

  /**
   * Goes from the content type `previous` to the one now chosen: the text field's text is kept
   * aside while a payload is chosen, and `value` becomes what the new type's form encodes to.
   * True when the type changed.
   */
  private switchContent(previous: unknown): boolean {
    const before = isContentType(previous) ? previous : 'text';
    const form = this.form;
    if (before === (form ?? 'text')) return false;
    if (before === 'text') this.text = this.value;
    this.status = { kind: 'clear' };
    if (form === undefined) this.value = this.text;
    else {
      void this.loadForms();
      this.payloadChanged();
    }
    if (this.value === '' && this.status.kind === 'clear') this.status = { kind: 'empty', form: form !== undefined };
    return true;
  }

  /**
   * The chosen payload's form changed, or the forms arrived: `value` follows (what the form
   * encodes to, or '' while it cannot), and the status line says the problem shown next to its
   * field, following it as the field is typed, until it is gone.
   */
  private payloadChanged(): void {
    this.requestUpdate();
    const form = this.form;
    if (form === undefined) return;
    const forms = this.forms;
    if (forms === undefined) {
      this.value = '';
      if (this.formsFailure !== undefined) this.status = { kind: 'error', message: this.formsFailure };
      return;
    }
    const reading = forms.reading(form);
    this.value = reading.ok ? reading.text : '';
    const problem = forms.problem(form);
    if (problem !== undefined) this.status = { kind: 'invalid', option: 'payload', problem: problem.message };
    else if (this.status.kind === 'invalid' && this.status.option === 'payload') this.status = reading.ok ? { kind: 'clear' } : { kind: 'empty', form: true };
  }

  /**
   * Makes the code now: asks the service when `backend-url` is set, else shows the browser's.
   * With a payload's form, says what is wrong with it first, and moves focus there.
   */
  async generate(): Promise<void> {
    const form = this.form;
    if (form !== undefined) {
      await this.loadForms();
      const forms = this.forms;
      if (forms === undefined) return; // the status line says why
      forms.reveal(form);
      const problem = forms.problem(form);
      if (problem !== undefined) {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`#${payloadFieldId(problem.field ?? '')}`)?.focus();
        return;
      }
    }
    if (this.value === '') {
      this.previewText.flush();
      this.status = { kind: 'no-text' };
      this.textField.focus();
      return;
    }
    const preview = await this.previewNow();
    const route = this.service.route;
    // The preview now shows this text; the service runs the same deterministic encoder.
    if (this.madeByService) return this.askService(this.imageRequest(), preview);
    if (route === 'offline') this.status = { kind: 'offline' };
    // Without a symbol, the preview has already said why the text cannot be encoded.
    else if (preview.kind === 'generated') this.status = { kind: 'ready', source: 'browser', logoFormat: route === 'service' };
  }

  /** Whether the service makes the code: with a backend-url, online, and without a logo it cannot put in a PNG. */
  private get madeByService(): boolean {
    return this.service.route === 'service' && serviceDrawsLogo(this.logo);
  }

  /** How the logo fits the code the preview made (or made and could not draw), when there is one. */
  private get logoFit(): LogoFit | undefined {
    const preview = this.preview;
    return fitLogo(preview.kind === 'empty' ? undefined : preview.detail.symbol, this.askedLogoSize);
  }

  /** `logoSize` where it is a size qr-core takes, above 0 and at most 1; otherwise (an attribute such as "big") the default. */
  private get askedLogoSize(): number {
    const size = this.logoSize;
    return size > 0 && size <= 1 ? size : DEFAULT_LOGO_SIZE;
  }

  private async askService(request: ImageRequest, preview: QrCodeResult): Promise<void> {
    this.status = { kind: 'clear' }; // the line says "Generating…" while the service is busy
    const outcome = await this.service.request(request);
    if (outcome.kind === 'image') {
      this.status = { kind: 'ready', source: 'server' };
      const detail: QrGeneratedDetail = { value: request.data, ecl: request.ecl, source: 'server', png: outcome.image.png };
      if (preview.kind === 'generated') detail.version = preview.detail.version;
      emit(this, 'qr-generated', detail);
    } else if (outcome.kind === 'failed') {
      this.status = failureStatus(outcome.detail, preview);
      emit(this, 'qr-error', outcome.detail);
    }
  }

  /** What the preview shows for the text as it is now, without waiting for the typing pause. */
  private async previewNow(): Promise<QrCodeResult> {
    this.previewText.flush();
    await this.updateComplete;
    return this.previewElement.result();
  }

  private imageRequest(): ImageRequest {
    const logo = this.logo;
    const request = pngRequest(this.value, this.drawing, logo && { dataUrl: logo.dataUrl, size: this.logoFit?.size ?? this.askedLogoSize });
    const reading = this.reading;
    if (reading?.ok) request.payload = reading.payload;
    return request;
  }

  /** Why there is no link to the code on display, when the payload holds a secret. */
  private get noLink(): string | undefined {
    const reading = this.reading;
    return reading?.ok ? reading.noLink : undefined;
  }

  /** What the buttons save or copy, made when one is clicked. */
  private readonly actionSource: ActionSource = {
    code: async () => {
      const preview = await this.previewNow();
      if (preview.kind !== 'generated') throw new Error('There is no QR code to save yet.');
      return preview.detail;
    },
    // The service's PNG when it has made or can make one, otherwise drawn here.
    png: async () => {
      if (this.madeByService && this.service.image === undefined) await this.generate();
      const image = this.service.image?.png;
      if (image) return image;
      const code = await this.actionSource.code();
      const logo = this.logo;
      return pngFile(code, this.drawing, logo && { bytes: logo.bytes, type: logo.type, size: this.logoFit?.size ?? this.askedLogoSize });
    },
    link: () => {
      const refusal = this.noLink;
      if (refusal !== undefined) throw new Error(refusal);
      return imageLink(this.backendUrl ?? '', this.imageRequest());
    },
    fileName: () => {
      const reading = this.reading;
      return reading?.ok ? reading.fileName : 'qr-code';
    },
  };

  private readonly pickerListeners: ContentPickerListeners = {
    onPick: (type) => (this.contentType = type),
    onApproach: () => void this.loadForms(),
  };

  /** What the pieces of the template report. */
  private readonly listeners: PreviewListeners & TextFieldListeners = {
    onGenerated: ({ detail }) => {
      if (!isBrowserGenerated(detail)) return;
      this.preview = { kind: 'generated', detail };
      this.previewText.shown();
      if (this.status.kind === 'empty' || isProblem(this.status)) this.status = { kind: 'clear' };
    },
    onError: ({ detail }) => {
      this.preview = { kind: 'error', detail };
      this.status = { kind: 'error', message: detail.message };
    },
    onText: (text) => (this.value = text),
    onEnter: () => void this.generate(),
  };

  /** Runs a download or copy and says on the status line how it went. */
  private readonly onAction = async ({ action, run }: WidgetAction): Promise<void> => {
    try {
      await run(this.actionSource);
      // A problem met on the way (the service refused the text) stays on the line.
      if (!isProblem(this.status)) this.status = { kind: 'done', action };
    } catch (error) {
      this.status = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  };

  private readonly onOption = (event: Event): void => {
    const option = readOption(event.target);
    if (option === undefined) return; // the text field's change
    const { name, reading } = option;
    if ('problem' in reading) {
      this.status = { kind: 'invalid', option: name, problem: reading.problem };
      return;
    }
    Object.assign(this, reading.set);
    if (this.status.kind === 'invalid' && this.status.option === name) this.status = { kind: 'clear' };
  };

  private readonly logoListeners: LogoListeners = {
    onPick: async (file) => {
      // A drop on the disabled group: Micro QR and rMQR take no logo.
      if (this.kind !== 'qr') return;
      try {
        if (!(await this.logos.pick(file))) return;
        if (this.status.kind === 'invalid' && this.status.option === 'logo') this.status = { kind: 'clear' };
      } catch (error) {
        if (!(error instanceof LogoRefusal)) throw error;
        this.logoInput.value = ''; // the input names no file that is not on
        this.status = { kind: 'invalid', option: 'logo', problem: error.message };
      }
    },
    onRemove: async () => {
      this.logos.remove();
      this.logoInput.value = '';
      // The Remove button goes with the logo: focus moves to where another one is chosen.
      await this.updateComplete;
      this.logoInput.focus();
    },
    onSize: (size) => (this.logoSize = size),
  };

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.generate();
  }

  /** The text field, or the chosen payload's form (once loaded). */
  private renderContent() {
    const form = this.form;
    if (form === undefined) return renderTextField(this.value, this.listeners);
    if (this.forms !== undefined) return this.forms.render(form);
    return this.formsFailure !== undefined ? html`<p class="warning">${this.formsFailure}</p>` : html`<p class="hint">Loading the form…</p>`;
  }

  protected override render() {
    const text = this.previewText.value;
    const busy = this.service.busy;
    const drawing = this.drawing;
    const { scale, dark, light, finderColor, gs1, symbology, maxHeight, ecl } = drawing;
    const { askedLogoSize } = this;
    const logo = this.logo;
    const noLogo = symbology === 'qr' ? undefined : `${SYMBOLOGY_NAMES[symbology]} takes no logo: it has too little error correction to give up modules to one. Choose QR for a logo.`;
    const logoView = { logo: this.logos.logo, fit: this.logoFit, asked: askedLogoSize, ecl, unavailable: noLogo };
    const reading = this.reading;
    const label = reading?.ok ? reading.label : undefined;
    const symbol = { symbology, gs1, maxHeight };
    const options = { ecl: this.ecl, scale, dark, light, finderColor, eclBeforeLogo: this.logos.eclBeforeLogo, eclLock: this.eclLock, eclSwitch: this.eclSwitch, symbologyLock: this.symbologyLock, ...symbol };
    return html`
      <div part="base">
        <form part="form" @submit=${this.onSubmit} @change=${this.onOption}>
          ${renderContentPicker(this.form ?? 'text', this.pickerListeners)} ${this.renderContent()} ${renderOptions(options)}
          <button type="submit" part="generate-button" ?disabled=${busy} aria-describedby="status">Generate</button>
        </form>
        <div class="result">
          ${renderPreview({ text, result: this.preview, image: this.service.image, busy, drawing, logo: logo && { image: logo.bytes, size: askedLogoSize }, label }, this.listeners)}
          ${renderActions(text !== '' && this.preview.kind === 'generated', this.service.route !== 'local', this.onAction, this.noLink)}
          ${renderStatus(busy ? { kind: 'busy' } : this.status)} ${renderStyle(this, this.onOption, logoView, this.logoListeners)}
        </div>
      </div>
    `;
  }
}
