/**
 * The Style fieldset of `<qr-widget>`: module shape and finder shape as radio groups, each choice
 * with a small preview drawn by qr-core, the finder colour, and the Logo group (logo.ts). Its
 * pieces are option pieces like the others (options.ts reads them); the logo, a file read
 * asynchronously, has listeners of its own. The fieldset is rendered on its own, beside the preview.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { FINDER_SHAPES, MODULE_SHAPES, type SymbologyName } from 'qr-core';
import type { OptionPiece, StyleOptions, WidgetOptions } from './option-piece.js';
import { colourField } from './colours.js';
import { renderLogo, type LogoListeners, type LogoView } from './logo.js';
import { samplePreview, styleRefusal } from './style-samples.js';
import { symbologyOf } from './symbology.js';

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

/** `symbology`: the symbology chosen, for which qr-core may not draw some shapes (those choices are disabled, with its reason). */
type StyleRenderOptions = Readonly<WidgetOptions & StyleOptions & { symbology?: SymbologyName }>;

/**
 * The style drawn for `options`: a shape qr-core does not draw on the symbology chosen (a round
 * finder on Micro QR) gives way to the first, square; the choice stays for QR.
 */
export function drawnStyle(options: Pick<StyleRenderOptions, 'moduleShape' | 'finderShape' | 'symbology'>): Pick<StyleOptions, 'moduleShape' | 'finderShape'> {
  const symbology = symbologyOf(options.symbology);
  const { moduleShape, finderShape } = options;
  // A value that is no shape at all goes on as it is, for the preview to report in qr-core's words.
  const refused = (shapes: readonly string[], shape: string, style: Partial<StyleOptions>) => shapes.includes(shape) && styleRefusal(symbology, style) !== undefined;
  return {
    moduleShape: refused(MODULE_SHAPES, moduleShape, { moduleShape }) ? MODULE_SHAPES[0] : moduleShape,
    finderShape: refused(FINDER_SHAPES, finderShape, { finderShape }) ? FINDER_SHAPES[0] : finderShape,
  };
}

/** A labelled radio group of `shapes`, each choice with its preview and, where there is one, its hint; the choices qr-core does not draw on the symbology disabled, with its reason. */
function renderGroup<S extends string>({ name, legend, shapes }: ChoiceGroup<S>, options: StyleRenderOptions) {
  const symbology = symbologyOf(options.symbology);
  const drawn = drawnStyle(options)[name];
  const refusals = new Set<string>();
  const choice = (shape: S) => {
    const refusal = styleRefusal(symbology, { [name]: shape });
    // A choice qr-core does not draw here needs no advice on how readers take it.
    const hint = refusal === undefined ? HINTS[shape] : undefined;
    if (refusal !== undefined) refusals.add(refusal);
    const described = [hint ? `${shape}-hint` : '', refusal ? `${name}-unavailable` : ''].join(' ').trim();
    return html`
      <label class="choice">
        <input type="radio" name=${name} value=${shape} .checked=${shape === drawn} ?disabled=${refusal !== undefined} aria-describedby=${described || nothing} />
        <span class="sample" aria-hidden="true">${samplePreview(options, { [name]: shape })}</span>
        ${shape[0]!.toUpperCase() + shape.slice(1)}
      </label>
      ${hint ? html`<span id="${shape}-hint" class="hint">${hint}</span>` : nothing}
    `;
  };
  const choices = shapes.map(choice);
  return html`
    <fieldset class="choices">
      <legend>${legend}</legend>
      ${choices} ${refusals.size > 0 ? html`<span id="${name}-unavailable" class="hint">${[...refusals].join(' ')}</span>` : nothing}
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
