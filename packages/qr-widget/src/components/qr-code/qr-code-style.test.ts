import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { encode, FINDER_SHAPES, MODULE_SHAPES, QrError, toSVG } from 'qr-core';
import type { QrErrorDetail, QrGeneratedDetail } from '../../events.js';
import { decodeSvg } from '../../test-support/decode.js';
import type { QrCode } from './qr-code.component.js';
import './qr-code.js';

/** What qr-core says about an option value, to compare the element's words with. */
function coreRefusal(options: Parameters<typeof toSVG>[1]): QrError {
  try {
    toSVG(encode('x'), options);
  } catch (error) {
    if (error instanceof QrError) return error;
    throw error;
  }
  throw new Error('qr-core accepted the options');
}

/** Whether the page has fetched <qr-code>'s styled renderer (the TypeScript source here; a hashed chunk in the build). */
function styledRendererFetched(): boolean {
  return performance.getEntriesByType('resource').some((entry) => /\/styled-renderer\.\w+$/.test(new URL(entry.name).pathname));
}

describe('<qr-code> styles', () => {
  // First in this file: the styled renderer is loaded once per page.
  it('loads the styled renderer the first time a style is set, and draws plain codes without it', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="plain first" dark="#123" margin="2"></qr-code>`);
    expect(element.svg).to.equal(toSVG(element.symbol!, { dark: '#123', margin: 2 }));
    expect(styledRendererFetched()).to.equal(false);
    element.moduleShape = 'rounded';
    await element.updateComplete;
    expect(styledRendererFetched()).to.equal(true);
    expect(element.svg).to.equal(toSVG(element.symbol!, { dark: '#123', margin: 2, moduleShape: 'rounded' }));
  });

  it('draws the plain code by default, as qr-core does without style options', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="plain"></qr-code>`);
    expect(element.moduleShape).to.equal('square');
    expect(element.finderShape).to.equal('square');
    expect(element.finderColor).to.equal('');
    expect(element.svg).to.equal(toSVG(element.symbol!));
  });

  it('redraws without re-encoding when module-shape, finder-shape or finder-color change', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="https://example.com/styled"></qr-code>`);
    const symbol = element.symbol!;
    let events = 0;
    element.addEventListener('qr-generated', () => events++);
    element.setAttribute('module-shape', 'dots');
    element.setAttribute('finder-shape', 'rounded');
    element.setAttribute('finder-color', '#1a237e');
    const event = (await oneEvent(element, 'qr-generated')) as CustomEvent<QrGeneratedDetail>;
    expect(element.symbol).to.equal(symbol);
    expect(element.moduleShape).to.equal('dots');
    expect(element.svg).to.equal(toSVG(symbol, { moduleShape: 'dots', finderShape: 'rounded', finderColor: '#1a237e' }));
    expect(event.detail.svg).to.equal(element.svg);
    expect(element.shadowRoot!.querySelector('svg')!.outerHTML).to.contain('#1a237e');
    expect(await decodeSvg(element.svg!)).to.equal('https://example.com/styled');

    element.removeAttribute('finder-color'); // back to the dark colour
    await element.updateComplete;
    expect(element.svg).to.equal(toSVG(symbol, { moduleShape: 'dots', finderShape: 'rounded' }));
    expect(events).to.equal(2);
  });

  it('sets the style through its properties too', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="by property"></qr-code>`);
    element.moduleShape = 'rounded';
    element.finderShape = 'circle';
    await element.updateComplete;
    expect(element.svg).to.equal(toSVG(element.symbol!, { moduleShape: 'rounded', finderShape: 'circle' }));
  });

  for (const moduleShape of MODULE_SHAPES) {
    for (const finderShape of FINDER_SHAPES) {
      it(`draws ${moduleShape} modules with ${finderShape} finders that zxing reads`, async () => {
        const text = `https://example.com/${moduleShape}/${finderShape}`;
        const element = await fixture<QrCode>(
          html`<qr-code value=${text} module-shape=${moduleShape} finder-shape=${finderShape} finder-color="#0a3d62"></qr-code>`,
        );
        expect(await decodeSvg(element.svg!)).to.equal(text);
      });
    }
  }

  for (const [attribute, value, option] of [
    ['module-shape', 'hex', { moduleShape: 'hex' }],
    ['finder-shape', 'star', { finderShape: 'star' }],
    ['finder-color', 'navy', { finderColor: 'navy' }],
  ] as const) {
    it(`fires qr-error with qr-core's code and words for ${attribute}="${value}"`, async () => {
      const element = await fixture<QrCode>(html`<qr-code value="ok"></qr-code>`);
      const heard = oneEvent(element, 'qr-error');
      element.setAttribute(attribute, value);
      const { detail } = (await heard) as CustomEvent<QrErrorDetail>;
      const refusal = coreRefusal(option as Parameters<typeof toSVG>[1]);
      const { symbol, ...said } = detail;
      expect(said).to.deep.equal({ value: 'ok', code: 'INVALID_OPTION', message: refusal.message });
      expect(symbol, 'the text encoded; only its drawing was refused').to.deep.equal(encode('ok'));
      expect(element.shadowRoot!.querySelector('svg')).to.equal(null);
    });
  }

  it('passes an axe audit when styled', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="https://example.com" module-shape="dots" finder-shape="circle"></qr-code>`);
    await expect(element).to.be.accessible();
  });
});
