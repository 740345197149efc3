import { expect, fixture, html } from '@open-wc/testing';
import { symbologies } from '../../symbology-loader.js';
import type { QrCode } from './qr-code.component.js';
import './qr-code.js';

/** The symbologies module's loader, to stand a failing network in for it. */
type Loader = { load: () => Promise<unknown> };

describe('<qr-code> when a lazy module cannot be had', () => {
  // Its own file (its own page): the symbologies module is not loaded yet.
  it('fires qr-error NETWORK while the symbologies cannot be loaded, and the next change tries again', async () => {
    const loader = symbologies as unknown as Loader;
    const load = loader.load;
    loader.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const element = await fixture<QrCode>(html`<qr-code symbology="micro" value="PART-0042"></qr-code>`);
      const failed = await element.result();
      expect(failed.kind).to.equal('error');
      expect(failed.kind === 'error' && failed.detail).to.include({ code: 'NETWORK', message: symbologies.failure.message, value: 'PART-0042' });
      expect(element.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label')).to.equal(`No QR code: ${symbologies.failure.message}`);
      loader.load = load;
      element.value = 'PART-0043';
      const made = await element.result();
      expect(made.kind).to.equal('generated');
      expect(element.symbol!.symbology).to.equal('micro');
    } finally {
      loader.load = load;
    }
  });
});
