/**
 * A phone number to call: a `tel:` URI, RFC 3966.
 *
 * - A global number (§5.1.4) is `+`, the country code and the number, with the visual separators
 *   `-`, `.`, `(`, `)` allowed between digits (§5.1.1). Spaces are not: "tel URIs MUST NOT use
 *   spaces in visual separators" (§5.1.1), so each run of spaces (or `/`) becomes one `-`:
 *   `+44 20 7946 0000` → `tel:+44-20-7946-0000`. E.164 allows at most 15 digits.
 * - A local number (§5.1.5) is only valid with a `phone-context` (§5.1.5: "local numbers MUST have
 *   a 'phone-context' parameter"), which is the global prefix it is dialled in (`+1-914-555`) or a
 *   domain name (`example.com`): give it as `863-1234;phone-context=+1-914-555`. A bare local number
 *   such as `0171 1234567` is refused with a message asking for the international form, which
 *   works from any country.
 */
import { checkFields, checkText, fail, show, str } from './fields.js';
import { defineSchema } from './schema.js';

export interface TelPayload {
  /** '+44 20 7946 0000', or a local number with its context: '7042;phone-context=example.com'. */
  number: string;
}

export const TEL_SCHEMA = defineSchema({
  type: 'tel',
  label: 'Phone',
  fields: [
    { name: 'number', kind: 'string', required: true, label: 'Phone number', description: 'The number in international form, + and the country code, such as +44 20 7946 0000 (a local number needs ;phone-context=, RFC 3966).' },
  ],
});

/** Visual separators between digits, spaces and `/` included, as people type them. */
const SEPARATED = (digits: string): RegExp => new RegExp(`^\\(?[${digits}]+(?:[ \\-.()/]+[${digits}]+)*\\)?$`);
const GLOBAL = SEPARATED('0-9');
const LOCAL = SEPARATED('0-9*#');
/** RFC 3966 §3 domainname: labels of letters, digits and `-`, separated by dots. */
const DOMAIN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?$/;

/** The `tel:` URI of a number. */
export function tel(input: TelPayload): string {
  const f = checkFields(TEL_SCHEMA, input);
  const number = str(f, 'number')!;
  checkText('tel', 'number', number, { lineBreaks: false });
  const [main = '', ...params] = number.split(';');
  if (main.trim().startsWith('+')) {
    if (params.length > 0) fail('tel', 'number', `${show(number)} is an international number with parameters: give the number alone`);
    return `tel:${globalNumber(number, main.trim())}`;
  }
  const context = params.length === 1 ? /^\s*phone-context=(.+)$/.exec(params[0]!)?.[1]?.trim() : undefined;
  if (context === undefined) {
    fail('tel', 'number', `${show(number)} is a local number: give it in international form, + and the country code (such as +44 20 7946 0000), or with its context as RFC 3966 requires (863-1234;phone-context=+1-914-555)`);
  }
  const local = main.trim();
  if (!LOCAL.test(local) || !/[0-9]/.test(local)) fail('tel', 'number', `${show(number)} is not a phone number: it must be digits, optionally with -, ., (, ) or spaces between them`);
  let descriptor: string;
  if (context.startsWith('+')) descriptor = globalNumber(number, context, 1);
  else if (DOMAIN.test(context)) descriptor = context.toLowerCase();
  else fail('tel', 'number', `${show(number)} has the phone-context ${show(context)}: it must be a global prefix such as +1-914-555 or a domain name such as example.com`);
  return `tel:${separators(local)};phone-context=${descriptor}`;
}

/**
 * `+` digits with separators, spaces as `-`; at most 15 digits (ITU-T E.164 §6), at least
 * `minimum` (3 for a number; a phone-context's prefix may be a country code alone, `+1`).
 */
function globalNumber(number: string, value: string, minimum = 3): string {
  const digits = value.slice(1).trim();
  if (/^\d+\s*\(0\)/.test(digits)) fail('tel', 'number', `${show(number)} holds (0), a national trunk prefix: leave it out of an international number (+44 20…, not +44 (0)20…)`);
  if (!GLOBAL.test(digits)) fail('tel', 'number', `${show(number)} is not a phone number: after the + it must be digits, optionally with -, ., (, ) or spaces between them`);
  const count = digits.replace(/\D/g, '').length;
  if (count > 15) fail('tel', 'number', `${show(number)} has ${count} digits: an international number has at most 15 (ITU-T E.164)`);
  if (count < minimum) fail('tel', 'number', `${show(number)} has ${count} digit${count === 1 ? '' : 's'}: an international number has the country code and the number, at least 3 digits`);
  return `+${separators(digits)}`;
}

/** Runs of spaces and `/` (with any separators around them) become one `-`; RFC 3966 separators stay. */
function separators(value: string): string {
  return value.replace(/[-.]*[ /]+[-.]*/g, '-');
}
