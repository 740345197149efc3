import { html, nothing } from 'lit';
import { ECL_RECOVERY_PERCENT, ECLS, type Ecl } from 'qr-core';
import type { OptionPiece } from './option-piece.js';
import { eclsOf, eclSwitchNote, symbologyOf } from './symbology.js';

function isEcl(value: string): value is Ecl {
  return (ECLS as readonly string[]).includes(value);
}

/**
 * The error correction level, as a choice of the ECLs the symbology has (qr-core's ECLS for QR),
 * with a note while a logo has switched it to H or a symbology moved it to the closest level it
 * has; locked, with the reason as its note, while a payload's format requires one.
 */
export const eclPiece: OptionPiece = {
  names: ['ecl'],
  render: ({ ecl: chosen, eclBeforeLogo, eclLock, eclSwitch, symbology: chosenSymbology }) => {
    const ecl = eclLock?.ecl ?? chosen;
    const symbology = symbologyOf(chosenSymbology);
    const note = eclLock
      ? eclLock.reason
      : eclSwitch && eclSwitch.to === ecl
        ? eclSwitchNote(eclSwitch.from, ecl, symbology)
        : eclBeforeLogo && `Switched from ${eclBeforeLogo} to ${ecl} for the logo, which hides part of the code; removing the logo puts ${eclBeforeLogo} back.`;
    return html`
      <div class="field">
        <label for="ecl">Error correction</label>
        <select id="ecl" name="ecl" .value=${ecl} ?disabled=${eclLock !== undefined} aria-describedby=${note ? 'ecl-note' : nothing}>
          ${eclsOf(symbology).map((level) => html`<option value=${level} ?selected=${level === ecl}>${level} — ${ECL_RECOVERY_PERCENT[level]} % recoverable</option>`)}
        </select>
        ${note ? html`<span id="ecl-note" class="hint">${note}</span>` : nothing}
      </div>
    `;
  },
  read: ({ value }) => (isEcl(value) ? { set: { ecl: value } } : { problem: `Error correction must be one of ${ECLS.join(', ')}.` }),
};
