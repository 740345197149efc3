import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { encode } from 'qr-core';
import { toPlainSVG } from 'qr-core/svg-plain';
import type { QrErrorDetail } from '../../events.js';
import { readImage, readSvg } from '../../test-support/decode.js';
import { catchDownloads, catchRequests, withClipboard } from '../../test-support/stand-ins.js';
import type { QrCode } from '../qr-code/qr-code.component.js';
import type { QrWidget } from './qr-widget.component.js';
import './qr-widget.js';

const shadow = (widget: QrWidget) => widget.shadowRoot!;
const code = (widget: QrWidget): QrCode => shadow(widget).querySelector('qr-code')!;
const select = (widget: QrWidget, id: string) => shadow(widget).querySelector<HTMLSelectElement>(`#${id}`)!;
const eclLevels = (widget: QrWidget) => [...select(widget, 'ecl').options].map((option) => option.value);
const eclNote = (widget: QrWidget) => shadow(widget).querySelector('#ecl-note')?.textContent ?? null;
const statusText = (widget: QrWidget) => shadow(widget).querySelector('[part="status"]')!.textContent!.trim();
const caption = (widget: QrWidget) => shadow(widget).querySelector('figcaption')!.textContent!.trim();
const labelled = (widget: QrWidget, label: string) =>
  [...shadow(widget).querySelectorAll('button')].find((candidate) => candidate.textContent!.trim() === label)!;

