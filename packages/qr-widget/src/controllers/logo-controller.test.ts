import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { Ecl } from 'qr-core';
import { LogoRefusal } from '../logo-file.js';
import { canvasLogo, GIF_BYTES, logoFile, SVG_LOGO } from '../test-support/logos.js';
import { LogoController } from './logo-controller.js';

/** A host with an ECL, as `<qr-widget>` has. */
class LogoHostElement extends LitElement {
  static override properties = { ecl: {} };
  ecl: Ecl = 'M';
  changes = 0;
  readonly logos = new LogoController(this, () => this.changes++);
}
customElements.define('logo-controller-test-host', LogoHostElement);

async function host(ecl: Ecl = 'M'): Promise<LogoHostElement> {
  const element = await fixture<LogoHostElement>(html`<logo-controller-test-host></logo-controller-test-host>`);
  element.ecl = ecl;
  await element.updateComplete;
  return element;
}

describe('LogoController', () => {
  it('switches the ECL to H for the first logo, keeps it for the next, and puts it back when the logo goes', async () => {
    const element = await host('Q');
    expect(await element.logos.pick(logoFile(SVG_LOGO, 'one.svg'))).to.equal(true);
    expect([element.ecl, element.logos.eclBeforeLogo, element.logos.logo?.name]).to.deep.equal(['H', 'Q', 'one.svg']);
    expect(await element.logos.pick(logoFile(await canvasLogo('image/png'), 'two.png'))).to.equal(true);
    expect([element.ecl, element.logos.eclBeforeLogo, element.logos.logo?.name]).to.deep.equal(['H', 'Q', 'two.png']);
    element.logos.remove();
    expect([element.ecl, element.logos.eclBeforeLogo, element.logos.logo]).to.deep.equal(['Q', undefined, undefined]);
    expect(element.changes).to.equal(3);
  });

  it('leaves an ECL chosen after the switch alone', async () => {
    const element = await host('L');
    await element.logos.pick(logoFile(SVG_LOGO, 'logo.svg'));
    element.ecl = 'M';
    await element.updateComplete;
    expect(element.logos.eclBeforeLogo).to.equal(undefined);
    element.ecl = 'H'; // chosen again by hand: still nothing to put back
    await element.updateComplete;
    element.logos.remove();
    expect(element.ecl).to.equal('H');
  });

  it('refuses a file that cannot be a logo and keeps the logo and the ECL as they were', async () => {
    const element = await host('M');
    let refused: unknown;
    await element.logos.pick(logoFile(GIF_BYTES, 'a.gif')).catch((error: unknown) => (refused = error));
    expect(refused).to.be.instanceOf(LogoRefusal);
    expect([element.ecl, element.logos.logo, element.changes]).to.deep.equal(['M', undefined, 0]);
  });

  it('lets the latest pick win over an earlier one read more slowly, and a removal over both', async () => {
    const element = await host('M');
    const slow = logoFile(SVG_LOGO, 'slow.svg');
    const read = slow.arrayBuffer.bind(slow);
    let release!: () => void;
    slow.arrayBuffer = () => new Promise((resolve) => (release = () => resolve(read())));
    const first = element.logos.pick(slow);
    expect(await element.logos.pick(logoFile(SVG_LOGO, 'fast.svg'))).to.equal(true);
    release();
    expect(await first).to.equal(false);
    expect(element.logos.logo?.name).to.equal('fast.svg');

    const refusedLate = logoFile(GIF_BYTES, 'late.gif');
    refusedLate.arrayBuffer = () => new Promise((resolve) => (release = () => resolve(GIF_BYTES.buffer as ArrayBuffer)));
    const late = element.logos.pick(refusedLate);
    element.logos.remove();
    release();
    expect(await late, 'a superseded refusal is not said').to.equal(false);
    expect(element.logos.logo).to.equal(undefined);
  });
});
