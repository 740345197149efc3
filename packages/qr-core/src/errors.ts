/**
 * The two kinds of failure (see the package README):
 * - a caller's mistake is a {@link QrError} with a stable `code` and a message that says
 *   what was given and what would work;
 * - a broken internal invariant is an `Error` thrown by {@link assert} or {@link unreachable}:
 *   it means a bug in qr-core, never bad input.
 */

/** Stable machine-readable error codes. New codes may be added; existing ones never change meaning. */
export type QrErrorCode =
  /** The data does not fit in any allowed version at the requested ECL. */
  | 'DATA_TOO_LONG'
  /** An option has a wrong type or is out of range. */
  | 'INVALID_OPTION'
  /** The data cannot be represented in the requested mode (e.g. letters with mode 'numeric'). */
  | 'INVALID_DATA'
  /** A renderer was asked for an image larger than its limit, or a logo has more pixels than the PNG reader's limit. */
  | 'IMAGE_TOO_LARGE'
  /** A logo is not an image file of a format the renderer takes, is malformed, or has more bytes than the limit (logo-image.ts, png-reader.ts). */
  | 'INVALID_LOGO'
  /**
   * A logo larger than the symbol can lose (logo-budget.ts): it would touch more than half of some
   * Reed-Solomon block's error correction capacity; the message names the largest size.
   */
  | 'LOGO_TOO_LARGE'
  /**
   * A field of a `qr-core/payloads` payload (Wi-Fi, vCard, SEPA payment, …) is missing, unknown,
   * of the wrong type or breaks its format's rules; {@link QrError.field} names it.
   */
  | 'INVALID_PAYLOAD';

/** What a {@link QrError} may carry beside its code and message. */
export interface QrErrorOptions {
  /** The payload field at fault (INVALID_PAYLOAD): `'iban'`, `'ssid'`, … */
  field?: string;
}

export class QrError extends Error {
  readonly code: QrErrorCode;
  /** The payload field at fault, for INVALID_PAYLOAD errors that concern one field; otherwise absent. */
  readonly field?: string;

  constructor(code: QrErrorCode, message: string, options: QrErrorOptions = {}) {
    super(message);
    this.name = 'QrError';
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
  }
}

/** Throws when an internal invariant breaks; `what` names the invariant. */
export function assert(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`qr-core internal error: ${what}`);
}

/** Marks the end of an exhaustive `switch`: the compiler proves it is never reached. */
export function unreachable(value: never): never {
  throw new Error(`qr-core internal error: unexpected value ${String(value)}`);
}
