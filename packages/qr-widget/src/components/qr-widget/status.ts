/**
 * The status line of `<qr-widget>`: what it says is data (a {@link Status}); the words and the
 * tone are made from it here, in one place, and never read back.
 */
import { html } from 'lit';
import { UNREACHABLE_MESSAGE } from '../../controllers/service-controller.js';
import type { QrErrorDetail, QrGeneratedDetail } from '../../events.js';
import type { QrCodeResult } from '../qr-code/qr-code.component.js';
import type { OptionName } from './options/options.js';

/** A download or copy that went well. */
export type Action = 'png' | 'svg' | 'image' | 'link';

export type Status =
  /** Nothing typed yet: says what to do (`form`: fill in a payload's form). */
  | { kind: 'empty'; form?: boolean }
  /** Nothing to say. */
  | { kind: 'clear' }
  /** A request to the service is on its way. */
  | { kind: 'busy' }
  /** Generate with nothing typed. */
  | { kind: 'no-text' }
  /** A code was made; `logoFormat`: in the browser although there is a service, which cannot put this logo in a PNG. */
  | { kind: 'ready'; source: QrGeneratedDetail['source']; logoFormat?: boolean }
  | { kind: 'done'; action: Action }
  | { kind: 'offline' }
  | { kind: 'online' }
  /** The service did not answer; `browserProblem` is why the browser has no code either, if it has none. */
  | { kind: 'unreachable'; browserProblem: string | undefined }
  /** A field of the options holds a value that cannot be used, the file picked cannot be the logo, or a payload's field is wrong (qr-core's message). */
  | { kind: 'invalid'; option: OptionName | 'logo' | 'payload'; problem: string }
  | { kind: 'error'; message: string };

/** The line's `data-kind`, which picks its style. */
export type Tone = 'idle' | 'busy' | 'done' | 'error' | 'offline';

const EMPTY_TEXT = 'Type a URL or some text to make a QR code.';

const DONE: Readonly<Record<Action, string>> = Object.freeze({
  png: 'PNG saved.',
  svg: 'SVG saved.',
  image: 'Image copied.',
  link: 'Link to the image copied.',
});

export function describeStatus(status: Status): { tone: Tone; text: string } {
  switch (status.kind) {
    case 'empty':
      return { tone: 'idle', text: status.form ? 'Fill in the form to make a QR code.' : EMPTY_TEXT };
    case 'clear':
      return { tone: 'idle', text: '' };
    case 'busy':
      return { tone: 'busy', text: 'Generating…' };
    case 'no-text':
      return { tone: 'error', text: EMPTY_TEXT };
    case 'ready':
      if (status.logoFormat) return { tone: 'done', text: 'QR code ready, made in your browser: the QR service puts only PNG logos in its PNGs.' };
      return { tone: 'done', text: `QR code ready, made ${status.source === 'server' ? 'by the QR service' : 'in your browser'}.` };
    case 'done':
      return { tone: 'done', text: DONE[status.action] };
    case 'offline':
      return { tone: 'offline', text: 'You are offline: QR codes are made in your browser.' };
    case 'online':
      return { tone: 'idle', text: 'Back online.' };
    case 'unreachable':
      return status.browserProblem === undefined
        ? { tone: 'offline', text: `${UNREACHABLE_MESSAGE} This code was made in your browser instead.` }
        : { tone: 'error', text: `${UNREACHABLE_MESSAGE} Your browser could not make the code either: ${status.browserProblem}` };
    case 'invalid':
      return { tone: 'error', text: status.problem };
    case 'error':
      return { tone: 'error', text: status.message };
  }
}

/** What to say when the service failed; `preview` is what the browser made of the same text. */
export function failureStatus(detail: QrErrorDetail, preview: QrCodeResult): Status {
  if (detail.code !== 'NETWORK') return { kind: 'error', message: detail.message };
  return { kind: 'unreachable', browserProblem: preview.kind === 'error' ? preview.detail.message : undefined };
}

/** True when the status reports a problem, which a new code on display makes stale. */
export function isProblem(status: Status): boolean {
  return describeStatus(status).tone === 'error';
}

/** The live status line, announced to screen readers. */
export function renderStatus(status: Status) {
  const { tone, text } = describeStatus(status);
  return html`<p id="status" part="status" role="status" aria-live="polite" data-kind=${tone}>${text}</p>`;
}
