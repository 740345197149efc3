import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { encode, logoCorrectionUse, maxLogoSize } from 'qr-core';
import { describeFit, fitLogo, renderLogoSize } from './logo-size.js';

async function sizeControl(...args: Parameters<typeof renderLogoSize>): Promise<HTMLElement> {
  const container = await fixture<HTMLElement>(html`<div></div>`);
  render(renderLogoSize(...args), container);
  return container;
}

describe('logo size', () => {
  const symbol = encode('https://example.com/size', { ecl: 'H' });
  const largest = maxLogoSize(symbol);

  it("fits the size asked for to qr-core's maxLogoSize, and reads logoCorrectionUse for what is drawn", () => {
    expect(fitLogo(undefined, 0.2)).to.equal(undefined);
    expect(fitLogo(symbol, largest / 2)).to.deep.equal({ max: largest, size: largest / 2, use: logoCorrectionUse(symbol, { size: largest / 2 }) });
    expect(fitLogo(symbol, 0.9)).to.deep.equal({ max: largest, size: largest, use: logoCorrectionUse(symbol, { size: largest }) });
    expect(fitLogo(symbol, 0.9)!.use).to.be.at.most(0.5);
    expect(fitLogo(encode('hi', { ecl: 'L' }), 0.2)).to.deep.equal({ max: 0, size: 0.2, use: undefined });
  });

  it('says what the logo costs, or why none fits and what would make room', () => {
    expect(describeFit({ max: 0.3, size: 0.2, use: 0.4138 }, 'H')).to.equal('The logo uses 41 % of what this code can repair; it scans.');
    expect(describeFit({ max: 0, size: 0.2, use: undefined }, 'M')).to.match(/^No logo fits this code at ECL M: .* Error correction H, or a longer text, makes room for one\.$/);
    expect(describeFit({ max: 0, size: 0.2, use: undefined }, 'H')).to.match(/ECL H: .* A longer text makes a larger code, with room for one\.$/);
    expect(describeFit(undefined, 'H')).to.equal('');
  });

  it('is a labelled slider whose top is the largest logo, in steps of one percent from there down', async () => {
    const container = await sizeControl(fitLogo(symbol, 0.9), 0.9, 'H', () => {});
    const slider = container.querySelector<HTMLInputElement>('input[type="range"]')!;
    expect(container.querySelector('label[for="logoSize"]')!.textContent).to.equal('Logo size');
    expect(Number(slider.max)).to.be.closeTo(largest, 1e-6);
    expect(Number(slider.value), 'at the top').to.equal(Number(slider.max));
    expect(slider.step).to.equal('0.01');
    expect(Number(slider.min)).to.be.above(0).and.at.most(0.01);
    slider.stepDown();
    expect(Number(slider.value)).to.be.closeTo(Number(slider.max) - 0.01, 1e-9);
    expect(container.querySelector('output')!.textContent).to.equal(`${Math.round(largest * 100)} %`);
  });

  it('hands on the size as the slider moves, and is disabled where no logo fits', async () => {
    const sizes: number[] = [];
    const container = await sizeControl(fitLogo(symbol, 0.1), 0.1, 'H', (size) => sizes.push(size));
    const slider = container.querySelector<HTMLInputElement>('input[type="range"]')!;
    slider.stepUp();
    slider.dispatchEvent(new Event('input'));
    expect(sizes).to.have.length(1);
    expect(sizes[0]).to.be.closeTo(Number(slider.value), 1e-12);
    const none = await sizeControl(fitLogo(encode('hi', { ecl: 'L' }), 0.2), 0.2, 'L', () => {});
    expect(none.querySelector<HTMLInputElement>('input[type="range"]')!.disabled).to.equal(true);
  });
});
