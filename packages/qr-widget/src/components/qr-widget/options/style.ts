/**
 * The Style fieldset of `<qr-widget>`: module shape and finder shape as radio groups, each choice
 * with a small preview drawn by qr-core, the finder colour, and the Logo group (logo.ts). Its
 * pieces are option pieces like the others (options.ts reads them); the logo, a file read
 * asynchronously, has listeners of its own. The fieldset is rendered on its own, beside the preview.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { FINDER_SHAPES, MODULE_SHAPES } from 'qr-core';
import type { OptionPiece, StyleOptions, WidgetOptions } from './option-piece.js';
import { colourField } from './colours.js';
import { renderLogo, type LogoListeners, type LogoView } from './logo.js';
import { samplePreview } from './style-samples.js';

/** A radio group: its option, legend and choices in order. */
interface ChoiceGroup<S extends string> {
  readonly name: 'moduleShape' | 'finderShape';
  readonly legend: string;
  readonly shapes: readonly S[];
}

/**
 * What to say beside a style that common readers may not read. From qr-core's README ("Which
 * readers read them", asserted by its src/styles.test.ts): zxing reads every style; zbar every
 * module shape and every finder shape but the circle, which it misses at some sizes.
 */
const HINTS: Readonly<Record<string, string>> = Object.freeze({
  circle: 'Scanner apps built on zbar miss circles at some sizes; Rounded reads everywhere.',
});

type StyleRenderOptions = Readonly<WidgetOptions & StyleOptions>;

/** A labelled radio group of `shapes`, each choice with its preview and, where there is one, its hint. */
function renderGroup<S extends string>({ name, legend, shapes }: ChoiceGroup<S>, options: StyleRenderOptions) {
  const choice = (shape: S) => {
    const hint = HINTS[shape];
    return html`
      <label class="choice">
        <input type="radio" name=${name} value=${shape} .checked=${shape === options[name]} aria-describedby=${hint ? `${shape}-hint` : nothing} />
        <span class="sample" aria-hidden="true">${samplePreview(options, { [name]: shape })}</span>
        ${shape[0]!.toUpperCase() + shape.slice(1)}
      </label>
      ${hint ? html`<span id="${shape}-hint" class="hint">${hint}</span>` : nothing}
    `;
  };
  return html`
    <fieldset class="choices">
      <legend>${legend}</legend>
      ${shapes.map(choice)}
    </fieldset>
  `;
}

/** A radio group's piece. Its values are qr-core's, and `<qr-code>` reports any other with qr-core's words. */
function shapePiece<S extends string>(group: ChoiceGroup<S>): OptionPiece<StyleRenderOptions> {
  return { names: [group.name], render: (options) => renderGroup(group, options), read: ({ value }) => ({ set: { [group.name]: value } }) };
}

export const moduleShapePiece = shapePiece({ name: 'moduleShape', legend: 'Module shape', shapes: MODULE_SHAPES });
export const finderShapePiece = shapePiece({ name: 'finderShape', legend: 'Finder shape', shapes: FINDER_SHAPES });

/** The finder patterns' colour: the dark colour until one is picked. Judged by the contrast warning. */
export const finderColourPiece: OptionPiece<StyleRenderOptions> = {
  names: ['finderColor'],
  render: ({ dark, finderColor }) => colourField('finderColor', 'Finder colour', finderColor || dark),
  read: ({ value }) => ({ set: { finderColor: value } }),
};

export const STYLE_PIECES: readonly OptionPiece<StyleRenderOptions>[] = [moduleShapePiece, finderShapePiece, finderColourPiece];

/** The Style fieldset for the current options and logo; `onChange` hears its fields' change events. */
export function renderStyle(options: StyleRenderOptions, onChange: (event: Event) => void, logo: LogoView, logoListeners: LogoListeners): TemplateResult {
  return html`
    <fieldset part="style" class="style" @change=${onChange}>
      <legend>Style</legend>
      ${STYLE_PIECES.map((piece) => piece.render(options))} ${renderLogo(logo, logoListeners)}
    </fieldset>
  `;
}
