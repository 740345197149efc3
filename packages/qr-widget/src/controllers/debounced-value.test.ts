import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { DebouncedValue } from './debounced-value.js';

const TIMING = { fired: 'debounce-test:fired', shown: 'debounce-test:shown' };

/** Renders a debounced text, and says when it has rendered. */
class DebounceHost extends LitElement {
  delay = 20;
  readonly text = new DebouncedValue(this, '', { delay: () => this.delay, timing: TIMING });
  private readonly waiting: (() => void)[] = [];

  /** Resolves once the host has rendered again. */
  nextUpdate(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  protected override updated(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  protected override render() {
    return html`${this.text.value}`;
  }
}
customElements.define('debounce-test-host', DebounceHost);

function shownText(host: DebounceHost): string {
  return host.shadowRoot!.textContent!.trim();
}

describe('DebouncedValue', () => {
  beforeEach(() => {
    performance.clearMarks(TIMING.fired);
    performance.clearMeasures(TIMING.shown);
  });

  it('follows at once without a delay, or when asked to', async () => {
    const host = await fixture<DebounceHost>(html`<debounce-test-host></debounce-test-host>`);
    host.delay = 0;
    host.text.set('no delay');
    expect(host.text.value).to.equal('no delay');
    await host.updateComplete;
    expect(shownText(host)).to.equal('no delay');
    host.delay = 20;
    host.text.set('now', true);
    expect(host.text.value).to.equal('now');
    expect(host.text.pending).to.equal(false);
  });

  it('waits for the pause, and only the last value follows', async () => {
    const host = await fixture<DebounceHost>(html`<debounce-test-host></debounce-test-host>`);
    for (const text of ['h', 'ht', 'htt']) host.text.set(text);
    expect(host.text.value).to.equal('');
    expect(host.text.pending).to.equal(true);
    expect(host.isUpdatePending).to.equal(false);
    await host.nextUpdate();
    expect(host.text.value).to.equal('htt');
    expect(host.text.pending).to.equal(false);
    expect(shownText(host)).to.equal('htt');
  });

  it('flush() takes the latest value now and stops the timer', async () => {
    const host = await fixture<DebounceHost>(html`<debounce-test-host></debounce-test-host>`);
    host.text.set('flushed');
    host.text.flush();
    expect(host.text.value).to.equal('flushed');
    expect(host.text.pending).to.equal(false);
    expect(host.isUpdatePending).to.equal(true);
  });

  it('asks for no update when the value it shows comes back', async () => {
    const host = await fixture<DebounceHost>(html`<debounce-test-host></debounce-test-host>`);
    host.text.set('typed');
    host.text.set('');
    host.text.flush();
    expect(host.text.pending).to.equal(false);
    expect(host.isUpdatePending).to.equal(false);
  });

  it('marks when the pause has passed and measures until the host shows the value', async () => {
    const host = await fixture<DebounceHost>(html`<debounce-test-host></debounce-test-host>`);
    host.text.set('timed');
    await host.nextUpdate();
    expect(performance.getEntriesByName(TIMING.fired, 'mark')).to.have.length(1);
    host.text.shown();
    expect(performance.getEntriesByName(TIMING.shown, 'measure')).to.have.length(1);
    expect(performance.getEntriesByName(TIMING.fired, 'mark')).to.have.length(0);
    host.text.shown();
    expect(performance.getEntriesByName(TIMING.shown, 'measure'), 'one measure per pause').to.have.length(1);
  });

  it('makes no mark when the value follows without a pause', async () => {
    const host = await fixture<DebounceHost>(html`<debounce-test-host></debounce-test-host>`);
    host.text.set('at once', true);
    host.text.shown();
    expect(performance.getEntriesByName(TIMING.fired, 'mark')).to.have.length(0);
    expect(performance.getEntriesByName(TIMING.shown, 'measure')).to.have.length(0);
  });

  it('stops the timer when the host leaves the document, keeping the latest value', async () => {
    const host = await fixture<DebounceHost>(html`<debounce-test-host></debounce-test-host>`);
    host.text.set('kept');
    host.remove();
    expect(host.text.pending).to.equal(false);
    expect(host.text.value).to.equal('kept');
  });
});
