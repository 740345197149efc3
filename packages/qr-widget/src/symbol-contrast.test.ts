import { expect } from '@open-wc/testing';
import { contrastWarning, relativeLuminance } from './symbol-contrast.js';

describe('symbol contrast', () => {
  it('computes sRGB relative luminance', () => {
    expect(relativeLuminance({ r: 0, g: 0, b: 0, a: 255 })).to.equal(0);
    expect(relativeLuminance({ r: 255, g: 255, b: 255, a: 255 })).to.be.closeTo(1, 1e-9);
    // WCAG's reference value for #777777 is about 0.184.
    expect(relativeLuminance({ r: 0x77, g: 0x77, b: 0x77, a: 255 })).to.be.closeTo(0.184, 0.001);
  });

  it('accepts black on white and dark blue on pale yellow', () => {
    expect(contrastWarning('#000000', '#ffffff')).to.equal(undefined);
    expect(contrastWarning('#0a3d62', '#fffbe6')).to.equal(undefined);
  });

  it('warns about colours too close to scan, and about reversed codes', () => {
    expect(contrastWarning('#777777', '#999999')).to.match(/differ by \d+ % in luminance/);
    expect(contrastWarning('#ffffff', '#000000')).to.match(/lighter than the light one/);
  });

  it('leaves invalid and transparent colours to qr-core', () => {
    expect(contrastWarning('red', '#ffffff')).to.equal(undefined);
    expect(contrastWarning('#000000', 'transparent')).to.equal(undefined);
  });

  it('judges the finder colour on the light one too, after the dark colour', () => {
    expect(contrastWarning('#000000', '#ffffff', '#1a237e')).to.equal(undefined);
    expect(contrastWarning('#000000', '#ffffff', '')).to.equal(undefined);
    expect(contrastWarning('#000000', '#ffffff', '#dddddd')).to.match(/^The finder and light colours differ by \d+ % in luminance/);
    expect(contrastWarning('#000000', '#cccccc', '#ffffff')).to.match(/^The finder colour is lighter than the light one/);
    expect(contrastWarning('#777777', '#999999', '#000000')).to.match(/^These colours differ by/);
    expect(contrastWarning('#000000', '#ffffff', 'navy')).to.equal(undefined);
  });
});
