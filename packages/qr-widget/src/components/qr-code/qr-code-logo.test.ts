import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { encode, maxLogoSize, QrError, toSVG } from 'qr-core';
import type { QrErrorDetail, QrGeneratedDetail } from '../../events.js';
import { decodeSvg } from '../../test-support/decode.js';
import { canvasLogo, SVG_LOGO } from '../../test-support/logos.js';
import type { QrCode } from './qr-code.component.js';
import './qr-code.js';

/** An SVG file the test server serves: the page's favicon. */
const SERVED_LOGO = '/packages/qr-widget/public/favicon.svg';
const TEXT = 'https://example.com/with-a-logo';

async function servedBytes(): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(SERVED_LOGO)).arrayBuffer());
}

function images(element: QrCode): SVGImageElement[] {
  return [...element.shadowRoot!.querySelectorAll('svg image')] as SVGImageElement[];
}

/** What qr-core says about a logo option, to compare the element's words with. */
function coreRefusal(run: () => unknown): QrError {
  try {
    run();
  } catch (error) {
    if (error instanceof QrError) return error;
    throw error;
  }
  throw new Error('qr-core accepted the logo');
}

describe('<qr-code> logo', () => {
  it('fetches the logo URL and embeds the file in the SVG, as qr-core draws it, and the code reads', async () => {
    const element = document.createElement('qr-code');
    const generated = oneEvent(element, 'qr-generated');
    let events = 0;
    element.addEventListener('qr-generated', () => events++);
    Object.assign(element, { value: TEXT, ecl: 'H', logo: SERVED_LOGO });
    document.body.append(element);
    const { detail } = (await generated) as CustomEvent<QrGeneratedDetail>;
    try {
      const expected = toSVG(encode(TEXT, { ecl: 'H' }), { logo: { image: await servedBytes() } });
      expect(detail.svg).to.equal(expected);
      expect(element.svg).to.equal(expected);
      const [image, ...more] = images(element);
      expect(more).to.have.length(0);
      expect(image!.getAttribute('href')!.startsWith('data:image/svg+xml;base64,'), 'self-contained').to.equal(true);
      expect(await decodeSvg(element.svg!)).to.equal(TEXT);
      await element.updateComplete;
      expect(events, 'one event, with the logo: none for the code without it while the logo was on its way').to.equal(1);
    } finally {
      element.remove();
    }
  });

  it('takes a data: URL, and as a property the bytes, as they are, without a fetch', async () => {
    const dataUrl = `data:image/svg+xml;base64,${btoa(SVG_LOGO)}`;
    const realFetch = window.fetch;
    window.fetch = () => Promise.reject(new Error('no fetch for a data: URL'));
    try {
      const element = await fixture<QrCode>(html`<qr-code value=${TEXT} ecl="H" logo=${dataUrl}></qr-code>`);
      expect(element.svg).to.equal(toSVG(element.symbol!, { logo: { image: dataUrl } }));
      const png = await canvasLogo('image/png');
      element.logo = png;
      await element.updateComplete;
      expect(element.svg).to.equal(toSVG(element.symbol!, { logo: { image: png } }));
    } finally {
      window.fetch = realFetch;
    }
  });

  it('draws the logo at logo-size, and result() waits for the logo', async () => {
    const element = await fixture<QrCode>(html`<qr-code value=${TEXT} ecl="H"></qr-code>`);
    const symbol = element.symbol!;
    element.setAttribute('logo', SERVED_LOGO);
    element.setAttribute('logo-size', '0.15');
    const result = await element.result();
    if (result.kind !== 'generated') throw new Error(`expected a code, got ${result.kind}`);
    expect(result.detail.symbol, 'a logo only redraws').to.equal(symbol);
    expect(result.detail.svg).to.equal(toSVG(symbol, { logo: { image: await servedBytes(), size: 0.15 } }));
    element.removeAttribute('logo');
    expect(((await element.result()) as { detail: QrGeneratedDetail }).detail.svg).to.equal(toSVG(symbol));
  });

  it('shows the logo asked for last when the logo changes while one is on its way', async () => {
    const element = await fixture<QrCode>(html`<qr-code value=${TEXT} ecl="H"></qr-code>`);
    const png = await canvasLogo('image/png');
    const pngUrl = URL.createObjectURL(new Blob([png], { type: 'image/png' }));
    try {
      element.logo = SERVED_LOGO;
      await element.updateComplete;
      element.logo = pngUrl;
      const result = await element.result();
      expect(result.kind === 'generated' && result.detail.svg).to.equal(toSVG(element.symbol!, { logo: { image: png } }));
    } finally {
      URL.revokeObjectURL(pngUrl);
    }
  });

  it("fires qr-error with qr-core's LOGO_TOO_LARGE and its words for a logo-size the code cannot lose", async () => {
    const element = await fixture<QrCode>(html`<qr-code value=${TEXT} ecl="H" logo=${SERVED_LOGO}></qr-code>`);
    await element.result();
    const largest = maxLogoSize(element.symbol!);
    const heard = oneEvent(element, 'qr-error');
    element.logoSize = largest + 0.05;
    const { detail } = (await heard) as CustomEvent<QrErrorDetail>;
    const bytes = await servedBytes();
    const refusal = coreRefusal(() => toSVG(encode(TEXT, { ecl: 'H' }), { logo: { image: bytes, size: largest + 0.05 } }));
    expect(detail).to.include({ value: TEXT, code: 'LOGO_TOO_LARGE', message: refusal.message });
    expect(detail.symbol, "the symbol, for maxLogoSize's sake").to.deep.equal(encode(TEXT, { ecl: 'H' }));
    expect(element.shadowRoot!.querySelector('svg')).to.equal(null);
    expect(element.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label')).to.equal(`No QR code: ${refusal.message}`);

    // With shrinkLogo (what <qr-widget> sets), the same size is drawn at the largest the code can lose.
    element.shrinkLogo = true;
    const shrunk = await element.result();
    expect(shrunk.kind === 'generated' && shrunk.detail.svg).to.equal(toSVG(element.symbol!, { logo: { image: bytes, size: largest } }));
  });

  it('fires qr-error INVALID_LOGO when the file is not an image qr-core takes', async () => {
    const text = URL.createObjectURL(new Blob(['plain text, not an image'], { type: 'image/png' }));
    try {
      const element = await fixture<QrCode>(html`<qr-code value=${TEXT} ecl="H"></qr-code>`);
      const heard = oneEvent(element, 'qr-error');
      element.logo = text;
      const { detail } = (await heard) as CustomEvent<QrErrorDetail>;
      expect(detail.code).to.equal('INVALID_LOGO');
      expect(detail.message).to.match(/not a PNG, JPEG, WebP or SVG file/);
    } finally {
      URL.revokeObjectURL(text);
    }
  });

  it('fires qr-error HTTP with the status when the logo URL answers an error', async () => {
    const element = await fixture<QrCode>(html`<qr-code value=${TEXT}></qr-code>`);
    const heard = oneEvent(element, 'qr-error');
    element.logo = '/packages/qr-widget/public/no-such-logo.svg';
    const { detail } = (await heard) as CustomEvent<QrErrorDetail>;
    expect(detail).to.include({ value: TEXT, code: 'HTTP', status: 404 });
    expect(detail.message).to.equal('The logo /packages/qr-widget/public/no-such-logo.svg could not be fetched: its server answered 404.');
  });

  it('fires qr-error NETWORK when the logo cannot be fetched at all', async () => {
    const { downUrl } = await executeServerCommand<{ downUrl: string }, undefined>('qr-server');
    const element = await fixture<QrCode>(html`<qr-code value=${TEXT}></qr-code>`);
    const heard = oneEvent(element, 'qr-error');
    element.logo = `${downUrl}/logo.png`;
    const { detail } = (await heard) as CustomEvent<QrErrorDetail>;
    expect(detail).to.include({ code: 'NETWORK' });
    expect(detail.message).to.match(/could not be fetched: the network failed, or its server does not let this page read it \(CORS\)/);
  });

  it('passes an axe audit with a logo', async () => {
    const element = await fixture<QrCode>(html`<qr-code value=${TEXT} ecl="H" logo=${SERVED_LOGO}></qr-code>`);
    await element.result();
    await expect(element).to.be.accessible();
  });
});

