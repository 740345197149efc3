import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { FINDER_SHAPES, MODULE_SHAPES, toSVG, type DrawingOptions } from 'qr-core';
import type { QrErrorDetail } from '../../events.js';
import { decodeImage, decodeSvg } from '../../test-support/decode.js';
import { catchDownloads, catchRequests, withClipboard } from '../../test-support/stand-ins.js';
import type { QrCode } from '../qr-code/qr-code.component.js';
import type { QrWidget } from './qr-widget.component.js';
import './qr-widget.js';

const shadow = (widget: QrWidget) => widget.shadowRoot!;
const code = (widget: QrWidget): QrCode => shadow(widget).querySelector('qr-code')!;
const radio = (widget: QrWidget, name: string, value: string) => shadow(widget).querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
const labelled = (widget: QrWidget, label: string) =>
  [...shadow(widget).querySelectorAll('button')].find((candidate) => candidate.textContent!.trim() === label)!;

/** Picks a colour in the finder colour field the way a person does. */
function pickFinderColour(widget: QrWidget, colour: string): void {
  const field = shadow(widget).querySelector<HTMLInputElement>('#finderColor')!;
  field.value = colour;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The preview, once the widget and it have rendered. */
async function shown(widget: QrWidget): Promise<QrCode> {
  await widget.updateComplete;
  await code(widget).updateComplete;
  return code(widget);
}

/** A PNG of nothing, for a stubbed service: the widget shows whatever the service sends. */
const EMPTY_PNG = () => new Response(new Blob([new Uint8Array(8)], { type: 'image/png' }));

describe('<qr-widget> styles', () => {
  it('changes the preview with each choice of the radio groups, and every style reads', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="https://example.com/style" debounce="0"></qr-widget>`);
    const symbol = (await shown(widget)).symbol;
    for (const moduleShape of MODULE_SHAPES) {
      for (const finderShape of FINDER_SHAPES) {
        radio(widget, 'moduleShape', moduleShape).click();
        radio(widget, 'finderShape', finderShape).click();
        const preview = await shown(widget);
        expect([widget.moduleShape, widget.finderShape]).to.deep.equal([moduleShape, finderShape]);
        expect(preview.symbol, 'redrawn, not re-encoded').to.equal(symbol);
        expect(preview.svg).to.equal(toSVG(symbol!, { moduleShape, finderShape }));
        expect(await decodeSvg(preview.svg!), `${moduleShape} ${finderShape}`).to.equal('https://example.com/style');
      }
    }
  });

  it('paints the finders in the dark colour until a finder colour is picked', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="finders" dark="#0a3d62" debounce="0"></qr-widget>`);
    const field = shadow(widget).querySelector<HTMLInputElement>('#finderColor')!;
    expect(field.value).to.equal('#0a3d62');
    expect(field.getAttribute('aria-describedby')).to.equal('contrast-warning');
    pickFinderColour(widget, '#b91c1c');
    expect((await shown(widget)).svg).to.equal(toSVG((await shown(widget)).symbol!, { dark: '#0a3d62', finderColor: '#b91c1c' }));
    widget.dark = '#1a237e';
    expect((await shown(widget)).svg).to.contain('#b91c1c');
    expect(field.value).to.equal('#b91c1c');
  });

  it('warns when the finder colour is too close to the light one', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="pale finders"></qr-widget>`);
    pickFinderColour(widget, '#e0e0e0');
    await widget.updateComplete;
    expect(shadow(widget).querySelector('[part="contrast-warning"]')!.textContent).to.match(/^The finder and light colours differ by/);
  });

  it('follows the module-shape, finder-shape and finder-color attributes, and says why a bad one is refused', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="attributes" module-shape="rounded" finder-shape="circle" finder-color="#1a237e"></qr-widget>`);
    expect((await shown(widget)).svg).to.equal(toSVG((await shown(widget)).symbol!, { moduleShape: 'rounded', finderShape: 'circle', finderColor: '#1a237e' }));
    expect(radio(widget, 'finderShape', 'circle').checked).to.equal(true);
    const failed = oneEvent(widget, 'qr-error');
    widget.setAttribute('module-shape', 'hex');
    const { detail } = (await failed) as CustomEvent<QrErrorDetail>;
    await widget.updateComplete;
    expect(detail.code).to.equal('INVALID_OPTION');
    expect(shadow(widget).querySelector('[part="status"]')!.textContent).to.equal(detail.message);
  });

  it('is usable from the keyboard: arrows choose within a group, Tab moves between them', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="keys" debounce="0"></qr-widget>`);
    await shown(widget);
    labelled(widget, 'Copy image').focus();
    const stops: string[] = [];
    for (let step = 0; step < 3; step++) {
      await sendKeys({ press: 'Tab' });
      const active = shadow(widget).activeElement as HTMLInputElement;
      stops.push(`${active.name}:${active.type === 'radio' ? active.value : active.type}`);
      expect(getComputedStyle(active).outlineStyle).to.equal('solid');
    }
    expect(stops).to.deep.equal(['moduleShape:square', 'finderShape:square', 'finderColor:color']);
    radio(widget, 'moduleShape', 'square').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    expect((await shown(widget)).svg).to.equal(toSVG(code(widget).symbol!, { moduleShape: 'dots', finderShape: 'rounded' }));
    expect(radio(widget, 'finderShape', 'rounded').checked).to.equal(true);
  });

  it('puts the style in Download SVG and in the PNG drawn from it', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value="styled download" debounce="0"></qr-widget>`);
    const style: DrawingOptions = { moduleShape: 'dots', finderShape: 'rounded', finderColor: '#b91c1c' };
    radio(widget, 'moduleShape', 'dots').click();
    radio(widget, 'finderShape', 'rounded').click();
    pickFinderColour(widget, '#b91c1c');
    const status = () => shadow(widget).querySelector('[part="status"]')!.textContent;
    const downloads = await catchDownloads(async () => {
      labelled(widget, 'Download SVG').click();
      await waitUntil(() => status() === 'SVG saved.', 'the SVG was saved', { timeout: 5000 });
      labelled(widget, 'Download PNG').click();
      await waitUntil(() => status() === 'PNG saved.', 'the PNG was saved', { timeout: 5000 });
    });
    const [svg, png] = await Promise.all(downloads.map((download) => download.blob));
    expect(await svg!.text()).to.equal(toSVG(code(widget).symbol!, style));
    expect(await decodeSvg(await svg!.text())).to.equal('styled download');
    expect(await decodeImage(png!)).to.equal('styled download');
    // The centre of the top-left finder (modules 2..4 inside the quiet zone of 4, 10 px each) is in the finder colour.
    const canvas = Object.assign(document.createElement('canvas'), { width: 100, height: 100 });
    canvas.getContext('2d')!.drawImage(await createImageBitmap(png!), 0, 0);
    expect([...canvas.getContext('2d')!.getImageData(75, 75, 1, 1).data]).to.deep.equal([0xb9, 0x1c, 0x1c, 255]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes an axe audit with a style chosen, in the ${colorScheme} colour scheme`, async () => {
      await emulateMedia({ colorScheme });
      const widget = await fixture<QrWidget>(html`<qr-widget value="https://example.com" backend-url="" finder-shape="circle" module-shape="dots"></qr-widget>`);
      await shown(widget);
      await expect(widget).to.be.accessible();
      await emulateMedia({ colorScheme: 'light' });
    });
  }
});

describe('<qr-widget> styles with a QR service', () => {
  it('asks for a plain code as before, and adds the style fields only when chosen', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget backend-url="https://api.example.com" value="asked" debounce="0"></qr-widget>`);
    const requests = await catchRequests(EMPTY_PNG, async () => {
      await widget.generate();
      widget.moduleShape = 'rounded';
      pickFinderColour(widget, '#1a237e');
      await widget.generate();
    });
    const bodies = await Promise.all(requests.map((request) => request.json()));
    const plain = { data: 'asked', format: 'png', ecl: 'M', scale: 10, margin: 4, dark: '#000000', light: '#ffffff' };
    expect(bodies).to.deep.equal([plain, { ...plain, moduleShape: 'rounded', finderColor: '#1a237e' }]);
  });

  it('copies a link with the style in its query', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget backend-url="https://api.example.com" value="linked" finder-shape="rounded"></qr-widget>`);
    await shown(widget);
    const copied: string[] = [];
    await withClipboard({ writeText: async (text: string) => void copied.push(text) }, async () => {
      labelled(widget, 'Copy link').click();
      await waitUntil(() => copied.length === 1);
    });
    const query = new URL(copied[0]!).searchParams;
    expect(query.get('finderShape')).to.equal('rounded');
    expect(query.has('moduleShape')).to.equal(false);
    expect(query.has('finderColor')).to.equal(false);
  });
});
