import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { DEFAULT_DARK, DEFAULT_ECL, DEFAULT_LIGHT, DEFAULT_SCALE, encode, FINDER_SHAPES, MODULE_SHAPES, toSVG } from 'qr-core';
import { decodeSvg } from '../../../test-support/decode.js';
import { readOption, renderOptions, renderStyle, type StyleOptions, type WidgetOptions } from './options.js';
import { SAMPLE_TEXT, samplePreview } from './style-samples.js';

const DEFAULTS: WidgetOptions & StyleOptions = {
  ecl: DEFAULT_ECL,
  scale: DEFAULT_SCALE,
  dark: DEFAULT_DARK,
  light: DEFAULT_LIGHT,
  moduleShape: 'square',
  finderShape: 'square',
  finderColor: '',
};

const NO_LOGO = { logo: undefined, fit: undefined, asked: 0.25, ecl: DEFAULT_ECL };

async function styleFieldset(options: WidgetOptions & StyleOptions = DEFAULTS, onChange: (event: Event) => void = () => {}): Promise<HTMLFieldSetElement> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  render(renderStyle(options, onChange, NO_LOGO, { onPick() {}, onRemove() {}, onSize() {} }), container);
  return container.querySelector('fieldset')!;
}

function radios(fieldset: HTMLElement, name: string): HTMLInputElement[] {
  return [...fieldset.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${name}"]`)];
}

describe('Style fieldset', () => {
  it('is a fieldset with a legend, and a labelled radio group per shape, then the finder colour and the logo', async () => {
    const fieldset = await styleFieldset();
    expect(fieldset.getAttribute('part')).to.equal('style');
    expect(fieldset.querySelector(':scope > legend')!.textContent).to.equal('Style');
    const groups = [...fieldset.querySelectorAll('fieldset')].map((group) => group.querySelector('legend')!.textContent);
    expect(groups).to.deep.equal(['Module shape', 'Finder shape', 'Logo']);
    expect(radios(fieldset, 'moduleShape').map((radio) => radio.value)).to.deep.equal([...MODULE_SHAPES]);
    expect(radios(fieldset, 'finderShape').map((radio) => radio.value)).to.deep.equal([...FINDER_SHAPES]);
    for (const radio of [...radios(fieldset, 'moduleShape'), ...radios(fieldset, 'finderShape')]) {
      expect(radio.closest('label')!.textContent!.trim(), radio.value).to.equal(radio.value[0]!.toUpperCase() + radio.value.slice(1));
    }
    expect(fieldset.querySelector('label[for="finderColor"]')!.textContent).to.equal('Finder colour');
    expect(fieldset.querySelector<HTMLInputElement>('#finderColor')!.type).to.equal('color');
  });

  it('checks the current shapes, and shows the dark colour as the finder colour until one is picked', async () => {
    const fieldset = await styleFieldset({ ...DEFAULTS, moduleShape: 'dots', finderShape: 'rounded', dark: '#0a3d62' });
    expect(radios(fieldset, 'moduleShape').filter((radio) => radio.checked).map((radio) => radio.value)).to.deep.equal(['dots']);
    expect(radios(fieldset, 'finderShape').filter((radio) => radio.checked).map((radio) => radio.value)).to.deep.equal(['rounded']);
    expect(fieldset.querySelector<HTMLInputElement>('#finderColor')!.value).to.equal('#0a3d62');
    const picked = await styleFieldset({ ...DEFAULTS, dark: '#0a3d62', finderColor: '#b91c1c' });
    expect(picked.querySelector<HTMLInputElement>('#finderColor')!.value).to.equal('#b91c1c');
  });

  it("previews each choice with qr-core's drawing of one small symbol, made once, that zxing reads", async () => {
    const fieldset = await styleFieldset();
    const symbol = encode(SAMPLE_TEXT, { ecl: 'L' });
    for (const [name, shapes] of [['moduleShape', MODULE_SHAPES], ['finderShape', FINDER_SHAPES]] as const) {
      for (const [index, radio] of radios(fieldset, name).entries()) {
        const sample = radio.closest('label')!.querySelector('.sample')!;
        expect(sample.getAttribute('aria-hidden')).to.equal('true');
        const expected = toSVG(symbol, { margin: 1, [name]: shapes[index] });
        const parsed = Object.assign(document.createElement('template'), { innerHTML: expected }).content.firstElementChild!;
        expect(sample.querySelector('svg')!.isEqualNode(parsed), `${name} ${shapes[index]}`).to.equal(true);
        expect(await decodeSvg(expected)).to.equal(SAMPLE_TEXT);
      }
    }
    const owner = {};
    expect(samplePreview(owner, { moduleShape: 'dots' })).to.equal(samplePreview(owner, { moduleShape: 'dots' }));
    expect(samplePreview(owner, { moduleShape: 'dots' })).not.to.equal(samplePreview({}, { moduleShape: 'dots' }));
  });

  it('says next to circle finders that zbar-based scanners may miss them, and only there', async () => {
    const fieldset = await styleFieldset();
    const described = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"][aria-describedby]')];
    expect(described.map((radio) => radio.value)).to.deep.equal(['circle']);
    const hint = fieldset.querySelector(`#${described[0]!.getAttribute('aria-describedby')!}`)!;
    expect(hint.textContent).to.match(/zbar/);
    expect(hint.textContent).to.match(/Rounded/);
  });

  it('reads the radio groups and the finder colour', async () => {
    const fieldset = await styleFieldset();
    expect(readOption(radios(fieldset, 'moduleShape')[2]!)).to.deep.equal({ name: 'moduleShape', reading: { set: { moduleShape: 'dots' } } });
    expect(readOption(radios(fieldset, 'finderShape')[1]!)).to.deep.equal({ name: 'finderShape', reading: { set: { finderShape: 'rounded' } } });
    const colour = Object.assign(fieldset.querySelector<HTMLInputElement>('#finderColor')!, { value: '#1a237e' });
    expect(readOption(colour)).to.deep.equal({ name: 'finderColor', reading: { set: { finderColor: '#1a237e' } } });
  });

  it("hands its fields' change events to onChange", async () => {
    const changed: string[] = [];
    const fieldset = await styleFieldset(DEFAULTS, (event) => changed.push((event.target as HTMLInputElement).value));
    radios(fieldset, 'moduleShape')[1]!.click();
    expect(changed).to.deep.equal(['rounded']);
  });

  it('warns when the finder colour on the light colour may not scan', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    render(renderOptions({ ...DEFAULTS, finderColor: '#eeeeee' }), container);
    expect(container.querySelector('[part="contrast-warning"]')!.textContent).to.match(/^The finder and light colours differ by \d+ %/);
    render(renderOptions({ ...DEFAULTS, finderColor: '#1a237e' }), container);
    expect(container.querySelector('[part="contrast-warning"]')!.textContent).to.equal('');
  });
});
