import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { encode, logoCorrectionUse, maxLogoSize, MAX_LOGO_BYTES, readLogo, toSVG, type QrSymbol } from 'qr-core';
import { decodeImage, decodeSvg } from '../../test-support/decode.js';
import { catchDownloads, catchRequests, withClipboard } from '../../test-support/stand-ins.js';
import { canvasLogo, chooseFile, dropFile, GIF_BYTES, logoFile, pixelOf, SVG_LOGO } from '../../test-support/logos.js';
import type { QrCode } from '../qr-code/qr-code.component.js';
import type { QrWidget } from './qr-widget.component.js';
import './qr-widget.js';

const TEXT = 'https://example.com/a-code-with-a-logo';

const shadow = (widget: QrWidget) => widget.shadowRoot!;
const code = (widget: QrWidget): QrCode => shadow(widget).querySelector('qr-code')!;
const logoInput = (widget: QrWidget) => shadow(widget).querySelector<HTMLInputElement>('#logo')!;
const eclSelect = (widget: QrWidget) => shadow(widget).querySelector<HTMLSelectElement>('#ecl')!;
const slider = (widget: QrWidget) => shadow(widget).querySelector<HTMLInputElement>('#logoSize')!;
const budgetLine = (widget: QrWidget) => shadow(widget).querySelector('#logo-budget')!.textContent!;
const statusText = (widget: QrWidget) => shadow(widget).querySelector('[part="status"]')!.textContent!;
const button = (widget: QrWidget, label: string) =>
  [...shadow(widget).querySelectorAll('button')].find((candidate) => candidate.textContent!.trim() === label)!;

/** The preview, once the widget and it have rendered. */
async function shown(widget: QrWidget): Promise<QrCode> {
  await widget.updateComplete;
  await code(widget).updateComplete;
  return code(widget);
}

/** Chooses `file` in the logo picker, then waits for the widget to have read it and drawn it. */
async function pick(widget: QrWidget, file: File): Promise<void> {
  chooseFile(logoInput(widget), file);
  await waitUntil(() => shadow(widget).querySelector('.logo-on span')?.textContent === file.name, `${file.name} is on`);
  await shown(widget);
}

/** Sets the size slider as a drag of its thumb does: the value (which the browser keeps in range), then input. */
function slide(widget: QrWidget, value: number): void {
  slider(widget).value = String(value);
  slider(widget).dispatchEvent(new Event('input', { bubbles: true }));
}

/** Texts whose codes at ECL H are two versions with different largest logos, the second smaller. */
function shrinkingPair(): [string, string] {
  const texts = Array.from({ length: 120 }, (_, n) => `https://example.com/${'x'.repeat(n)}`);
  for (let i = 0; i + 1 < texts.length; i++) {
    const [a, b] = [encode(texts[i]!, { ecl: 'H' }), encode(texts[i + 1]!, { ecl: 'H' })];
    if (maxLogoSize(b) < maxLogoSize(a) - 0.03) return [texts[i]!, texts[i + 1]!];
  }
  throw new Error('no two texts of shrinking logo room');
}

const PNG_LOGO = async () => logoFile(await canvasLogo('image/png'), 'brand.png', 'image/png');

