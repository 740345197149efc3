/**
 * Parses `application/x-www-form-urlencoded` text: query strings and form bodies alike.
 *
 * URLSearchParams is not used because it is lenient where we want to be strict: it passes a
 * malformed escape such as "%zz" or an escape of invalid UTF-8 through as text, so the
 * client would get a QR code of something it did not mean. Here either is a 400 that says
 * which parameter is wrong.
 */
import { HttpError } from '../http/problem.js';

/** Name → every value given for it, in order. */
export type Fields = ReadonlyMap<string, readonly string[]>;

export function parseUrlEncoded(text: string, where: string): Fields {
  const fields = new Map<string, string[]>();
  if (text === '') return fields;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodeComponent(equals < 0 ? pair : pair.slice(0, equals), where);
    const value = equals < 0 ? '' : decodeComponent(pair.slice(equals + 1), where);
    const values = fields.get(name);
    if (values) values.push(value);
    else fields.set(name, [value]);
  }
  return fields;
}

// '+' means a space in this format (WHATWG URL Standard, application/x-www-form-urlencoded parsing).
function decodeComponent(encoded: string, where: string): string {
  const plain = encoded.replaceAll('+', ' ');
  if (!plain.includes('%')) return plain;
  try {
    return decodeURIComponent(plain);
  } catch {
    throw new HttpError(
      'BAD_PERCENT_ENCODING',
      `the ${where} has a bad percent-encoding in "${encoded.slice(0, 100)}": each % must be followed by two hex digits, and the escaped bytes must be UTF-8 (encode the text with encodeURIComponent)`,
    );
  }
}
