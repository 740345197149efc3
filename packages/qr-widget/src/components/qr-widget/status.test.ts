import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { encode, toSVG } from 'qr-core';
import { UNREACHABLE_MESSAGE } from '../../controllers/service-controller.js';
import type { QrCodeResult } from '../qr-code/qr-code.component.js';
import { describeStatus, failureStatus, isProblem, renderStatus, type Status } from './status.js';

const symbol = encode('x');
const GENERATED: QrCodeResult = { kind: 'generated', detail: { value: 'x', ecl: symbol.ecl, version: symbol.version, source: 'browser', symbol, svg: toSVG(symbol) } };
const REFUSED: QrCodeResult = { kind: 'error', detail: { value: 'long', code: 'DATA_TOO_LONG', message: 'It is too long.' } };

describe('status line', () => {
  it('says what to do before anything is typed, and again as an error when Generate finds nothing', () => {
    const empty = describeStatus({ kind: 'empty' });
    expect(empty.tone).to.equal('idle');
    expect(describeStatus({ kind: 'no-text' })).to.deep.equal({ tone: 'error', text: empty.text });
  });

  it('words each outcome with its tone', () => {
    const cases: [Status, string, string][] = [
      [{ kind: 'ready', source: 'browser' }, 'done', 'QR code ready, made in your browser.'],
      [{ kind: 'ready', source: 'server' }, 'done', 'QR code ready, made by the QR service.'],
      [{ kind: 'ready', source: 'browser', logoFormat: true }, 'done', 'QR code ready, made in your browser: the QR service puts only PNG logos in its PNGs.'],
      [{ kind: 'invalid', option: 'logo', problem: 'Not that file.' }, 'error', 'Not that file.'],
      [{ kind: 'done', action: 'link' }, 'done', 'Link to the image copied.'],
      [{ kind: 'busy' }, 'busy', 'Generating…'],
      [{ kind: 'offline' }, 'offline', 'You are offline: QR codes are made in your browser.'],
      [{ kind: 'online' }, 'idle', 'Back online.'],
      [{ kind: 'invalid', option: 'scale', problem: 'Not that.' }, 'error', 'Not that.'],
    ];
    for (const [status, tone, text] of cases) expect(describeStatus(status), status.kind).to.deep.equal({ tone, text });
  });

  it('words a failed request by what the browser made of the text', () => {
    const http = failureStatus({ value: 'x', code: 'HTTP', status: 422, message: 'Refused.' }, REFUSED);
    expect(http).to.deep.equal({ kind: 'error', message: 'Refused.' });
    const network = { value: 'x', code: 'NETWORK', message: UNREACHABLE_MESSAGE } as const;
    const fallback = describeStatus(failureStatus(network, GENERATED));
    expect(fallback).to.deep.equal({ tone: 'offline', text: `${UNREACHABLE_MESSAGE} This code was made in your browser instead.` });
    const neither = describeStatus(failureStatus(network, REFUSED));
    expect(neither).to.deep.equal({ tone: 'error', text: `${UNREACHABLE_MESSAGE} Your browser could not make the code either: It is too long.` });
  });

  it('counts only error tones as problems', () => {
    expect(isProblem({ kind: 'error', message: 'x' })).to.equal(true);
    expect(isProblem({ kind: 'no-text' })).to.equal(true);
    expect(isProblem({ kind: 'unreachable', browserProblem: undefined })).to.equal(false);
    expect(isProblem({ kind: 'empty' })).to.equal(false);
  });

  it('renders a polite live region whose data-kind is the tone', async () => {
    const container = await fixture<HTMLElement>(html`<div></div>`);
    render(renderStatus({ kind: 'error', message: 'Shown.' }), container);
    const line = container.querySelector<HTMLElement>('[part="status"]')!;
    expect(line.getAttribute('role')).to.equal('status');
    expect(line.getAttribute('aria-live')).to.equal('polite');
    expect(line.dataset.kind).to.equal('error');
    expect(line.textContent).to.equal('Shown.');
  });
});
