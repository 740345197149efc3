/**
 * The Style fieldset of `<qr-widget>`: module shape and finder shape as radio groups, each choice
 * with a small preview drawn by qr-core, and the finder colour. Its pieces are option pieces like
 * the others (options.ts reads them); the fieldset is rendered on its own, beside the preview.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { FINDER_SHAPES, MODULE_SHAPES, type FinderShape, type ModuleShape } from 'qr-core';
import type { OptionPiece, StyleOptions, WidgetOptions } from './option-piece.js';
import { samplePreview } from './style-samples.js';

/** What a choice is called, and what to say beside one that common readers may not read. */
interface Choice {
  readonly label: string;
  readonly hint?: string;
}

/** A radio group: its option, legend, choices in order, their words, and the preview of each. */
interface ChoiceGroup<S extends string> {
  readonly name: 'moduleShape' | 'finderShape';
  readonly legend: string;
  readonly shapes: readonly S[];
  readonly choices: Readonly<Record<S, Choice>>;
  preview(shape: S): string;
}

/**
 * From qr-core's README ("Which readers read them", asserted by its src/styles.test.ts): zxing
 * reads every style; zbar reads every module shape and every finder shape but the circle, which
 * it misses at some sizes.
 */
const MODULE_CHOICES: Readonly<Record<ModuleShape, Choice>> = Object.freeze({
  square: { label: 'Square' },
  rounded: { label: 'Rounded' },
  dots: { label: 'Dots' },
});

const FINDER_CHOICES: Readonly<Record<FinderShape, Choice>> = Object.freeze({
  square: { label: 'Square' },
  rounded: { label: 'Rounded' },
  circle: { label: 'Circle', hint: 'Some scanner apps (those built on zbar) miss circles at some sizes; Rounded reads everywhere.' },
});

type StyleRenderOptions = Readonly<WidgetOptions & StyleOptions>;

/** A labelled radio group of `shapes`, each choice with its preview and, where there is one, its hint. */
function renderGroup<S extends string>({ name, legend, shapes, choices, preview }: ChoiceGroup<S>, current: S) {
  return html`
    <fieldset class="choices">
      <legend>${legend}</legend>
      ${shapes.map((shape) => {
        const { label, hint } = choices[shape];
        const hintId = `${name}-${shape}-hint`;
        return html`
          <label class="choice">
            <input type="radio" name=${name} value=${shape} .checked=${shape === current} aria-describedby=${hint === undefined ? nothing : hintId} />
            <span class="sample" aria-hidden="true">${unsafeHTML(preview(shape))}</span>
            ${label}
          </label>
          ${hint === undefined ? nothing : html`<span id=${hintId} class="hint">${hint}</span>`}
        `;
      })}
    </fieldset>
  `;
}

/** A radio group's piece: reads its value when it is one of `shapes`. */
function shapePiece<S extends string>(group: ChoiceGroup<S>): OptionPiece<StyleRenderOptions> {
  const { name, legend, shapes } = group;
  return {
    names: [name],
    render: (options) => renderGroup(group, options[name] as S),
    read: ({ value }) =>
      (shapes as readonly string[]).includes(value) ? { set: { [name]: value } } : { problem: `${legend} must be one of ${shapes.join(', ')}.` },
  };
}

const modulePreview = (moduleShape: ModuleShape) => samplePreview({ moduleShape });
const finderPreview = (finderShape: FinderShape) => samplePreview({ finderShape });

export const moduleShapePiece = shapePiece({ name: 'moduleShape', legend: 'Module shape', shapes: MODULE_SHAPES, choices: MODULE_CHOICES, preview: modulePreview });
export const finderShapePiece = shapePiece({ name: 'finderShape', legend: 'Finder shape', shapes: FINDER_SHAPES, choices: FINDER_CHOICES, preview: finderPreview });

/** The finder patterns' colour: the dark colour until one is picked. Judged by the contrast warning. */
export const finderColourPiece: OptionPiece<StyleRenderOptions> = {
  names: ['finderColor'],
  render: ({ dark, finderColor }) => html`
    <div class="field">
      <label for="finderColor">Finder colour</label>
      <input id="finderColor" name="finderColor" type="color" .value=${finderColor || dark} aria-describedby="contrast-warning" />
    </div>
  `,
  read: ({ value }) => ({ set: { finderColor: value } }),
};

export const STYLE_PIECES: readonly OptionPiece<StyleRenderOptions>[] = [moduleShapePiece, finderShapePiece, finderColourPiece];

/** The Style fieldset for the current options; `onChange` hears its fields' change events. */
export function renderStyle(options: StyleRenderOptions, onChange: (event: Event) => void): TemplateResult {
  return html`
    <fieldset part="style" class="style" @change=${onChange}>
      <legend>Style</legend>
      ${STYLE_PIECES.map((piece) => piece.render(options))}
    </fieldset>
  `;
}