/** Chooses `value` in the select `id` the way a person does: its value, then a change event. */
function choose(widget: QrWidget, id: string, value: string): void {
  const field = select(widget, id);
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Ticks or unticks the GS1 checkbox the way a click does. */
function toggleGs1(widget: QrWidget, on: boolean): void {
  const box = shadow(widget).querySelector<HTMLInputElement>('#gs1')!;
  box.checked = on;
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The preview, once the widget and it have rendered. */
async function shown(widget: QrWidget): Promise<QrCode> {
  await widget.updateComplete;
  await code(widget).updateComplete;
  await widget.updateComplete;
  return code(widget);
}

/** A PNG of nothing, for a stubbed service: the widget shows whatever the service sends. */
const EMPTY_PNG = () => new Response(new Blob([new Uint8Array(8)], { type: 'image/png' }));

const GS1_DATA = '(01)09506000134352(17)201225(10)ABC1';

/** Whether the page has fetched the symbologies module (the TypeScript source here; qr-symbologies.[hash].js in the build). */
function symbologiesFetched(): boolean {
  return performance.getEntriesByType('resource').some((entry) => /\/symbologies\.\w+$/.test(new URL(entry.name).pathname));
}

describe('<qr-widget> Symbol: QR, Micro QR, rMQR (issue 13)', () => {
  // First in this file: the symbologies module is loaded once per page.
  it('makes QR codes without the symbologies module, and loads it when the Symbol field is reached or another symbology chosen', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="PART-0042" debounce="0"></qr-widget>`);
    await shown(widget);
    expect(code(widget).symbol!.symbology).to.equal('qr');
    expect(symbologiesFetched()).to.equal(false);
    // The capacity line is capacityOf's, in the module: it comes when the field is reached.
    expect(shadow(widget).querySelector('#symbology-capacity')!.textContent).to.equal('');
    select(widget, 'symbology').dispatchEvent(new Event('focus'));
    await waitUntil(() => shadow(widget).querySelector('#symbology-capacity')!.textContent !== '', 'the capacity line after the module arrives');
    expect(symbologiesFetched()).to.equal(true);
    expect(shadow(widget).querySelector('#symbology-capacity')!.textContent).to.equal('QR holds at most 5596 digits, 3391 characters A–Z 0–9 or 2331 bytes at ECL M.');
  });

  it('renders each symbology chosen in the Symbol field, which zxing reads back as that symbology', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="PART-0042" debounce="0"></qr-widget>`);
    const expected = { qr: ['QRCode', /^Preview made in your browser · version 1 · ECL M · 21×21 modules$/], micro: ['MicroQRCode', /· Micro QR M\d · ECL M · (\d+)×\1 modules$/], rmqr: ['RMQRCode', /· rMQR R\d+x\d+ · ECL M · \d+×\d+ modules$/] } as const;
    for (const [symbology, [format, words]] of Object.entries(expected)) {
      choose(widget, 'symbology', symbology);
      const preview = await shown(widget);
      expect(widget.symbology).to.equal(symbology);
      expect(preview.symbol!.symbology).to.equal(symbology);
      expect(preview.svg).to.equal(toPlainSVG(encode('PART-0042', { symbology: symbology as 'qr', ecl: 'M' })));
      expect(caption(widget)).to.match(words);
      expect(await readSvg(preview.svg!, 800), symbology).to.include({ text: 'PART-0042', format });
    }
  });

  it('says beside the Symbol field what the largest symbol holds at the ECL shown', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget ecl="L" debounce="0"></qr-widget>`);
    choose(widget, 'symbology', 'micro');
    await shown(widget);
    expect(shadow(widget).querySelector('#symbology-capacity')!.textContent).to.equal('Micro QR holds at most 35 digits, 21 characters A–Z 0–9 or 15 bytes at ECL L.');
    choose(widget, 'ecl', 'M');
    await shown(widget);
    expect(shadow(widget).querySelector('#symbology-capacity')!.textContent).to.match(/^Micro QR holds at most \d+ digits, .* at ECL M\.$/);
  });

  it('draws rMQR wide and short in the preview: the CSS forces no square', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="https://example.com/a-label-on-a-cable" symbology="rmqr" debounce="0"></qr-widget>`);
    const preview = await shown(widget);
    const symbol = preview.symbol!;
    expect(symbol.width).to.be.greaterThan(2 * symbol.height);
    const box = preview.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(2 * box.height);
    expect(box.height / box.width).to.be.closeTo((symbol.height + 4) / (symbol.width + 4), 0.02);
    expect(preview.getBoundingClientRect().height).to.be.closeTo(box.height, 1);
  });

  it('max height bounds the rMQR symbol, and shows only with rMQR', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="CABLE-0042-A" debounce="0"></qr-widget>`);
    await shown(widget);
    expect(select(widget, 'maxHeight')).to.equal(null);
    choose(widget, 'symbology', 'rmqr');
    await shown(widget);
    choose(widget, 'maxHeight', '7');
    const preview = await shown(widget);
    expect(widget.maxHeight).to.equal(7);
    expect(preview.symbol!.height).to.equal(7);
    expect(await readSvg(preview.svg!, 900)).to.include({ text: 'CABLE-0042-A', format: 'RMQRCode' });
  });

  it('offers the ECLs each symbology has; H moves to Micro QR\'s Q with a note, and back with QR', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="12345678" ecl="H" debounce="0"></qr-widget>`);
    await shown(widget);
    expect(eclLevels(widget)).to.deep.equal(['L', 'M', 'Q', 'H']);
    choose(widget, 'symbology', 'micro');
    let preview = await shown(widget);
    expect(eclLevels(widget)).to.deep.equal(['L', 'M', 'Q']);
    expect(widget.ecl).to.equal('Q');
    expect(select(widget, 'ecl').value).to.equal('Q');
    expect(preview.symbol!.ecl).to.equal('Q');
    expect(eclNote(widget)).to.equal('Switched from H to Q: Micro QR has no ECL H; choosing QR or rMQR puts H back.');
    expect(select(widget, 'ecl').getAttribute('aria-describedby')).to.equal('ecl-note');
    choose(widget, 'symbology', 'rmqr');
    preview = await shown(widget);
    expect(eclLevels(widget)).to.deep.equal(['M', 'H']);
    expect(widget.ecl).to.equal('H');
    expect(eclNote(widget)).to.equal(null);
    choose(widget, 'symbology', 'micro');
    await shown(widget);
    choose(widget, 'symbology', 'qr');
    preview = await shown(widget);
    expect(widget.ecl).to.equal('H');
    expect(preview.symbol!.ecl).to.equal('H');
    expect(eclNote(widget)).to.equal(null);
  });

  it('an ECL chosen after the switch stands', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="12345678" ecl="L" debounce="0"></qr-widget>`);
    choose(widget, 'symbology', 'rmqr');
    await shown(widget);
    expect(widget.ecl).to.equal('M');
    expect(eclNote(widget)).to.match(/^Switched from L to M: rMQR has no ECL L; choosing QR or Micro QR puts L back\.$/);
    choose(widget, 'ecl', 'H');
    await shown(widget);
    expect(eclNote(widget)).to.equal(null);
    choose(widget, 'symbology', 'qr');
    await shown(widget);
    expect(widget.ecl).to.equal('H');
  });

  it('GS1: the toggle explains the bracketed form, encodes GS1 (]Q3), and shows the encoder\'s words for a bad element string', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value=${GS1_DATA} debounce="0"></qr-widget>`);
    await shown(widget);
    expect(shadow(widget).querySelector('#gs1-hint')!.textContent).to.equal('(01)09506000134352(17)201225(10)ABC1: application identifiers in brackets, each followed by its value.');
    toggleGs1(widget, true);
    let preview = await shown(widget);
    expect(widget.gs1).to.equal(true);
    expect(await readSvg(preview.svg!)).to.deep.equal({ text: GS1_DATA, format: 'QRCode', symbologyIdentifier: ']Q3' });

    const refused = oneEvent(widget, 'qr-error');
    widget.value = '(01)09506000134353(17)201225';
    const { detail } = (await refused) as CustomEvent<QrErrorDetail>;
    await shown(widget);
    expect(detail.code).to.equal('INVALID_DATA');
    expect(detail.message).to.contain('(01)');
    expect(statusText(widget)).to.equal(detail.message);
    expect(shadow(widget).querySelector('[part="status"]')!.getAttribute('data-kind')).to.equal('error');

    choose(widget, 'symbology', 'rmqr');
    widget.value = GS1_DATA;
    preview = await shown(widget);
    await waitUntil(() => preview.symbol?.symbology === 'rmqr', 'the rMQR symbol is shown');
    expect(statusText(widget)).to.equal('');
    expect(await readSvg(preview.svg!, 900)).to.deep.equal({ text: GS1_DATA, format: 'RMQRCode', symbologyIdentifier: ']Q3' });
  });

  it('GS1 is off with Micro QR, which has no FNC1 mode, and says why', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="12345" gs1 debounce="0"></qr-widget>`);
    choose(widget, 'symbology', 'micro');
    const preview = await shown(widget);
    const box = shadow(widget).querySelector<HTMLInputElement>('#gs1')!;
    expect(box.disabled).to.equal(true);
    expect(box.checked).to.equal(false);
    expect(shadow(widget).querySelector('#gs1-hint')!.textContent).to.equal('Micro QR has no FNC1 mode, so it holds no GS1 data.');
    // The preview is a Micro QR symbol of the text (no GS1), not a refusal.
    expect(preview.symbol!.symbology).to.equal('micro');
    expect(statusText(widget)).to.equal('');
  });

  it('disables the logo and the shapes qr-core does not draw on the symbology, with the reason, and draws what it does', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="PART-0042" finder-shape="circle" module-shape="rounded" debounce="0"></qr-widget>`);
    choose(widget, 'symbology', 'micro');
    let preview = await shown(widget);
    const logoGroup = shadow(widget).querySelector<HTMLFieldSetElement>('#logo')!.closest('fieldset')!;
    expect(logoGroup.disabled).to.equal(true);
    expect(shadow(widget).querySelector('#logo-unavailable')!.textContent).to.match(/^Micro QR takes no logo/);
    const finder = (value: string) => shadow(widget).querySelector<HTMLInputElement>(`input[name="finderShape"][value="${value}"]`)!;
    const module = (value: string) => shadow(widget).querySelector<HTMLInputElement>(`input[name="moduleShape"][value="${value}"]`)!;
    expect(['square', 'rounded', 'circle'].map((shape) => finder(shape).disabled)).to.deep.equal([false, true, true]);
    expect(finder('square').checked).to.equal(true);
    expect(shadow(widget).querySelector('#finderShape-unavailable')!.textContent).to.match(/^Micro QR symbols are found by their one finder pattern/);
    expect(finder('circle').getAttribute('aria-describedby')).to.contain('finderShape-unavailable');
    expect(module('rounded').disabled).to.equal(false);
    expect(await readSvg(preview.svg!)).to.include({ text: 'PART-0042', format: 'MicroQRCode' });

    choose(widget, 'symbology', 'rmqr');
    preview = await shown(widget);
    expect(['square', 'rounded', 'dots'].map((shape) => module(shape).disabled)).to.deep.equal([false, true, false]);
    expect(module('square').checked).to.equal(true);
    expect(await readSvg(preview.svg!, 900)).to.include({ text: 'PART-0042', format: 'RMQRCode' });

    // The choices stand for QR.
    choose(widget, 'symbology', 'qr');
    await shown(widget);
    expect([widget.finderShape, widget.moduleShape]).to.deep.equal(['circle', 'rounded']);
    expect(finder('circle').checked).to.equal(true);
    expect(logoGroup.isConnected && shadow(widget).querySelector<HTMLInputElement>('#logo')!.closest('fieldset')!.disabled).to.equal(false);
  });

  it('passes an axe audit with Micro QR chosen: the disabled groups and their reasons', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="PART-0042" symbology="micro" ecl="H" debounce="0"></qr-widget>`);
    await shown(widget);
    expect(eclNote(widget)).to.match(/^Switched from H to Q/);
    await expect(widget).to.be.accessible();
  });

  it('downloads the symbology chosen, made in the browser, PNG and SVG', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="PART-0042" symbology="micro" debounce="0"></qr-widget>`);
    const symbol = (await shown(widget)).symbol!;
    const [png, svg] = await catchDownloads(async () => {
      labelled(widget, 'Download PNG').click();
      await waitUntil(() => statusText(widget) === 'PNG saved.', 'the PNG is saved');
      labelled(widget, 'Download SVG').click();
      await waitUntil(() => statusText(widget) === 'SVG saved.', 'the SVG is saved');
    });
    const image = await png!.blob;
    const bitmap = await createImageBitmap(image);
    // Scale 10, the Micro QR quiet zone of 2 modules each side.
    expect([bitmap.width, bitmap.height]).to.deep.equal([(symbol.width + 4) * 10, (symbol.height + 4) * 10]);
    expect(await readImage(image)).to.include({ text: 'PART-0042', format: 'MicroQRCode' });
    expect(await readSvg(await (await svg!.blob).text())).to.include({ text: 'PART-0042', format: 'MicroQRCode' });

    widget.symbology = 'rmqr';
    const rmqr = (await shown(widget)).symbol!;
    const [wide] = await catchDownloads(async () => {
      labelled(widget, 'Download PNG').click();
      await waitUntil(() => statusText(widget) === 'PNG saved.', 'the PNG is saved');
    });
    const wideBitmap = await createImageBitmap(await wide!.blob);
    expect([wideBitmap.width, wideBitmap.height]).to.deep.equal([(rmqr.width + 4) * 10, (rmqr.height + 4) * 10]);
    expect(await readImage(await wide!.blob)).to.include({ text: 'PART-0042', format: 'RMQRCode' });
  });
});

