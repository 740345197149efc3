/**
 * The logo's size control and the line that says what the logo costs. The size asked for is kept
 * as it is; the size drawn is never more than qr-core's maxLogoSize for the code on display (its
 * text and ECL), so the control's maximum follows the code, and the line reads qr-core's
 * logoCorrectionUse for what is drawn.
 */
import { html, type TemplateResult } from 'lit';
import { logoCorrectionUse, maxLogoSize, type Ecl, type QrSymbol } from 'qr-core';

/** The slider's scale: it counts millionths of the code's side, which the browser's decimal arithmetic adds up exactly. */
const UNIT = 1e6;
/** The slider's step: one percent of the code's side. */
const STEP = 0.01 * UNIT;

/** The logo on a code: how big it may be, how big it is drawn, and what it costs. */
export interface LogoFit {
  /** qr-core's maxLogoSize for the code; 0 when no logo fits. */
  readonly max: number;
  /** The size drawn: the one asked for, or `max` when that is less. */
  readonly size: number;
  /** qr-core's logoCorrectionUse of `size`; undefined where no logo fits. */
  readonly use: number | undefined;
}

/**
 * How a logo `asked` for fits `symbol`, or undefined before there is a code. The same shrinking as
 * `<qr-code>`'s `shrinkLogo`, so that the control, the line and the service's request all speak
 * of the logo the preview draws.
 */
export function fitLogo(symbol: QrSymbol | undefined, asked: number): LogoFit | undefined {
  if (symbol === undefined) return undefined;
  const max = maxLogoSize(symbol);
  if (max === 0) return { max, size: asked, use: undefined };
  const size = Math.min(asked, max);
  return { max, size, use: logoCorrectionUse(symbol, { size }) };
}

/**
 * The slider's bounds for a largest logo of `max`: its top is `max` (to a millionth, down), and its
 * steps are laid from the top down, so that the end of the slider is the largest logo, whatever
 * that is, and each step is one percent.
 */
function sliderBounds(max: number): { min: number; max: number } {
  // A hair of tolerance: a fraction such as 0.18 is a little under or over it in floating point.
  const top = Math.floor(max * UNIT + 1e-6);
  return { min: (top - (Math.ceil(top / STEP) - 1) * STEP) / UNIT, max: top / UNIT };
}

/** `fraction` as a whole percentage, as the control and the line show it. */
function percent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

/** What the line says about the logo's cost, for a code at ECL `ecl`; nothing before there is a code (the status line asks for a text). */
export function describeFit(fit: LogoFit | undefined, ecl: Ecl): string {
  if (fit === undefined) return '';
  if (fit.use === undefined) {
    const more = ecl === 'H' ? 'A longer text makes a larger code, with room for one.' : 'Error correction H, or a longer text, makes room for one.';
    return `No logo fits this code at ECL ${ecl}: even the smallest would take more than half of what it can repair. ${more}`;
  }
  return `The logo uses ${percent(fit.use)} of what this code can repair; it scans.`;
}

/** The size slider (its maximum the code's largest logo) and the line, which the slider and the file input are described by. */
export function renderLogoSize(fit: LogoFit | undefined, asked: number, ecl: Ecl, onSize: (size: number) => void): TemplateResult {
  const size = fit?.size ?? asked;
  const bounds = sliderBounds(fit === undefined ? asked : fit.max);
  const onInput = (event: Event) => onSize(Number((event.target as HTMLInputElement).value));
  return html`
    <div class="field">
      <label for="logoSize">Logo size</label>
      <span class="range">
        <input
          id="logoSize"
          type="range"
          min=${bounds.min}
          max=${bounds.max}
          step=${STEP / UNIT}
          .value=${String(size)}
          ?disabled=${fit?.use === undefined}
          aria-valuetext=${`${percent(size)} of the code's side`}
          aria-describedby="logo-budget"
          @input=${onInput}
        />
        <output for="logoSize">${percent(size)}</output>
      </span>
    </div>
    <p id="logo-budget" class="hint" role="status">${describeFit(fit, ecl)}</p>
  `;
}
