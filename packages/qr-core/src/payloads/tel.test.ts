/** tel(): `tel:` URIs, RFC 3966 — its own examples, visual separators, global and local numbers. */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { payload } from './index.js';
import { tel, type TelPayload } from './tel.js';
import { throwsPayload } from './test-support/assert.js';
import { roundTrip } from './test-support/readers.js';

/** RFC 3966 §3's ABNF for the URIs tel() writes (global numbers; local ones with phone-context). */
const VISUAL = '[-.()]';
const GLOBAL = `\\+(?:[0-9]|${VISUAL})*[0-9](?:[0-9]|${VISUAL})*`;
const LOCAL = `(?:[0-9A-Fa-f*#]|${VISUAL})*[0-9A-Fa-f*#](?:[0-9A-Fa-f*#]|${VISUAL})*`;
const DOMAIN = '(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.?';
const TEL_URI = new RegExp(`^tel:(?:${GLOBAL}|${LOCAL};phone-context=(?:${GLOBAL}|${DOMAIN}))$`);

describe('tel', () => {
  const cases: [string, string, string][] = [
    ["RFC 3966 §6's global example, as written", '+1-201-555-0123', 'tel:+1-201-555-0123'],
    ["RFC 3966 §6's local examples", '7042;phone-context=example.com', 'tel:7042;phone-context=example.com'],
    ['', '863-1234;phone-context=+1-914-555', 'tel:863-1234;phone-context=+1-914-555'],
    ['spaces (E.123) become -, which RFC 3966 §5.1.1 requires', '+44 20 7946 0000', 'tel:+44-20-7946-0000'],
    ['runs of spaces and / become one -', '+49  30 / 1234-56', 'tel:+49-30-1234-56'],
    ['parentheses and dots are visual separators', '+1 (201) 555.0123', 'tel:+1-(201)-555.0123'],
    ['digits only', '+442079460000', 'tel:+442079460000'],
    ['15 digits, the most E.164 allows', '+123456789012345', 'tel:+123456789012345'],
    ['a local service code with * and #', '*100#;phone-context=+44', 'tel:*100#;phone-context=+44'],
    ['the domain of a context is lower-cased', '1234;phone-context=Example.COM', 'tel:1234;phone-context=example.com'],
    ['spaces around the parts are trimmed', ' +44 20 7946 0000 ', 'tel:+44-20-7946-0000'],
  ];
  for (const [name, number, expected] of cases) {
    test(`${name ? `${name}: ` : ''}${JSON.stringify(number)} → ${expected}`, async () => {
      assert.equal(tel({ number }), expected);
      assert.equal(payload({ type: 'tel', number }), expected);
      assert.match(expected, TEL_URI);
      assert.equal(await roundTrip(expected), expected);
    });
  }

  test('every wrong number is INVALID_PAYLOAD naming the field', () => {
    const t = (input: unknown) => () => tel(input as TelPayload);
    throwsPayload(t({}), 'tel: number is missing: it is required', 'number');
    throwsPayload(t({ number: '0171 1234567' }), 'tel: number "0171 1234567" is a local number: give it in international form, + and the country code (such as +44 20 7946 0000), or with its context as RFC 3966 requires (863-1234;phone-context=+1-914-555)', 'number');
    throwsPayload(t({ number: '112' }), /^tel: number "112" is a local number/, 'number');
    throwsPayload(t({ number: '+44 (0)20 7946 0000' }), 'tel: number "+44 (0)20 7946 0000" holds (0), a national trunk prefix: leave it out of an international number (+44 20…, not +44 (0)20…)', 'number');
    throwsPayload(t({ number: '+44 20 CALL NOW' }), 'tel: number "+44 20 CALL NOW" is not a phone number: after the + it must be digits, optionally with -, ., (, ) or spaces between them', 'number');
    throwsPayload(t({ number: '+1234567890123456' }), 'tel: number "+1234567890123456" has 16 digits: an international number has at most 15 (ITU-T E.164)', 'number');
    throwsPayload(t({ number: '+12' }), 'tel: number "+12" has 2 digits: an international number has the country code and the number, at least 3 digits', 'number');
    throwsPayload(t({ number: '+44-' }), /^tel: number "\+44-" is not a phone number/, 'number');
    throwsPayload(t({ number: '+44 20;ext=1' }), 'tel: number "+44 20;ext=1" is an international number with parameters: give the number alone', 'number');
    throwsPayload(t({ number: '7042;phone-context=exa_mple' }), 'tel: number "7042;phone-context=exa_mple" has the phone-context "exa_mple": it must be a global prefix such as +1-914-555 or a domain name such as example.com', 'number');
    throwsPayload(t({ number: 'abc;phone-context=+1' }), /^tel: number "abc;phone-context=\+1" is not a phone number/, 'number');
    throwsPayload(t({ number: '+44\n20' }), 'tel: number "+44\\n20" holds a line break: it must be one line', 'number');
    throwsPayload(t({ number: 442079460000 }), 'tel: number 442079460000 must be a string', 'number');
    throwsPayload(t({ number: '+44', name: 'x' }), 'tel: name is not a field of tel: the fields are number', 'name');
  });
});
