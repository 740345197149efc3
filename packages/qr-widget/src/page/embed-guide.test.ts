import { expect, waitUntil } from '@open-wc/testing';
import { wifi } from 'qr-core/payloads';
import type { QrCode } from '../components/qr-code/qr-code.component.js';
import '../components/qr-code/qr-code.js';
import { decodeSvg } from '../test-support/decode.js';

describe('the embed guide', () => {
  it("shows a page building a <qr-code>'s text with qr-core/payloads, and that page works", async () => {
    const template = await (await fetch('/packages/qr-widget/public/index.html')).text();
    const snippet = new DOMParser().parseFromString(template, 'text/html').getElementById('payload-snippet')!.textContent!;
    expect(snippet).to.contain('<script type="module" src="ORIGIN/qr-code.js"></script>');
    const element = /<qr-code [^>]*><\/qr-code>/.exec(snippet)![0];
    // The page's module as pasted, /qr-payloads.js standing for the bundle of its source (src/qr-payloads.entry.ts).
    const module = /<script type="module">([\s\S]*?)<\/script>/
      .exec(snippet)![1]!
      .replace('ORIGIN/qr-payloads.js', new URL('/packages/qr-widget/src/qr-payloads.entry.ts', location.href).href);
    const page = document.createElement('div');
    page.innerHTML = element;
    document.body.append(page);
    const url = URL.createObjectURL(new Blob([module], { type: 'text/javascript' }));
    try {
      await import(url);
      const code = page.querySelector<QrCode>('qr-code')!;
      await waitUntil(() => code.svg, 'the code is drawn');
      expect(code.value).to.equal(wifi({ ssid: 'Guests', password: 'welcome;to the café' }));
      expect(code.getAttribute('label')).to.equal('Wi-Fi network Guests');
      expect(await decodeSvg(code.svg!)).to.equal(code.value);
    } finally {
      URL.revokeObjectURL(url);
      page.remove();
    }
  });
});
