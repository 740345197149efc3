/** sms(): `SMSTO:number:message` (sms.ts says why not RFC 5724's sms:), as ZXing's SMSTOMMSTOResultParser reads it. */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { payload } from './index.js';
import { sms, type SmsPayload } from './sms.js';
import { throwsPayload } from './test-support/assert.js';
import { roundTrip, zxingSmsto } from './test-support/readers.js';

describe('sms', () => {
  const cases: [string, SmsPayload, string, { number: string; body: string | null }][] = [
    ['a number alone', { number: '+44 7700 900123' }, 'SMSTO:+447700900123', { number: '+447700900123', body: null }],
    ['separators dropped', { number: '(0171) 123-45.67' }, 'SMSTO:01711234567', { number: '01711234567', body: null }],
    ['a message with colons, semicolons, line breaks and non-ASCII, as it is', { number: '+15105550101', message: 'Meet at 10:30; bring 🍰\nThanks: Ada' }, 'SMSTO:+15105550101:Meet at 10:30; bring 🍰\nThanks: Ada', { number: '+15105550101', body: 'Meet at 10:30; bring 🍰\nThanks: Ada' }],
    ['an empty message is no message', { number: '12345', message: '' }, 'SMSTO:12345', { number: '12345', body: null }],
  ];
  for (const [name, input, expected, parsed] of cases) {
    test(`${name}: ${JSON.stringify(expected)}`, async () => {
      assert.equal(sms(input), expected);
      assert.equal(payload({ type: 'sms', ...input }), expected);
      assert.deepEqual(zxingSmsto(expected), parsed);
      assert.equal(await roundTrip(expected), expected);
    });
  }

  test('every wrong field is INVALID_PAYLOAD naming it', () => {
    const s = (input: unknown) => () => sms(input as SmsPayload);
    throwsPayload(s({ message: 'hi' }), 'sms: number is missing: it is required', 'number');
    throwsPayload(s({ number: '+1:555' }), 'sms: number "+1:555" is not a phone number: it must be digits, optionally with a leading + and spaces, -, ., (, ) between them', 'number');
    throwsPayload(s({ number: '+1234567890123456' }), 'sms: number "+1234567890123456" has 16 digits: an international number has at most 15 (ITU-T E.164)', 'number');
    throwsPayload(s({ number: 'none' }), /^sms: number "none" is not a phone number/, 'number');
    throwsPayload(s({ number: '123', message: 5 }), 'sms: message 5 must be a string', 'message');
    throwsPayload(s({ number: '123', message: 'a\u0007' }), 'sms: message "a\\u0007" holds the control character U+0007: it must be printable text', 'message');
    throwsPayload(s({ number: '123', body: 'hi' }), 'sms: body is not a field of sms: the fields are number, message', 'body');
  });
});
