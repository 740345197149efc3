/**
 * The Symbol piece of the options fieldset (issue 13): which member of the QR family (QR, Micro QR,
 * rMQR) with what the largest symbol holds at the ECL shown, rMQR's height bound, and the GS1
 * toggle. What each symbology has (its ECLs, its capacities) is asked of qr-core, never restated:
 * its ECLs from SYMBOLOGY_ECLS, its capacities from capacityOf, which is in the symbologies module
 * (symbology-loader.ts), loaded on first use.
 */
import { html, nothing } from 'lit';
import { ECL_RECOVERY_PERCENT, SYMBOLOGIES, SYMBOLOGY_ECLS, type Ecl, type SymbologyName } from 'qr-core';
import { symbologies } from '../../../symbology-loader.js';
import type { OptionPiece, PieceOptions } from './option-piece.js';

/** What the widget calls each symbology. */
export const SYMBOLOGY_NAMES: Readonly<Record<SymbologyName, string>> = Object.freeze({ qr: 'QR', micro: 'Micro QR', rmqr: 'rMQR' });

/** The heights an rMQR symbol comes in (ISO/IEC 23941: R7 to R17), for the Max height choice. */
const RMQR_HEIGHTS = [7, 9, 11, 13, 15, 17] as const;

/** The ECLs `symbology` has, weakest first: qr-core's SYMBOLOGY_ECLS. */
export function eclsOf(symbology: SymbologyName): readonly Ecl[] {
  return SYMBOLOGY_ECLS[symbology];
}

/** The symbology chosen, or QR for a value qr-core does not know (which the preview reports in qr-core's words). */
export function symbologyOf(value: unknown): SymbologyName {
  return (SYMBOLOGIES as readonly unknown[]).includes(value) ? (value as SymbologyName) : 'qr';
}

/** The ECL of `allowed` whose recovery is nearest `ecl`'s (a tie goes to the stronger). */
export function closestEcl(ecl: Ecl, allowed: readonly Ecl[]): Ecl {
  const distance = (level: Ecl) => Math.abs(ECL_RECOVERY_PERCENT[level] - ECL_RECOVERY_PERCENT[ecl]);
  return allowed.reduce((best, level) => (distance(level) <= distance(best) ? level : best));
}

/** The note under the ECL field after a symbology moved it: why, and what puts it back. */
export function eclSwitchNote(from: Ecl, to: Ecl, symbology: SymbologyName): string {
  const back = SYMBOLOGIES.filter((other) => other !== symbology && eclsOf(other).includes(from)).map((other) => SYMBOLOGY_NAMES[other]);
  return `Switched from ${from} to ${to}: ${SYMBOLOGY_NAMES[symbology]} has no ECL ${from}; choosing ${back.join(' or ')} puts ${from} back.`;
}

/**
 * "Micro QR holds at most 35 digits, 21 characters A–Z 0–9 or 15 bytes at ECL L", from qr-core's
 * capacityOf; '' until the symbologies module that has it is here (the widget loads it for a
 * symbology other than QR, or GS1, or when the Symbol field is reached, and renders again).
 */
export function capacityLine({ symbology = 'qr', ecl, gs1 = false, maxHeight }: Readonly<PieceOptions>): string {
  const kind = symbologyOf(symbology);
  const capacityOf = symbologies.value?.capacityOf;
  if (capacityOf === undefined) return '';
  try {
    const options = { symbology: kind, ecl, gs1: gs1 && kind !== 'micro', ...(kind === 'rmqr' && maxHeight ? { maxHeight } : {}) };
    const amounts = [
      [capacityOf('numeric', options), 'digits'],
      [capacityOf('alphanumeric', options), 'characters A–Z 0–9'],
      [capacityOf('byte', options), 'bytes'],
    ] as const;
    const parts = amounts.filter(([count]) => count > 0).map(([count, unit]) => `${count} ${unit}`);
    const last = parts.pop();
    const bound = kind === 'rmqr' && maxHeight ? ` up to ${maxHeight} modules high` : '';
    return `${SYMBOLOGY_NAMES[kind]}${bound} holds at most ${parts.length > 0 ? `${parts.join(', ')} or ${last}` : last} at ECL ${ecl}${gs1 && kind !== 'micro' ? ' with GS1' : ''}.`;
  } catch {
    return ''; // an ECL the symbology lacks: the ECL field moves it, and the next render says the line
  }
}

/** Why GS1 is off for a symbology, or undefined where it has it. */
const NO_GS1: Readonly<Partial<Record<SymbologyName, string>>> = Object.freeze({ micro: 'Micro QR has no FNC1 mode, so it holds no GS1 data.' });

/** Whether `symbology` takes GS1 data (QR and rMQR; Micro QR has no FNC1 mode). */
export function takesGs1(symbology: SymbologyName): boolean {
  return NO_GS1[symbology] === undefined;
}

/** The bracketed form, explained beside the GS1 toggle. */
export const GS1_HINT = '(01)09506000134352(17)201225(10)ABC1: application identifiers in brackets, each followed by its value.';

/** Loads the symbologies module when the Symbol field is reached (focus, pointer): its capacity line needs it (the widget renders again on its arrival). */
const approach = (): void => void symbologies.get();

export const symbologyPiece: OptionPiece = {
  names: ['symbology', 'maxHeight', 'gs1'],
  render: (options) => {
    const lock = options.symbologyLock;
    const symbology = lock?.symbology ?? symbologyOf(options.symbology);
    const noGs1 = NO_GS1[symbology];
    return html`
      <div class="field">
        <label for="symbology">Symbol</label>
        <select id="symbology" name="symbology" .value=${symbology} ?disabled=${lock !== undefined} aria-describedby="symbology-capacity" @focus=${approach} @pointerenter=${approach}>
          ${SYMBOLOGIES.map((name) => html`<option value=${name} ?selected=${name === symbology}>${SYMBOLOGY_NAMES[name]}</option>`)}
        </select>
        <span id="symbology-capacity" class="hint">${lock ? lock.reason : capacityLine(options)}</span>
      </div>
      ${symbology === 'rmqr'
        ? html`
            <div class="field">
              <label for="maxHeight">Max height</label>
              <select id="maxHeight" name="maxHeight" .value=${String(options.maxHeight ?? '')}>
                <option value="" ?selected=${!options.maxHeight}>Any: the smallest symbol</option>
                ${RMQR_HEIGHTS.map((height) => html`<option value=${height} ?selected=${height === options.maxHeight}>${height} modules</option>`)}
              </select>
            </div>
          `
        : nothing}
      <div class="field">
        <label class="choice" for="gs1"
          ><input type="checkbox" id="gs1" name="gs1" .checked=${Boolean(options.gs1) && noGs1 === undefined} ?disabled=${noGs1 !== undefined} aria-describedby="gs1-hint" />
          GS1 element string</label
        >
        <span id="gs1-hint" class="hint">${noGs1 ?? GS1_HINT}</span>
      </div>
    `;
  },
  read: (field) => {
    if (field.name === 'gs1') return { set: { gs1: (field as HTMLInputElement).checked } };
    if (field.name === 'maxHeight') return { set: { maxHeight: field.value === '' ? undefined : Number(field.value) } };
    const value = field.value;
    return (SYMBOLOGIES as readonly string[]).includes(value)
      ? { set: { symbology: value as SymbologyName } }
      : { problem: `Symbol must be one of ${SYMBOLOGIES.map((name) => SYMBOLOGY_NAMES[name]).join(', ')}.` };
  },
};
