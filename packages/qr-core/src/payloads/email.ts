/**
 * An e-mail to write: a `mailto:` URI, RFC 6068.
 *
 * - `mailto:<to>?<hfields>` (RFC 6068 §2): the address, then `cc`, `bcc`, `subject` and `body`
 *   header fields joined by `&`. Every value is UTF-8 and percent-encoded (§2, §5): everything but
 *   RFC 3986's unreserved characters is written `%XX`, except `@` in addresses, which RFC 6068's
 *   `addr-spec` and its examples keep (`mailto:joe@example.com?cc=bob@example.com&body=hello`).
 *   `+` is encoded too: readers that decode with HTML-form rules (ZXing's `URLDecoder`) read a bare
 *   `+` as a space.
 * - Several addresses in `cc` or `bcc` are separated by `,` (§2: "to", "cc" and "bcc" take
 *   comma-separated address lists), unencoded.
 * - Line breaks in the body are written `%0D%0A` whatever form they had (§5: "line breaks in the
 *   body of a message MUST be encoded with %0D%0A"); a subject, a header, stays on one line.
 */
import { checkAddress } from './checks.js';
import { checkFields, checkText, list, str } from './fields.js';
import { defineSchema } from './schema.js';
import { percentEncode } from './text.js';

export interface EmailPayload {
  to: string;
  subject?: string;
  body?: string;
  cc?: string | readonly string[];
  bcc?: string | readonly string[];
}

export const EMAIL_SCHEMA = defineSchema({
  type: 'email',
  label: 'E-mail',
  fields: [
    { name: 'to', kind: 'string', required: true, label: 'To', description: 'The address to write to, such as ada@example.com.' },
    { name: 'subject', kind: 'string', required: false, label: 'Subject', description: 'The subject line (one line).' },
    { name: 'body', kind: 'string', required: false, label: 'Message', description: 'The text of the message; line breaks allowed.' },
    { name: 'cc', kind: 'strings', required: false, label: 'Cc', description: 'An address to send a copy to; one or several.' },
    { name: 'bcc', kind: 'strings', required: false, label: 'Bcc', description: 'An address to send a blind copy to; one or several.' },
  ],
});

/** The `mailto:` URI of an e-mail. */
export function email(input: EmailPayload): string {
  const f = checkFields(EMAIL_SCHEMA, input);
  const to = str(f, 'to')!;
  checkAddress('email', 'to', to);
  const cc = list(f, 'cc');
  cc.forEach((address) => checkAddress('email', 'cc', address));
  const bcc = list(f, 'bcc');
  bcc.forEach((address) => checkAddress('email', 'bcc', address));
  const subject = str(f, 'subject');
  if (subject !== undefined) checkText('email', 'subject', subject, { lineBreaks: false });
  const body = str(f, 'body');
  if (body !== undefined) checkText('email', 'body', body, { lineBreaks: true });

  const address = (value: string): string => percentEncode(value, '@');
  const fields: string[] = [];
  if (cc.length > 0) fields.push(`cc=${cc.map(address).join(',')}`);
  if (bcc.length > 0) fields.push(`bcc=${bcc.map(address).join(',')}`);
  if (subject !== undefined) fields.push(`subject=${percentEncode(subject)}`);
  if (body !== undefined) fields.push(`body=${percentEncode(body.replace(/\r\n|\r|\n/g, '\r\n'))}`);
  return `mailto:${address(to)}${fields.length > 0 ? `?${fields.join('&')}` : ''}`;
}
