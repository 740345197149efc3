import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { DEFAULT_DARK, DEFAULT_ECL, DEFAULT_LIGHT, DEFAULT_SCALE, ECLS, MAX_SCALE } from 'qr-core';
import { readOption, renderOptions, type WidgetOptions } from './options.js';
import { SCALE_PROBLEM } from './scale.js';

const DEFAULTS: WidgetOptions = { ecl: DEFAULT_ECL, scale: DEFAULT_SCALE, dark: DEFAULT_DARK, light: DEFAULT_LIGHT };

async function fieldset(options: WidgetOptions = DEFAULTS): Promise<HTMLElement> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  render(renderOptions(options), container);
  return container;
}

function field<T extends HTMLInputElement | HTMLSelectElement>(container: HTMLElement, name: string, value?: string): T {
  const found = container.querySelector<T>(`[name="${name}"]`)!;
  if (value !== undefined) found.value = value;
  return found;
}

describe('options fieldset', () => {
  it('renders a labelled field for each option, in order, with the current values', async () => {
    const container = await fieldset({ ecl: 'Q', scale: 12, dark: '#0a3d62', light: '#fffbe6' });
    expect(container.querySelector('fieldset')!.getAttribute('part')).to.equal('options');
    const names = [...container.querySelectorAll<HTMLInputElement>('[name]')].map((input) => input.name);
    expect(names).to.deep.equal(['ecl', 'scale', 'dark', 'light']);
    for (const name of names) expect(container.querySelector(`label[for="${name}"]`), name).to.exist;
    expect(field(container, 'ecl').value).to.equal('Q');
    expect(field(container, 'scale').value).to.equal('12');
    expect(field(container, 'dark').value).to.equal('#0a3d62');
  });

  it("offers qr-core's ECLs and scales up to MAX_SCALE", async () => {
    const container = await fieldset();
    const levels = [...field<HTMLSelectElement>(container, 'ecl').options].map((option) => option.value);
    expect(levels).to.deep.equal([...ECLS]);
    expect(field<HTMLSelectElement>(container, 'ecl').options[1]!.textContent).to.equal('M — 15 % recoverable');
    expect(field<HTMLInputElement>(container, 'scale').max).to.equal(String(MAX_SCALE));
  });

  it('reads a whole scale in range, and refuses any other', async () => {
    const container = await fieldset();
    expect(readOption(field(container, 'scale', String(MAX_SCALE)))).to.deep.equal({ name: 'scale', reading: { set: { scale: MAX_SCALE } } });
    for (const text of ['0', '2.5', '', String(MAX_SCALE + 1)]) {
      expect(readOption(field(container, 'scale', text)), text).to.deep.equal({ name: 'scale', reading: { problem: SCALE_PROBLEM } });
    }
  });

  it('reads the ECL and the colours', async () => {
    const container = await fieldset();
    expect(readOption(field(container, 'ecl', 'H'))!.reading).to.deep.equal({ set: { ecl: 'H' } });
    expect(readOption(field(container, 'dark', '#112233'))!.reading).to.deep.equal({ set: { dark: '#112233' } });
    expect(readOption(field(container, 'light', '#eeddcc'))!.reading).to.deep.equal({ set: { light: '#eeddcc' } });
  });

  it('refuses an ECL that is not one of the four', () => {
    const select = Object.assign(document.createElement('select'), { name: 'ecl' });
    select.append(new Option('X', 'X', true, true));
    expect(readOption(select)!.reading).to.have.property('problem').that.matches(/L, M, Q, H/);
  });

  it('ignores fields that are not options', () => {
    expect(readOption(document.createElement('textarea'))).to.equal(undefined);
    expect(readOption(Object.assign(document.createElement('input'), { name: 'unknown' }))).to.equal(undefined);
    expect(readOption(null)).to.equal(undefined);
  });

  it('warns under the colours when they may not scan', async () => {
    const container = await fieldset({ ...DEFAULTS, dark: '#dddddd' });
    expect(container.querySelector('[part="contrast-warning"]')!.textContent).to.match(/scanners need about 40 % or more/);
    render(renderOptions(DEFAULTS), container);
    expect(container.querySelector('[part="contrast-warning"]')!.textContent).to.equal('');
  });
});
