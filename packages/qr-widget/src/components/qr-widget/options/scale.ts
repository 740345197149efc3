import { html } from 'lit';
import { MAX_SCALE } from 'qr-core';
import type { OptionPiece } from './option-piece.js';

/** Why a scale is refused; the field's `min`, `max` and step of 1 say the same to the browser. */
export const SCALE_PROBLEM = `Pixels per module must be a whole number from 1 to ${MAX_SCALE}.`;

/** Pixels per module of the PNG, 1 to qr-core's MAX_SCALE. Out of range keeps the last good value. */
export const scalePiece: OptionPiece = {
  names: ['scale'],
  render: ({ scale }) => html`
    <div class="field">
      <label for="scale">PNG pixels per module</label>
      <input id="scale" name="scale" type="number" min="1" max=${MAX_SCALE} .value=${String(scale)} />
    </div>
  `,
  read: (field) => (field.checkValidity() && field.value !== '' ? { set: { scale: Number(field.value) } } : { problem: SCALE_PROBLEM }),
};
