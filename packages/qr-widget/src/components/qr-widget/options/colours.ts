import { html } from 'lit';
import { contrastWarning } from '../../../symbol-contrast.js';
import type { OptionPiece } from './option-piece.js';

/** A labelled colour field, described by the contrast warning. */
export function colourField(name: 'dark' | 'light' | 'finderColor', label: string, value: string) {
  return html`
    <div class="field">
      <label for=${name}>${label}</label>
      <input id=${name} name=${name} type="color" .value=${value} aria-describedby="contrast-warning" />
    </div>
  `;
}

/** The dark and light colours, and a warning when together (or the finder colour on the light) they may not scan. */
export const coloursPiece: OptionPiece = {
  names: ['dark', 'light'],
  render: ({ dark, light, finderColor }) => html`
    ${colourField('dark', 'Dark colour', dark)} ${colourField('light', 'Light colour', light)}
    <p id="contrast-warning" part="contrast-warning" class="warning">${contrastWarning(dark, light, finderColor) ?? ''}</p>
  `,
  read: ({ name, value }) => ({ set: name === 'dark' ? { dark: value } : { light: value } }),
};
