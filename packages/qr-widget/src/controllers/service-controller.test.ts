import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { DEFAULT_DARK, DEFAULT_ECL, DEFAULT_LIGHT, DEFAULT_MARGIN, DEFAULT_SCALE } from 'qr-core';
import type { ImageRequest } from '../qr-service.js';
import { decodeImage } from '../test-support/decode.js';
import { ServiceController, UNREACHABLE_MESSAGE, type ServiceOutcome } from './service-controller.js';

const servers = executeServerCommand<{ url: string; downUrl: string }, undefined>('qr-server');

/** A host with a service at `base`, which keeps what the controller told it about connectivity. */
class ServiceHost extends LitElement {
  base: string | undefined = undefined;
  readonly heard: boolean[] = [];
  readonly service = new ServiceController(this, { base: () => this.base, onConnectivity: (online) => this.heard.push(online) });
}
customElements.define('service-test-host', ServiceHost);

async function host(base?: string): Promise<ServiceHost> {
  const element = await fixture<ServiceHost>(html`<service-test-host></service-test-host>`);
  element.base = base;
  return element;
}

function request(data: string): ImageRequest {
  return { data, format: 'png', ecl: DEFAULT_ECL, scale: DEFAULT_SCALE, margin: DEFAULT_MARGIN, dark: DEFAULT_DARK, light: DEFAULT_LIGHT };
}

function expectKind<K extends ServiceOutcome['kind']>(outcome: ServiceOutcome, kind: K): Extract<ServiceOutcome, { kind: K }> {
  expect(outcome.kind).to.equal(kind);
  return outcome as Extract<ServiceOutcome, { kind: K }>;
}

describe('ServiceController', () => {
  it('routes to the browser when there is no service', async () => {
    const element = await host();
    expect(element.service.route).to.equal('local');
    let refused: unknown;
    await element.service.request(request('nowhere')).catch((error: unknown) => (refused = error));
    expect(refused).to.be.instanceOf(Error);
  });

  it("keeps the service's PNG until the options change", async () => {
    const element = await host((await servers).url);
    expect(element.service.route).to.equal('service');
    const { image } = expectKind(await element.service.request(request('from the service')), 'image');
    expect(image.png.type).to.equal('image/png');
    expect(await decodeImage(image.png)).to.equal('from the service');
    expect(element.service.image).to.equal(image);
    element.service.forget();
    expect(element.service.image).to.equal(undefined);
    let revoked = false;
    await fetch(image.url).catch(() => (revoked = true));
    expect(revoked, 'the object URL was revoked').to.equal(true);
  });

  it('is busy while a request is on its way, and asks the host to update', async () => {
    const element = await host((await servers).url);
    await element.updateComplete;
    const answer = element.service.request(request('busy'));
    expect(element.service.busy).to.equal(true);
    expect(element.isUpdatePending).to.equal(true);
    await answer;
    expect(element.service.busy).to.equal(false);
  });

  it('aborts a request that a newer one supersedes', async () => {
    const element = await host((await servers).url);
    const first = element.service.request(request('first'));
    const second = element.service.request(request('second'));
    expectKind(await first, 'superseded');
    const { image } = expectKind(await second, 'image');
    expect(image.request.data).to.equal('second');
    expect(element.service.image).to.equal(image);
  });

  it('forget() aborts the request on its way', async () => {
    const element = await host((await servers).url);
    const answer = element.service.request(request('forgotten'));
    element.service.forget();
    expect(element.service.busy).to.equal(false);
    expectKind(await answer, 'superseded');
    expect(element.service.image).to.equal(undefined);
  });

  it("reports the service's refusal with its problem detail", async () => {
    const element = await host((await servers).url);
    const { detail } = expectKind(await element.service.request(request('x'.repeat(3000))), 'failed');
    expect(detail).to.include({ value: 'x'.repeat(3000), code: 'HTTP', status: 422 });
    expect(detail.message).to.match(/3000 bytes/);
  });

  it('reports a service that cannot be reached', async () => {
    const element = await host((await servers).downUrl);
    const { detail } = expectKind(await element.service.request(request('down')), 'failed');
    expect(detail).to.deep.equal({ value: 'down', code: 'NETWORK', message: UNREACHABLE_MESSAGE });
  });

  it('routes to the browser while it is offline, and says when that changes', async () => {
    const element = await host((await servers).url);
    await element.updateComplete;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      expect(element.service.route).to.equal('offline');
      expect(element.isUpdatePending).to.equal(true);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    window.dispatchEvent(new Event('online'));
    expect(element.service.route).to.equal('service');
    expect(element.heard).to.deep.equal([false, true]);
  });

  it('stops listening and drops its image when the host leaves the document', async () => {
    const element = await host((await servers).url);
    expectKind(await element.service.request(request('leaving')), 'image');
    element.remove();
    expect(element.service.image).to.equal(undefined);
    window.dispatchEvent(new Event('online'));
    expect(element.heard).to.deep.equal([]);
  });
});
