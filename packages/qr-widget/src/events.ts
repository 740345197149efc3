/**
 * The events both elements fire, declared once so that `addEventListener('qr-generated', …)`
 * is typed on every element and window. All are `CustomEvent`s that bubble and cross shadow
 * roots (`composed`), so a page can listen on any ancestor.
 */
import type { Ecl, QrErrorCode, QrSymbol } from 'qr-core';

export interface QrGeneratedDetail {
  /** The text that was encoded. */
  value: string;
  /** The error correction level of the symbol. */
  ecl: Ecl;
  /**
   * Symbol version (QR 1..40, Micro QR 1..4 for M1..M4, rMQR 1..32; `symbol.designator` names it): always for
   * source 'browser'; for 'server', the browser's preview of the same text, when it had one.
   */
  version?: number;
  /** Where the image was made: in this page by qr-core, or by the QR service (`backend-url`). */
  source: 'browser' | 'server';
  /** The PNG the service returned (source 'server' only). */
  png?: Blob;
  /** The symbol on display (source 'browser' only): qr-core's `QrSymbol`, with its `size` in modules and its `modules`. */
  symbol?: QrSymbol;
  /** The SVG document on display (source 'browser' only), as Download SVG saves it. */
  svg?: string;
}

/** What `<qr-code>` reports: a `qr-generated` detail in which the browser's fields are always there. */
export type BrowserGeneratedDetail = QrGeneratedDetail & Required<Pick<QrGeneratedDetail, 'version' | 'symbol' | 'svg'>> & { source: 'browser' };

/** True for a detail with the browser's fields, as `<qr-code>` fires it. */
export function isBrowserGenerated(detail: QrGeneratedDetail): detail is BrowserGeneratedDetail {
  return detail.source === 'browser' && detail.version !== undefined && detail.symbol !== undefined && detail.svg !== undefined;
}

export interface QrErrorDetail {
  /** The text that could not be encoded. */
  value: string;
  /**
   * qr-core's code for a refusal made in the page; 'HTTP' when the service (or, for `<qr-code>`,
   * the logo's server) answered with an error status; 'NETWORK' when it could not be reached.
   */
  code: QrErrorCode | 'HTTP' | 'NETWORK';
  /** What went wrong, in words a person can act on (the service's problem `detail` for 'HTTP'). */
  message: string;
  /** HTTP status, for code 'HTTP'. */
  status?: number;
  /**
   * The symbol, from `<qr-code>`, when the text encoded but its drawing was refused or the logo
   * could not be had: e.g. for `LOGO_TOO_LARGE`, to ask qr-core's maxLogoSize what fits.
   */
  symbol?: QrSymbol;
}

export interface QrEventMap {
  'qr-generated': CustomEvent<QrGeneratedDetail>;
  'qr-error': CustomEvent<QrErrorDetail>;
}

declare global {
  // Merging into the DOM's map types every addEventListener call for these names.
  interface GlobalEventHandlersEventMap extends QrEventMap {}
}

type DetailOf<K extends keyof QrEventMap> = QrEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Fires one of the events above from `target`, bubbling and composed. */
export function emit<K extends keyof QrEventMap>(target: EventTarget, type: K, detail: DetailOf<K>): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
