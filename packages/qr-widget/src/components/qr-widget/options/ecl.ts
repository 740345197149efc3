import { html } from 'lit';
import { ECL_RECOVERY_PERCENT, ECLS, type Ecl } from 'qr-core';
import type { OptionPiece } from './option-piece.js';

function isEcl(value: string): value is Ecl {
  return (ECLS as readonly string[]).includes(value);
}

/** The error correction level, as a choice of qr-core's ECLS. */
export const eclPiece: OptionPiece = {
  names: ['ecl'],
  render: ({ ecl }) => html`
    <div class="field">
      <label for="ecl">Error correction</label>
      <select id="ecl" name="ecl" .value=${ecl}>
        ${ECLS.map((level) => html`<option value=${level} ?selected=${level === ecl}>${level} — ${ECL_RECOVERY_PERCENT[level]} % recoverable</option>`)}
      </select>
    </div>
  `,
  read: ({ value }) => (isEcl(value) ? { set: { ecl: value } } : { problem: `Error correction must be one of ${ECLS.join(', ')}.` }),
};
