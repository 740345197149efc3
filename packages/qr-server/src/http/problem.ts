/**
 * The one place where error codes become HTTP statuses, and the one shape errors are written
 * in, for both servers: RFC 9457 "Problem Details for HTTP APIs", `application/problem+json`.
 *
 * Every problem has `type: "about:blank"` with the status phrase as `title` (RFC 9457 §4.2.1),
 * a `detail` a person can act on, and two extension members (§3.2): `code`, the stable
 * machine-readable code below, and `requestId`, to find the request's log line. A problem with
 * one field of a payload at fault (INVALID_PAYLOAD) has a third, `field`: the field's name, so
 * that a form can show the message beside that input.
 */
import { STATUS_CODES, type OutgoingHttpHeaders } from 'node:http';
import { QrError, type QrErrorCode } from 'qr-core';
import { jsonReply, type Reply } from './reply.js';

/** Stable codes: new ones may be added, existing ones never change meaning or status. */
const STATUS_BY_CODE = Object.freeze({
  // The client's request cannot be understood as it is.
  BAD_REQUEST: 400,
  MISSING_DATA: 400,
  MALFORMED_JSON: 400,
  INVALID_FIELD: 400,
  BAD_PERCENT_ENCODING: 400,
  // qr-core's codes (src/errors.ts in qr-core): a wrong option or data the chosen mode cannot
  // carry is the caller's mistake; an image over the size cap is a wrong `scale`.
  INVALID_OPTION: 400,
  INVALID_DATA: 400,
  IMAGE_TOO_LARGE: 400,
  INVALID_LOGO: 400,
  // A payload field (qr-core/payloads) that its format cannot take: the problem names it in `field`.
  INVALID_PAYLOAD: 400,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // Well-formed and valid, but more than a QR code holds: RFC 9110 §15.5.21.
  DATA_TOO_LONG: 422,
  LOGO_TOO_LARGE: 422,
  // A logo image with more pixels than the server decodes (api/logo-cache.ts): sound, but too big.
  LOGO_TOO_MANY_PIXELS: 422,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  SHUTTING_DOWN: 503,
} as const satisfies Record<string, number> & Record<QrErrorCode, number>);

export type ErrorCode = keyof typeof STATUS_BY_CODE;

/**
 * A failure with a stable code; `headers` carries what the status requires (e.g. `Allow` on 405),
 * `field` the payload field at fault, which the problem carries as its `field` member.
 */
export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly headers: OutgoingHttpHeaders;
  readonly field: string | undefined;

  constructor(code: ErrorCode, detail: string, headers: OutgoingHttpHeaders = {}, field?: string) {
    super(detail);
    this.name = 'HttpError';
    this.code = code;
    this.headers = headers;
    this.field = field;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

/**
 * Anything thrown while answering, as an HttpError: QrError keeps its code, its message (they
 * are written for the person who sent the data) and the field it names; anything else is a bug and becomes a 500
 * whose detail reveals nothing of the internals.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof QrError) return new HttpError(error.code, error.message, {}, error.field);
  return new HttpError('INTERNAL', 'the server failed to answer this request; it has been logged');
}

export function problemReply(error: HttpError, requestId: string): Reply {
  const status = error.status;
  const problem = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: error.message,
    code: error.code,
    ...(error.field === undefined ? {} : { field: error.field }),
    requestId,
  };
  return jsonReply(status, problem, { 'cache-control': 'no-store', ...error.headers }, 'application/problem+json');
}
