/**
 * The options fieldset of `<qr-widget>`, made of {@link OptionPiece}s in the order they show
 * (and are reached with Tab).
 */
import { html } from 'lit';
import { coloursPiece } from './colours.js';
import { eclPiece } from './ecl.js';
import type { OptionName, OptionPiece, OptionReading, PieceOptions } from './option-piece.js';
import { scalePiece } from './scale.js';
import { STYLE_PIECES } from './style.js';
import { symbologyPiece } from './symbology.js';

export type { EclSwitch, OptionName, StyleOptions, SymbolOptions, WidgetOptions } from './option-piece.js';
export { renderStyle } from './style.js';

const PIECES: readonly OptionPiece[] = [symbologyPiece, eclPiece, scalePiece, coloursPiece];

/** Every piece that reads a field: these and the Style fieldset's (style.ts). */
const READERS: readonly Pick<OptionPiece, 'names' | 'read'>[] = [...PIECES, ...STYLE_PIECES];

/** The fieldset for the current options. */
export function renderOptions(options: Readonly<PieceOptions>) {
  return html`
    <fieldset part="options">
      <legend>Options</legend>
      ${PIECES.map((piece) => piece.render(options))}
    </fieldset>
  `;
}

/** What a changed field of the fieldset sets, or undefined when `target` is not one of its fields. */
export function readOption(target: EventTarget | null): { name: OptionName; reading: OptionReading } | undefined {
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return undefined;
  const name = target.name as OptionName;
  const piece = READERS.find((candidate) => candidate.names.includes(name));
  return piece && { name, reading: piece.read(target) };
}
