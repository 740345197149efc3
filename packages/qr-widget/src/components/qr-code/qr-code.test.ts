import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { QrErrorDetail, QrGeneratedDetail } from '../../events.js';
import { decodeSvg } from '../../test-support/decode.js';
import type { QrCode } from './qr-code.component.js';
import './qr-code.js';

function base(element: QrCode): HTMLElement {
  return element.shadowRoot!.querySelector('[part="base"]')!;
}

describe('<qr-code>', () => {
  it('renders an SVG image of the value that a decoder reads back', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="https://example.com/?q=1"></qr-code>`);
    await element.updateComplete;
    expect(base(element).getAttribute('role')).to.equal('img');
    expect(base(element).getAttribute('aria-label')).to.equal('https://example.com/?q=1');
    const svg = element.shadowRoot!.querySelector('svg')!;
    expect(svg).to.exist;
    expect(await decodeSvg(element.svg!)).to.equal('https://example.com/?q=1');
    expect(element.symbol!.ecl).to.equal('M');
  });

  it('scales the SVG to the element box', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="size" style="--qr-code-size: 200px"></qr-code>`);
    const svg = element.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
    expect(Math.round(svg.width)).to.equal(200);
    expect(Math.round(svg.height)).to.equal(200);
  });

  it('re-renders when attributes change', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="first"></qr-code>`);
    element.setAttribute('value', 'second, and longer than the first');
    element.setAttribute('ecl', 'H');
    await element.updateComplete;
    expect(element.symbol!.ecl).to.equal('H');
    expect(await decodeSvg(element.svg!)).to.equal('second, and longer than the first');
    expect(base(element).getAttribute('aria-label')).to.equal('second, and longer than the first');

    element.setAttribute('dark', '#0a3d62');
    await element.updateComplete;
    expect(element.svg).to.contain('#0a3d62');
  });

  it('does no work when nothing changed', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="same"></qr-code>`);
    const svgBefore = element.shadowRoot!.querySelector('svg');
    let events = 0;
    element.addEventListener('qr-generated', () => events++);
    element.setAttribute('value', 'same');
    element.margin = undefined; // as it is: qr-core's default quiet zone
    element.symbology = 'qr';
    expect(element.isUpdatePending).to.equal(false);
    await element.updateComplete;
    expect(events).to.equal(0);
    expect(element.shadowRoot!.querySelector('svg')).to.equal(svgBefore);
  });

  it('redraws without re-encoding when only colours or margin change', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="redraw"></qr-code>`);
    const symbol = element.symbol;
    element.margin = 2;
    element.light = '#fffbe6';
    await element.updateComplete;
    expect(element.symbol).to.equal(symbol);
    expect(element.svg).to.contain('#fffbe6');
    expect(await decodeSvg(element.svg!)).to.equal('redraw');
  });

  it('fires qr-generated with the symbol, bubbling out of shadow roots', async () => {
    const element = document.createElement('qr-code');
    const heard = oneEvent(document, 'qr-generated');
    element.value = 'event';
    document.body.append(element);
    const event = (await heard) as CustomEvent<QrGeneratedDetail>;
    expect(event.composed).to.equal(true);
    expect(event.detail).to.include({ value: 'event', ecl: 'M', version: 1, source: 'browser' });
    element.remove();
  });

  it('puts the symbol and its SVG in the qr-generated detail', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="detail"></qr-code>`);
    const heard = oneEvent(element, 'qr-generated');
    element.dark = '#0a3d62';
    const { detail } = (await heard) as CustomEvent<QrGeneratedDetail>;
    expect(detail.symbol).to.equal(element.symbol);
    expect(detail.svg).to.equal(element.svg);
    expect(detail.svg).to.contain('#0a3d62');
    expect(detail.version).to.equal(detail.symbol!.version);
  });

  it('result() resolves with what the changes made so far show', async () => {
    const element = await fixture<QrCode>(html`<qr-code></qr-code>`);
    expect(await element.result()).to.deep.equal({ kind: 'empty' });
    element.value = 'asked for';
    element.ecl = 'H';
    const generated = await element.result();
    if (generated.kind !== 'generated') throw new Error(`expected a symbol, got ${generated.kind}`);
    expect(generated.detail).to.include({ value: 'asked for', ecl: 'H', source: 'browser' });
    expect(await decodeSvg(generated.detail.svg)).to.equal('asked for');
    element.value = 'x'.repeat(3000);
    const refused = await element.result();
    expect(refused.kind).to.equal('error');
    expect(refused.kind === 'error' && refused.detail.code).to.equal('DATA_TOO_LONG');
  });

  it('fires qr-error and says why when the value does not fit', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="ok"></qr-code>`);
    const heard = oneEvent(element, 'qr-error');
    element.value = 'x'.repeat(3000);
    const event = (await heard) as CustomEvent<QrErrorDetail>;
    expect(event.detail.code).to.equal('DATA_TOO_LONG');
    expect(event.detail.message).to.match(/3000 bytes/);
    expect(element.shadowRoot!.querySelector('svg')).to.equal(null);
    expect(base(element).getAttribute('aria-label')).to.contain(event.detail.message);
  });

  it('reports a bad attribute value instead of throwing', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="ok"></qr-code>`);
    const heard = oneEvent(element, 'qr-error');
    element.setAttribute('ecl', 'X');
    const event = (await heard) as CustomEvent<QrErrorDetail>;
    expect(event.detail.code).to.equal('INVALID_OPTION');
  });

  it('shows nothing for an empty value', async () => {
    const element = await fixture<QrCode>(html`<qr-code></qr-code>`);
    expect(base(element)).to.equal(null);
    expect(element.symbol).to.equal(undefined);
  });

  it('uses label as the accessible name when given', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="https://example.com" label="Our website"></qr-code>`);
    expect(base(element).getAttribute('aria-label')).to.equal('Our website');
  });

  it('passes an axe audit', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="https://example.com"></qr-code>`);
    await expect(element).to.be.accessible();
  });
});