describe('<qr-widget> logo', () => {
  it('puts a logo chosen in the file input on the preview, switches ECL to H and says so, and Remove undoes both', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value=${TEXT} debounce="0"></qr-widget>`);
    expect(shadow(widget).querySelector('#logoSize'), 'no size control without a logo').to.equal(null);
    const file = await PNG_LOGO();
    await pick(widget, file);

    expect(widget.ecl).to.equal('H');
    expect(eclSelect(widget).value).to.equal('H');
    const note = shadow(widget).querySelector('#ecl-note')!;
    expect(note.textContent).to.equal('Switched from M to H for the logo, which hides part of the code; removing the logo puts M back.');
    expect(eclSelect(widget).getAttribute('aria-describedby')).to.equal('ecl-note');

    const preview = await shown(widget);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const symbol = encode(TEXT, { ecl: 'H' });
    expect(preview.svg).to.equal(toSVG(symbol, { logo: { image: bytes, size: Math.min(0.25, maxLogoSize(symbol)) } }));
    expect(preview.shadowRoot!.querySelectorAll('svg image')).to.have.length(1);
    expect(await decodeSvg(preview.svg!)).to.equal(TEXT);
    const thumbnail = shadow(widget).querySelector<HTMLImageElement>('.logo-on img')!;
    expect(readLogo(thumbnail.src).bytes).to.deep.equal(bytes);

    button(widget, 'Remove logo').click();
    await shown(widget);
    expect(widget.ecl).to.equal('M');
    expect(eclSelect(widget).value).to.equal('M');
    expect(shadow(widget).querySelector('#ecl-note')).to.equal(null);
    expect(shadow(widget).querySelector('.logo-on')).to.equal(null);
    expect(code(widget).svg).to.equal(toSVG(encode(TEXT, { ecl: 'M' })));
    expect(logoInput(widget).value).to.equal('');
    expect(shadow(widget).activeElement, 'focus moves to the file input').to.equal(logoInput(widget));
  });

  it('takes a file dropped on the picker as a chosen one', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value=${TEXT} debounce="0"></qr-widget>`);
    const zone = shadow(widget).querySelector('.drop')!;
    const file = logoFile(SVG_LOGO, 'brand.svg', 'image/svg+xml');
    expect(dropFile(zone, file), 'the browser does not open the file instead').to.equal(true);
    await waitUntil(() => shadow(widget).querySelector('.logo-on'), 'the dropped logo is on');
    expect(logoInput(widget).files![0]!.name, 'the input names the dropped file').to.equal('brand.svg');
    const preview = await shown(widget);
    expect(preview.svg).to.contain('<image');
    expect(preview.svg).to.contain('data:image/svg+xml;base64,');
    expect(await decodeSvg(preview.svg!)).to.equal(TEXT);
  });

  it('keeps an ECL chosen after the switch when the logo goes, and switches nothing when the ECL is H already', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value=${TEXT} ecl="L" debounce="0"></qr-widget>`);
    await pick(widget, await PNG_LOGO());
    expect(widget.ecl).to.equal('H');
    const select = eclSelect(widget);
    select.value = 'Q';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await shown(widget);
    expect(shadow(widget).querySelector('#ecl-note'), 'the note goes with the switch').to.equal(null);
    button(widget, 'Remove logo').click();
    await shown(widget);
    expect(widget.ecl).to.equal('Q');

    const atH = await fixture<QrWidget>(html`<qr-widget value=${TEXT} ecl="H" debounce="0"></qr-widget>`);
    await pick(atH, await PNG_LOGO());
    expect(shadow(atH).querySelector('#ecl-note')).to.equal(null);
    button(atH, 'Remove logo').click();
    await shown(atH);
    expect(atH.ecl).to.equal('H');
  });

  it('refuses other files and files over MAX_LOGO_BYTES with a clear message, and keeps the logo it has', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value=${TEXT} debounce="0"></qr-widget>`);
    chooseFile(logoInput(widget), logoFile(GIF_BYTES, 'animation.gif', 'image/gif'));
    await waitUntil(() => statusText(widget) !== '', 'the refusal is said');
    expect(statusText(widget)).to.equal('animation.gif is not a PNG, JPEG, WebP or SVG image. Choose one of those.');
    expect(shadow(widget).querySelector('[part="status"]')!.getAttribute('data-kind')).to.equal('error');
    expect(logoInput(widget).value, 'the input names no refused file').to.equal('');
    expect(widget.ecl, 'no logo, no switch').to.equal('M');

    await pick(widget, await PNG_LOGO());
    expect(statusText(widget), 'a good file clears the refusal').to.equal('');
    chooseFile(logoInput(widget), logoFile(new Uint8Array(MAX_LOGO_BYTES + 1), 'huge.png', 'image/png'));
    await waitUntil(() => statusText(widget) !== '', 'the refusal is said');
    expect(statusText(widget)).to.equal('huge.png is 257 KiB; a logo may be at most 256 KiB. Choose a smaller file (fewer pixels, or an SVG).');
    expect(shadow(widget).querySelector('.logo-on span')!.textContent, 'the logo on stays').to.equal('brand.png');
    expect(logoInput(widget).accept).to.equal('image/png,image/jpeg,image/webp,image/svg+xml');
  });

  it('bounds the size control by maxLogoSize for the text and ECL, and draws a size beyond it at the largest', async () => {
    const [roomy, tight] = shrinkingPair();
    const widget = await fixture<QrWidget>(html`<qr-widget value=${roomy} debounce="0"></qr-widget>`);
    await pick(widget, await PNG_LOGO());
    const fits = (symbol: QrSymbol) => maxLogoSize(symbol);
    const roomySymbol = code(widget).symbol!;
    expect(Number(slider(widget).max)).to.be.closeTo(fits(roomySymbol), 1e-6);
    slide(widget, 1);
    await shown(widget);
    expect(widget.logoSize, 'the slider stops at the maximum').to.be.at.most(fits(roomySymbol));
    expect(widget.logoSize).to.be.closeTo(fits(roomySymbol), 1e-6);

    widget.value = tight;
    const preview = await shown(widget);
    await widget.updateComplete;
    const tightSymbol = preview.symbol!;
    expect(tightSymbol.version).to.be.above(roomySymbol.version);
    expect(Number(slider(widget).max), 'the maximum follows the text').to.be.closeTo(fits(tightSymbol), 1e-6);
    expect(shadow(widget).querySelector('output')!.textContent).to.equal(`${Math.round(fits(tightSymbol) * 100)} %`);
    const bytes = new Uint8Array(await (await PNG_LOGO()).arrayBuffer());
    expect(preview.svg, 'drawn at the largest this code can lose').to.equal(toSVG(tightSymbol, { logo: { image: bytes, size: fits(tightSymbol) } }));
    expect(await decodeSvg(preview.svg!)).to.equal(tight);

    widget.value = roomy;
    await shown(widget);
    await widget.updateComplete;
    expect(Number(slider(widget).value), 'the size asked for comes back where it fits').to.be.above(fits(tightSymbol));
  });

  it('starts a logo at logo-size, and at the default 0.25 for a logo-size qr-core does not take', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value=${TEXT} logo-size="0.1" debounce="0"></qr-widget>`);
    await pick(widget, await PNG_LOGO());
    const symbol = code(widget).symbol!;
    const bytes = readLogo(shadow(widget).querySelector<HTMLImageElement>('.logo-on img')!.src).bytes;
    expect(code(widget).svg).to.equal(toSVG(symbol, { logo: { image: bytes, size: 0.1 } }));
    widget.setAttribute('logo-size', 'big');
    await shown(widget);
    expect(code(widget).svg).to.equal(toSVG(symbol, { logo: { image: bytes, size: Math.min(0.25, maxLogoSize(symbol)) } }));
  });

  it('says how much of what the code can repair the logo uses, or why no logo fits', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value=${TEXT} debounce="0"></qr-widget>`);
    await pick(widget, await PNG_LOGO());
    slide(widget, 0.1);
    const symbol = (await shown(widget)).symbol!;
    await widget.updateComplete;
    expect(widget.logoSize).to.be.closeTo(0.1, 0.01);
    const use = Math.round(logoCorrectionUse(symbol, { size: widget.logoSize }) * 100);
    expect(budgetLine(widget)).to.equal(`The logo uses ${use} % of what this code can repair; it scans.`);
    expect(shadow(widget).querySelector('#logo-budget')!.getAttribute('role')).to.equal('status');
    expect(slider(widget).getAttribute('aria-describedby')).to.equal('logo-budget');
    expect(slider(widget).getAttribute('aria-valuetext')).to.equal(`${Math.round(widget.logoSize * 100)} % of the code's side`);

    // Version 1 at ECL L can lose no module at all.
    expect(maxLogoSize(encode('hi', { ecl: 'L' }))).to.equal(0);
    widget.value = 'hi';
    widget.ecl = 'L';
    await shown(widget);
    await widget.updateComplete;
    expect(budgetLine(widget)).to.equal(
      'No logo fits this code at ECL L: even the smallest would take more than half of what it can repair. Error correction H, or a longer text, makes room for one.',
    );
    expect(slider(widget).disabled).to.equal(true);
    expect(statusText(widget), "the preview's refusal, in qr-core's words").to.match(/^logo\.size [\d.]+ is too large for this symbol \(version 1 at ECL L/);
    expect(button(widget, 'Download PNG').disabled).to.equal(true);
  });

  it('puts the logo in Download SVG and in the PNG drawn from it', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value=${TEXT} debounce="0"></qr-widget>`);
    await pick(widget, await PNG_LOGO());
    const downloads = await catchDownloads(async () => {
      button(widget, 'Download SVG').click();
      await waitUntil(() => statusText(widget) === 'SVG saved.', 'the SVG was saved', { timeout: 5000 });
      button(widget, 'Download PNG').click();
      await waitUntil(() => statusText(widget) === 'PNG saved.', 'the PNG was saved', { timeout: 5000 });
    });
    const [svg, png] = await Promise.all(downloads.map((download) => download.blob));
    expect(await svg!.text()).to.equal(code(widget).svg);
    expect(await svg!.text()).to.contain('<image');
    expect(await decodeImage(png!)).to.equal(TEXT);
    const { width } = await createImageBitmap(png!);
    expect(await pixelOf(png!, width / 2, width / 2), "the PNG's centre is the logo's red").to.deep.equal([255, 0, 0, 255]);
  });

  it('is usable from the keyboard: the file input, Remove and the size slider in order, the slider by arrows', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget value=${TEXT} debounce="0"></qr-widget>`);
    await pick(widget, await PNG_LOGO());
    shadow(widget).querySelector<HTMLInputElement>('#finderColor')!.focus();
    const stops: string[] = [];
    for (let step = 0; step < 3; step++) {
      await sendKeys({ press: 'Tab' });
      const active = shadow(widget).activeElement as HTMLElement;
      stops.push(active.id || active.textContent!.trim());
      expect(getComputedStyle(active).outlineStyle, stops.at(-1)).to.equal('solid');
    }
    expect(stops).to.deep.equal(['logo', 'Remove logo', 'logoSize']);
    // The size asked for (0.25 by default) is more than this code can lose: the slider is at its top, the largest.
    const largest = maxLogoSize(code(widget).symbol!);
    expect(Number(slider(widget).value)).to.be.closeTo(largest, 1e-6);
    await sendKeys({ press: 'ArrowLeft' });
    await shown(widget);
    expect(widget.logoSize).to.be.closeTo(largest - 0.01, 1e-6);
    expect(code(widget).svg).to.equal(toSVG(code(widget).symbol!, { logo: { image: readLogo(shadow(widget).querySelector<HTMLImageElement>('.logo-on img')!.src).bytes, size: widget.logoSize } }));
    expect(shadow(widget).querySelector('label[for="logo"]')!.textContent).to.equal('Logo image');
    expect(shadow(widget).querySelector('label[for="logoSize"]')!.textContent).to.equal('Logo size');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes an axe audit with a logo on, in the ${colorScheme} colour scheme`, async () => {
      await emulateMedia({ colorScheme });
      const widget = await fixture<QrWidget>(html`<qr-widget value=${TEXT} backend-url="" debounce="0"></qr-widget>`);
      await pick(widget, await PNG_LOGO());
      await expect(widget).to.be.accessible();
      await emulateMedia({ colorScheme: 'light' });
    });
  }
});

describe('<qr-widget> logo with a QR service', () => {
  const EMPTY_PNG = () => new Response(new Blob([new Uint8Array(8)], { type: 'image/png' }));

  it('sends the logo as a data: URL, with the size the preview draws it at and ECL H', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget backend-url="https://api.example.com" value=${TEXT} debounce="0"></qr-widget>`);
    const file = await PNG_LOGO();
    await pick(widget, file);
    slide(widget, 0.2);
    const requests = await catchRequests(EMPTY_PNG, () => widget.generate());
    const [body] = await Promise.all(requests.map((request) => request.json()));
    const size = Math.min(0.2, maxLogoSize(code(widget).symbol!));
    expect(body).to.include({ data: TEXT, format: 'png', ecl: 'H' });
    expect(body.logoSize).to.be.closeTo(size, 1e-6);
    expect(readLogo(body.logo).bytes).to.deep.equal(new Uint8Array(await file.arrayBuffer()));
    expect(statusText(widget)).to.equal('QR code ready, made by the QR service.');
  });

  it('gets a PNG with the logo from the real QR service, which zxing reads', async () => {
    const { url } = await executeServerCommand<{ url: string }, undefined>('qr-server');
    const widget = await fixture<QrWidget>(html`<qr-widget backend-url=${url} value=${TEXT} debounce="0"></qr-widget>`);
    await pick(widget, await PNG_LOGO());
    await widget.generate();
    await widget.updateComplete;
    expect(statusText(widget)).to.equal('QR code ready, made by the QR service.');
    const image = shadow(widget).querySelector<HTMLImageElement>('[part="image"]')!;
    const png = await (await fetch(image.src)).blob();
    expect(await decodeImage(png)).to.equal(TEXT);
    const { width } = await createImageBitmap(png);
    expect(await pixelOf(png, width / 2, width / 2), "the service's PNG has the logo in its centre").to.deep.equal([255, 0, 0, 255]);
  });

  it('makes the PNG in the browser for a logo the service cannot put in a PNG, and says why', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget backend-url="https://api.example.com" value=${TEXT} debounce="0"></qr-widget>`);
    await pick(widget, logoFile(SVG_LOGO, 'brand.svg'));
    const requests = await catchRequests(EMPTY_PNG, async () => {
      await widget.generate();
      await widget.updateComplete;
      expect(statusText(widget)).to.equal('QR code ready, made in your browser: the QR service puts only PNG logos in its PNGs.');
      const [png] = await catchDownloads(async () => {
        button(widget, 'Download PNG').click();
        await waitUntil(() => statusText(widget) === 'PNG saved.', 'the PNG was saved', { timeout: 5000 });
      });
      expect(await decodeImage(await png!.blob)).to.equal(TEXT);
    });
    expect(requests).to.have.length(0);
  });

  it('says that a link cannot carry the logo', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget backend-url="https://api.example.com" value=${TEXT} debounce="0"></qr-widget>`);
    await pick(widget, await PNG_LOGO());
    const copied: string[] = [];
    await withClipboard({ writeText: async (text: string) => void copied.push(text) }, async () => {
      button(widget, 'Copy link').click();
      await waitUntil(() => statusText(widget) !== '', 'the line says why');
    });
    expect(copied).to.have.length(0);
    expect(statusText(widget)).to.equal('A link cannot carry the logo (the QR service takes logos in the request body only): download the image instead.');
  });
});
