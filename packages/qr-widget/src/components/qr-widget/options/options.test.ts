import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { DEFAULT_DARK, DEFAULT_ECL, DEFAULT_LIGHT, DEFAULT_SCALE, ECLS, MAX_SCALE, SYMBOLOGY_ECLS } from 'qr-core';
import { readOption, renderOptions, type WidgetOptions } from './options.js';
import { SCALE_PROBLEM } from './scale.js';
import { symbologies } from '../../../symbology-loader.js';
import { closestEcl, eclsOf, GS1_HINT } from './symbology.js';

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
    expect(names).to.deep.equal(['symbology', 'gs1', 'ecl', 'scale', 'dark', 'light']);
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

  it('shows the Symbol choice with what the largest symbol holds, from qr-core\'s capacityOf', async () => {
    await symbologies.get(); // capacityOf is in the symbologies module, which the widget loads
    const container = await fieldset({ ...DEFAULTS, symbology: 'micro', ecl: 'L' } as WidgetOptions);
    const select = field<HTMLSelectElement>(container, 'symbology');
    expect([...select.options].map((option) => [option.value, option.textContent])).to.deep.equal([
      ['qr', 'QR'],
      ['micro', 'Micro QR'],
      ['rmqr', 'rMQR'],
    ]);
    expect(select.value).to.equal('micro');
    expect(container.querySelector('#symbology-capacity')!.textContent).to.equal('Micro QR holds at most 35 digits, 21 characters A–Z 0–9 or 15 bytes at ECL L.');
    expect(select.getAttribute('aria-describedby')).to.equal('symbology-capacity');
    // GS1 is off for Micro QR, which has no FNC1 mode, and says so.
    expect(field<HTMLInputElement>(container, 'gs1').disabled).to.equal(true);
    expect(container.querySelector('#gs1-hint')!.textContent).to.match(/Micro QR has no FNC1 mode/);
    expect(container.querySelector('[name="maxHeight"]')).to.equal(null);
  });

  it('offers the ECLs the symbology has, a max height for rMQR, and the GS1 toggle with the bracketed form explained', async () => {
    await symbologies.get();
    const levels = (container: HTMLElement) => [...field<HTMLSelectElement>(container, 'ecl').options].map((option) => option.value);
    expect(levels(await fieldset({ ...DEFAULTS, symbology: 'micro' } as WidgetOptions))).to.deep.equal(['L', 'M', 'Q']);
    const rmqr = await fieldset({ ...DEFAULTS, symbology: 'rmqr', gs1: true, maxHeight: 9 } as WidgetOptions);
    expect(levels(rmqr)).to.deep.equal(['M', 'H']);
    expect(field<HTMLSelectElement>(rmqr, 'maxHeight').value).to.equal('9');
    expect(rmqr.querySelector('#symbology-capacity')!.textContent).to.match(/^rMQR up to 9 modules high holds at most \d+ digits, .* at ECL M with GS1\.$/);
    expect(field<HTMLInputElement>(rmqr, 'gs1').checked).to.equal(true);
    expect(rmqr.querySelector('#gs1-hint')!.textContent).to.equal(GS1_HINT);
    expect(GS1_HINT).to.equal('(01)09506000134352(17)201225(10)ABC1: application identifiers in brackets, each followed by its value.');
    expect(readOption(field(rmqr, 'maxHeight', ''))!.reading).to.deep.equal({ set: { maxHeight: undefined } });
    expect(readOption(field(rmqr, 'maxHeight', '13'))!.reading).to.deep.equal({ set: { maxHeight: 13 } });
    const gs1 = field<HTMLInputElement>(rmqr, 'gs1');
    gs1.checked = false;
    expect(readOption(gs1)!.reading).to.deep.equal({ set: { gs1: false } });
    expect(readOption(field(rmqr, 'symbology', 'qr'))!.reading).to.deep.equal({ set: { symbology: 'qr' } });
  });

  it('moves an ECL a symbology lacks to the nearest it has in recovery', () => {
    expect(eclsOf('qr')).to.deep.equal([...ECLS]);
    expect(eclsOf('micro')).to.equal(SYMBOLOGY_ECLS.micro);
    expect(closestEcl('H', eclsOf('micro'))).to.equal('Q');
    expect(closestEcl('L', eclsOf('rmqr'))).to.equal('M');
    expect(closestEcl('Q', eclsOf('rmqr'))).to.equal('H');
  });
});
