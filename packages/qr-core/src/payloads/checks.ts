/**
 * Checks of values several formats share: e-mail addresses, phone numbers, URLs, calendar dates.
 */
import { checkText, fail, show } from './fields.js';
import type { PayloadType } from './schema.js';

/**
 * An e-mail address as a person types one (RFC 5322 §3.4.1 addr-spec, without comments, quoted
 * local parts or domain literals, which no QR reader handles): a local part of printable
 * non-space characters other than `<>()[]\,;:@"`, `@`, a domain of labels separated by dots.
 * Non-ASCII is allowed in both (RFC 6531 addresses; mailto: percent-encodes them, RFC 6068 §2).
 */
const ADDRESS = /^[^\s<>()[\]\\,;:@"]+@[^\s<>()[\]\\,;:@"._-][^\s<>()[\]\\,;:@"]*$/u;

export function checkAddress(type: PayloadType, field: string, value: string): void {
  checkText(type, field, value, { lineBreaks: false });
  const domain = value.slice(value.lastIndexOf('@') + 1);
  if (!ADDRESS.test(value) || domain.split('.').some((label) => label === '') || value.startsWith('.') || value.includes('..')) {
    fail(type, field, `${show(value)} is not an e-mail address: it must look like name@example.com`);
  }
}

/**
 * A phone number as printed (vCard TEL, MeCard TEL, SMS): digits with the visual separators
 * people use (space, `-`, `.`, `(`, `)`, `/`), an optional leading `+`, and `*` and `#` for
 * service codes (`*100#`). Letters, `:`, `;`, `,` and `p`/`w` dialling pauses are refused: the
 * formats use some of them as delimiters. At least one digit; at most 15 (ITU-T E.164 §6) after a `+`.
 */
export function checkPhone(type: PayloadType, field: string, value: string): void {
  checkText(type, field, value, { lineBreaks: false });
  if (!/^\+?[0-9 \-.()/*#]*[0-9][0-9 \-.()/*#]*$/.test(value)) {
    fail(type, field, `${show(value)} is not a phone number: it must be digits, optionally with a leading + and spaces, -, ., (, ) between them`);
  }
  const digits = value.replace(/\D/g, '').length;
  if (value.startsWith('+') && digits > 15) fail(type, field, `${show(value)} has ${digits} digits: an international number has at most 15 (ITU-T E.164)`);
}

/** An absolute URI (RFC 3986 §3: a scheme, `:`, then no spaces): `https://example.com`. */
export function checkUrl(type: PayloadType, field: string, value: string): void {
  checkText(type, field, value, { lineBreaks: false });
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/.test(value)) {
    fail(type, field, `${show(value)} is not an absolute URL: it must start with its scheme, such as https://example.com`);
  }
}

/** The number of days in `month` (1..12) of `year` (proleptic Gregorian calendar). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A calendar date YYYY-MM-DD (ISO 8601 extended format) that exists; returns its parts. */
export function checkDate(type: PayloadType, field: string, value: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) fail(type, field, `${show(value)} is not a date: it must be YYYY-MM-DD, such as 1815-12-10`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) fail(type, field, `${show(value)} is not a day of the calendar: it must be a real date YYYY-MM-DD`);
  return { year, month, day };
}
