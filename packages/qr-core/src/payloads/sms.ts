/**
 * A text message to send: `SMSTO:<number>:<message>`.
 *
 * Why `SMSTO:` rather than RFC 5724's `sms:` URI (`sms:+15105550101?body=hello%20there`):
 * - `SMSTO:` is the form QR generators have written since the early readers, and the readers
 *   that handle SMS codes read it: ZXing's `SMSTOMMSTOResultParser`
 *   (core/src/main/java/com/google/zxing/client/result/SMSTOMMSTOResultParser.java), from which
 *   many scanner apps derive, takes the number up to the first `:` after the prefix and the
 *   message as the rest (it reads `sms:` too, but not every reader does).
 * - It needs no encoding: the message is everything after the number's `:`, as it is, colons and
 *   line breaks included, so nothing can be mis-decoded. `sms:` percent-encodes the body, and
 *   readers disagree on it: iOS has long expected the body after `&body=` rather than RFC 5724's
 *   `?body=`, and HTML-form decoders turn `+` into spaces.
 * The number is written without its visual separators (spaces, `-`, `.`, `(`, `)`), which
 * messaging apps do not all strip; it cannot hold a `:`, so the split is unambiguous.
 */
import { checkPhone } from './checks.js';
import { checkFields, checkText, str } from './fields.js';
import { defineSchema } from './schema.js';

export interface SmsPayload {
  /** The number to send to: '+44 7700 900123'. */
  number: string;
  message?: string;
}

export const SMS_SCHEMA = defineSchema({
  type: 'sms',
  label: 'SMS',
  fields: [
    { name: 'number', kind: 'string', required: true, label: 'Phone number', description: 'The number to send the message to, such as +44 7700 900123.' },
    { name: 'message', kind: 'string', required: false, label: 'Message', description: 'The text of the message, ready to send; line breaks allowed.' },
  ],
});

/** The `SMSTO:` text of a message. */
export function sms(input: SmsPayload): string {
  const f = checkFields(SMS_SCHEMA, input);
  const number = str(f, 'number')!;
  checkPhone('sms', 'number', number);
  const message = str(f, 'message');
  if (message !== undefined) checkText('sms', 'message', message, { lineBreaks: true });
  const digits = number.replace(/[\s\-.()/]/g, '');
  return message === undefined ? `SMSTO:${digits}` : `SMSTO:${digits}:${message}`;
}