describe('<qr-widget> Symbol with a QR service', () => {
  it('asks for a QR code as before, and sends symbology, gs1 and maxHeight when chosen', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget backend-url="https://api.example.com" value=${GS1_DATA} debounce="0"></qr-widget>`);
    const requests = await catchRequests(EMPTY_PNG, async () => {
      await widget.generate();
      choose(widget, 'symbology', 'rmqr');
      toggleGs1(widget, true);
      await shown(widget);
      choose(widget, 'maxHeight', '9');
      await shown(widget);
      await widget.generate();
      choose(widget, 'symbology', 'micro');
      widget.value = 'PART-0042';
      await shown(widget);
      await widget.generate();
    });
    const bodies = await Promise.all(requests.map((request) => request.json()));
    const plain = { data: GS1_DATA, format: 'png', ecl: 'M', scale: 10, margin: 4, dark: '#000000', light: '#ffffff' };
    expect(bodies).to.deep.equal([
      plain,
      { data: GS1_DATA, format: 'png', symbology: 'rmqr', gs1: true, maxHeight: 9, ecl: 'M', scale: 10, dark: '#000000', light: '#ffffff' },
      // GS1 is off with Micro QR, and maxHeight is rMQR's.
      { data: 'PART-0042', format: 'png', symbology: 'micro', ecl: 'M', scale: 10, dark: '#000000', light: '#ffffff' },
    ]);
  });

  it('copies a link with the symbology in its query', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget backend-url="https://api.example.com" value=${GS1_DATA} symbology="rmqr" gs1 max-height="11" ecl="H"></qr-widget>`);
    await shown(widget);
    const copied: string[] = [];
    await withClipboard({ writeText: async (text: string) => void copied.push(text) }, async () => {
      labelled(widget, 'Copy link').click();
      await waitUntil(() => copied.length === 1);
    });
    const query = new URL(copied[0]!).searchParams;
    expect(Object.fromEntries(query)).to.deep.equal({ data: GS1_DATA, format: 'png', symbology: 'rmqr', gs1: 'true', maxHeight: '11', ecl: 'H', scale: '10', dark: '#000000', light: '#ffffff' });
  });
});
