/**
 * The Logo group of the Style fieldset: the picker, and once a logo is on, its size control and
 * the line that says what it costs.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Ecl } from 'qr-core';
import type { PickedLogo } from '../../../logo-file.js';
import { renderLogoPicker, type LogoPickerListeners } from './logo-picker.js';
import { renderLogoSize, type LogoFit } from './logo-size.js';

export interface LogoView {
  readonly logo: PickedLogo | undefined;
  /** How the logo fits the code on display (logo-size.ts's fitLogo); undefined before there is one. */
  readonly fit: LogoFit | undefined;
  /** The size asked for, a fraction of the code's side. */
  readonly asked: number;
  readonly ecl: Ecl;
  /** Why the symbology chosen takes no logo, when it takes none: the group is disabled and says so. */
  readonly unavailable?: string | undefined;
}

export interface LogoListeners extends LogoPickerListeners {
  /** The size control moved. */
  onSize(size: number): void;
}

export function renderLogo({ logo, fit, asked, ecl, unavailable }: LogoView, listeners: LogoListeners): TemplateResult {
  return html`
    <fieldset class="choices" ?disabled=${unavailable !== undefined} aria-describedby=${unavailable ? 'logo-unavailable' : nothing}>
      <legend>Logo</legend>
      ${unavailable ? html`<span id="logo-unavailable" class="hint">${unavailable}</span>` : nothing} ${renderLogoPicker(logo, listeners)}
      ${logo && !unavailable ? renderLogoSize(fit, asked, ecl, listeners.onSize) : nothing}
    </fieldset>
  `;
}
