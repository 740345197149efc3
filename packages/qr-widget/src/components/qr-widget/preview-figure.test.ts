import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { DEFAULT_DARK, DEFAULT_ECL, DEFAULT_LIGHT, DEFAULT_MARGIN, DEFAULT_SCALE, encode, toSVG } from 'qr-core';
import type { ServiceImage } from '../../controllers/service-controller.js';
import type { QrCodeResult } from '../qr-code/qr-code.component.js';
import '../qr-code/qr-code.js';
import { renderPreview, type PreviewView } from './preview-figure.js';

const symbol = encode('figure', { minVersion: 3 });
const GENERATED: QrCodeResult = { kind: 'generated', detail: { value: 'figure', ecl: symbol.ecl, version: 3, source: 'browser', symbol, svg: toSVG(symbol) } };
const DRAWING = { ecl: DEFAULT_ECL, margin: DEFAULT_MARGIN, dark: DEFAULT_DARK, light: DEFAULT_LIGHT };
const IGNORE = { onGenerated: () => {}, onError: () => {} };

async function figure(view: Partial<PreviewView>): Promise<HTMLElement> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  render(renderPreview({ text: 'figure', result: GENERATED, image: undefined, busy: false, drawing: DRAWING, ...view }, IGNORE), container);
  return container.querySelector('figure')!;
}

describe('preview figure', () => {
  it('shows a placeholder and no caption before anything is typed', async () => {
    const shown = await figure({ text: '', result: { kind: 'empty' } });
    expect(shown.querySelector('.placeholder')).to.exist;
    expect(shown.querySelector('qr-code')!.hidden).to.equal(true);
    expect(shown.querySelector('figcaption')!.textContent).to.equal('');
  });

  it("captions the browser's code with its version, ECL and the symbol's size", async () => {
    const shown = await figure({ busy: true });
    expect(shown.querySelector('figcaption')!.textContent).to.equal('Preview made in your browser · version 3 · ECL M · 29×29 modules');
    expect(shown.getAttribute('aria-busy')).to.equal('true');
    expect(shown.querySelector('qr-code')!.value).to.equal('figure');
  });

  it("shows the service's PNG instead of the preview", async () => {
    const png = new Blob(['png'], { type: 'image/png' });
    const image: ServiceImage = { request: { data: 'figure', format: 'png', ...DRAWING, scale: DEFAULT_SCALE }, png, url: 'blob:stand-in' };
    const shown = await figure({ image });
    expect(shown.querySelector('qr-code')!.hidden).to.equal(true);
    expect(shown.querySelector<HTMLImageElement>('[part="image"]')!.alt).to.equal('QR code for figure');
    expect(shown.querySelector('figcaption')!.textContent).to.match(/^Made by the QR service · version 3/);
  });

  it("passes the preview's events on", async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const heard: string[] = [];
    const listeners = { onGenerated: () => heard.push('generated'), onError: () => heard.push('error') };
    render(renderPreview({ text: 'events', result: { kind: 'empty' }, image: undefined, busy: false, drawing: DRAWING }, listeners), container);
    await container.querySelector('qr-code')!.result();
    expect(heard).to.deep.equal(['generated']);
  });
});
