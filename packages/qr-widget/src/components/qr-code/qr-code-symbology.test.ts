import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { encode } from 'qr-core';
import { toPlainSVG } from 'qr-core/svg-plain';
import type { QrErrorDetail } from '../../events.js';
import { readSvg } from '../../test-support/decode.js';
import type { QrCode } from './qr-code.component.js';
import './qr-code.js';

/** The viewBox of the SVG on display, as numbers. */
function viewBox(element: QrCode): number[] {
  return element.shadowRoot!.querySelector('svg')!.getAttribute('viewBox')!.split(' ').map(Number);
}

const GS1_DATA = '(01)09506000134352(17)201225(10)ABC1';

/** Whether the page has fetched the symbologies module (the TypeScript source here; qr-symbologies.[hash].js in the build). */
function symbologiesFetched(): boolean {
  return performance.getEntriesByType('resource').some((entry) => /\/symbologies\.\w+$/.test(new URL(entry.name).pathname));
}

describe('<qr-code symbology gs1> (Micro QR, rMQR, GS1)', () => {
  // First in this file: the symbologies module is loaded once per page.
  it('makes QR codes with encodeQR, and loads the symbologies module the first time another symbology is set', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="PART-0042"></qr-code>`);
    expect(element.symbol).to.deep.equal(encode('PART-0042'));
    expect(symbologiesFetched()).to.equal(false);
    let generated = 0;
    element.addEventListener('qr-generated', () => generated++);
    element.symbology = 'micro';
    // The display stays as it was until the module is here, then one qr-generated for the Micro QR symbol.
    expect((await element.result()).kind).to.equal('generated');
    expect(symbologiesFetched()).to.equal(true);
    expect(element.symbol!.symbology).to.equal('micro');
    expect(generated).to.equal(1);
  });

  it('symbology="micro" renders a Micro QR symbol with its 2-module quiet zone, which zxing reads as Micro QR', async () => {
    const element = await fixture<QrCode>(html`<qr-code symbology="micro" value="12345"></qr-code>`);
    const symbol = element.symbol!;
    expect(symbol.symbology).to.equal('micro');
    expect(symbol.designator).to.match(/^M\d/);
    // M1 is 11 × 11 modules, each larger symbol 2 more: 15 for M3, and 2 × 2 modules of quiet zone.
    expect(viewBox(element)).to.deep.equal([0, 0, symbol.width + 4, symbol.height + 4]);
    expect(element.svg).to.equal(toPlainSVG(symbol));
    expect(await readSvg(element.svg!)).to.include({ text: '12345', format: 'MicroQRCode' });
  });

  it('a Micro QR symbol of 15 × 15 modules (M3) has a viewBox of 15 + 2 × 2', async () => {
    const element = await fixture<QrCode>(html`<qr-code symbology="micro" ecl="L" value="MICRO-QR-M3"></qr-code>`);
    expect(element.symbol!.designator).to.equal('M3-L');
    expect(viewBox(element)).to.deep.equal([0, 0, 19, 19]);
    expect(await readSvg(element.svg!)).to.include({ text: 'MICRO-QR-M3', format: 'MicroQRCode' });
  });

  it('symbology="rmqr" renders a rectangle, wider than tall on the page too, which zxing reads as rMQR', async () => {
    const element = await fixture<QrCode>(html`<qr-code symbology="rmqr" value="CABLE-0042-A" style="--qr-code-size: 300px"></qr-code>`);
    const symbol = element.symbol!;
    expect(symbol.symbology).to.equal('rmqr');
    expect(symbol.width).to.be.greaterThan(symbol.height);
    expect(viewBox(element)).to.deep.equal([0, 0, symbol.width + 4, symbol.height + 4]);
    const box = element.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
    expect(Math.round(box.width)).to.equal(300);
    expect(box.height).to.be.closeTo((300 * (symbol.height + 4)) / (symbol.width + 4), 1);
    const host = element.getBoundingClientRect();
    expect(host.height).to.be.closeTo(box.height, 1);
    expect(host.height).to.be.lessThan(host.width);
    expect(await readSvg(element.svg!, 800)).to.include({ text: 'CABLE-0042-A', format: 'RMQRCode' });
  });

  it('max-height bounds an rMQR symbol', async () => {
    const element = await fixture<QrCode>(html`<qr-code symbology="rmqr" max-height="7" value="CABLE-0042-A"></qr-code>`);
    expect(element.symbol!.height).to.equal(7);
    expect(element.symbol).to.deep.equal(encode('CABLE-0042-A', { symbology: 'rmqr', maxHeight: 7 }));
  });

  it('gs1 encodes a GS1 element string that zxing reads as GS1 (]Q3), on QR and rMQR', async () => {
    const qr = await fixture<QrCode>(html`<qr-code gs1 value=${GS1_DATA}></qr-code>`);
    expect(qr.gs1).to.equal(true);
    expect(await readSvg(qr.svg!)).to.deep.equal({ text: GS1_DATA, format: 'QRCode', symbologyIdentifier: ']Q3' });
    const rmqr = await fixture<QrCode>(html`<qr-code gs1 symbology="rmqr" value=${GS1_DATA}></qr-code>`);
    expect(await readSvg(rmqr.svg!, 900)).to.deep.equal({ text: GS1_DATA, format: 'RMQRCode', symbologyIdentifier: ']Q3' });
  });

  it('follows the attributes and properties: a change of symbology or gs1 re-encodes', async () => {
    const element = await fixture<QrCode>(html`<qr-code value="0123456789"></qr-code>`);
    expect(element.symbol!.symbology).to.equal('qr');
    element.setAttribute('symbology', 'micro');
    await element.updateComplete;
    expect(element.symbology).to.equal('micro');
    expect(element.symbol!.symbology).to.equal('micro');
    element.symbology = 'rmqr';
    await element.updateComplete;
    expect(element.symbol!.symbology).to.equal('rmqr');
    element.removeAttribute('symbology');
    await element.updateComplete;
    expect(element.symbol!.symbology).to.equal('qr');
  });

  it('reports what qr-core refuses: a bad GS1 element string, GS1 on Micro QR, an ECL the symbology lacks, too much data', async () => {
    const element = await fixture<QrCode>(html`<qr-code gs1 value=${GS1_DATA}></qr-code>`);
    const refusal = async (change: () => void): Promise<QrErrorDetail> => {
      const heard = oneEvent(element, 'qr-error');
      change();
      return ((await heard) as CustomEvent<QrErrorDetail>).detail;
    };
    const badCheckDigit = await refusal(() => (element.value = '(01)09506000134353'));
    expect(badCheckDigit.code).to.equal('INVALID_DATA');
    expect(badCheckDigit.message).to.contain('(01)');
    expect(element.shadowRoot!.querySelector('svg')).to.equal(null);

    const micro = await refusal(() => element.setAttribute('symbology', 'micro'));
    expect(micro).to.include({ code: 'INVALID_OPTION' });
    expect(micro.message).to.match(/Micro QR has no FNC1/);

    element.gs1 = false;
    element.value = 'ok';
    await element.updateComplete;
    expect(element.symbol!.symbology).to.equal('micro');
    const ecl = await refusal(() => (element.ecl = 'H'));
    expect(ecl.code).to.equal('INVALID_OPTION');

    element.ecl = 'L';
    const tooLong = await refusal(() => (element.value = 'x'.repeat(40)));
    expect(tooLong.code).to.equal('DATA_TOO_LONG');
    expect(tooLong.message).to.contain('Micro QR');
  });

  it("the README's embed example works as pasted: a Micro QR, an rMQR at most 9 high and a GS1 QR, each read back", async () => {
    const readme = await (await fetch('/packages/qr-widget/README.md')).text();
    const block = /```html\n(<script type="module" src="https:\/\/qr\.example\.com\/qr-code\.js"><\/script>\n<!-- A part number as a Micro QR symbol[\s\S]*?)```/.exec(readme)![1]!;
    const page = document.createElement('div');
    page.innerHTML = block.replace(/<script[^>]*><\/script>/, ''); // the element is defined already
    document.body.append(page);
    try {
      const [micro, rmqr, gs1] = [...page.querySelectorAll<QrCode>('qr-code')];
      for (const element of [micro!, rmqr!, gs1!]) await element.updateComplete;
      expect(micro!.symbol!.designator).to.equal('M3-M');
      expect(await readSvg(micro!.svg!)).to.include({ text: 'PART-0042', format: 'MicroQRCode' });
      expect(rmqr!.symbol!.height).to.be.at.most(9);
      expect(rmqr!.getBoundingClientRect().width).to.be.greaterThan(3 * rmqr!.getBoundingClientRect().height);
      expect(await readSvg(rmqr!.svg!, 900)).to.include({ text: 'CABLE-0042-A', format: 'RMQRCode' });
      expect(await readSvg(gs1!.svg!)).to.deep.equal({ text: GS1_DATA, format: 'QRCode', symbologyIdentifier: ']Q3' });
    } finally {
      page.remove();
    }
  });

  it('passes an axe audit as an rMQR symbol', async () => {
    const element = await fixture<QrCode>(html`<qr-code symbology="rmqr" value="https://example.com"></qr-code>`);
    await expect(element).to.be.accessible();
  });
});
