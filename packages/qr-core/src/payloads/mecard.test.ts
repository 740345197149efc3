/**
 * mecard(): NTT DoCoMo's MeCard as ZXing reads it (mecard.ts cites the sources); each expected
 * string is parsed by a port of ZXing's AddressBookDoCoMoResultParser and read back by ZXing-C++.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { payload } from './index.js';
import { mecard, type MecardPayload } from './mecard.js';
import { throwsPayload } from './test-support/assert.js';
import { roundTrip, zxingMecard } from './test-support/readers.js';

describe('mecard', () => {
  test("the ZXing wiki's example (Barcode Contents), from its fields", async () => {
    // The wiki writes ADR's commas bare; escaped, ZXing reads the same address.
    const text = mecard({ name: 'Owen,Sean', address: '76 9th Avenue, 4th Floor, New York, NY 10011', phone: '12125551212', email: 'srowen@example.com' });
    assert.equal(text, 'MECARD:N:Owen,Sean;TEL:12125551212;EMAIL:srowen@example.com;ADR:76 9th Avenue\\, 4th Floor\\, New York\\, NY 10011;;');
    const parsed = zxingMecard(text)!;
    assert.equal(parsed.name, 'Sean Owen');
    assert.deepEqual(parsed.addresses, ['76 9th Avenue, 4th Floor, New York, NY 10011']);
    assert.equal(await roundTrip(text), text);
  });

  test('every field, several phones and e-mails, the birthday as YYYYMMDD', async () => {
    const input: MecardPayload = {
      name: 'Ada Lovelace',
      phone: ['+44 20 7946 0000', '+44 7700 900123'],
      email: ['ada@example.com', 'countess@example.org'],
      url: 'https://example.com/ada',
      address: '12 St James’s Square\nLondon',
      note: 'Analyst; poet: "of science", \\ too',
      birthday: '1815-12-10',
    };
    const text = mecard(input);
    assert.equal(
      text,
      'MECARD:N:Ada Lovelace;TEL:+44 20 7946 0000;TEL:+44 7700 900123;EMAIL:ada@example.com;EMAIL:countess@example.org;' +
        'URL:https\\://example.com/ada;ADR:12 St James’s Square\nLondon;NOTE:Analyst\\; poet\\: \\"of science\\"\\, \\\\ too;BDAY:18151210;;',
    );
    assert.equal(payload({ type: 'mecard', ...input }), text);
    assert.deepEqual(zxingMecard(text), {
      name: 'Ada Lovelace',
      phones: ['+44 20 7946 0000', '+44 7700 900123'],
      emails: ['ada@example.com', 'countess@example.org'],
      note: 'Analyst; poet: "of science", \\ too',
      addresses: ['12 St James’s Square\nLondon'],
      birthday: '18151210',
      urls: ['https://example.com/ada'],
    });
    assert.equal(await roundTrip(text), text);
  });

  test("a note that holds another field's prefix stays the note", () => {
    const text = mecard({ name: 'X', note: 'TEL:123 URL:http://evil' });
    assert.equal(text, 'MECARD:N:X;NOTE:TEL\\:123 URL\\:http\\://evil;;');
    const parsed = zxingMecard(text)!;
    assert.equal(parsed.phones, null);
    assert.equal(parsed.urls, null);
    assert.equal(parsed.note, 'TEL:123 URL:http://evil');
  });

  test("the name's comma is DoCoMo's family,given separator, left bare; its other specials are escaped", () => {
    assert.equal(mecard({ name: 'Lovelace,Ada' }), 'MECARD:N:Lovelace,Ada;;');
    assert.equal(zxingMecard('MECARD:N:Lovelace,Ada;;')!.name, 'Ada Lovelace');
    assert.equal(mecard({ name: 'A;B:C"D\\E' }), 'MECARD:N:A\\;B\\:C\\"D\\\\E;;');
    assert.equal(zxingMecard('MECARD:N:A\\;B\\:C\\"D\\\\E;;')!.name, 'A;B:C"D\\E');
  });

  test('non-ASCII and empty optional fields', async () => {
    const text = mecard({ name: '山田太郎', phone: [], email: '', note: undefined, birthday: '' });
    assert.equal(text, 'MECARD:N:山田太郎;;');
    assert.equal(await roundTrip(text), text);
  });

  test('every wrong field is INVALID_PAYLOAD naming it', () => {
    const m = (input: unknown) => () => mecard(input as MecardPayload);
    throwsPayload(m({}), 'mecard: name is missing: it is required', 'name');
    throwsPayload(m({ name: 'A\nB' }), 'mecard: name "A\\nB" holds a line break: it must be one line', 'name');
    throwsPayload(m({ name: 'A', phone: 'call me' }), 'mecard: phone "call me" is not a phone number: it must be digits, optionally with a leading + and spaces, -, ., (, ) between them', 'phone');
    throwsPayload(m({ name: 'A', phone: ['+1 555', 7] }), 'mecard: phone a list ["+1 555",7] must be a string or a list of strings', 'phone');
    throwsPayload(m({ name: 'A', email: 'ada' }), 'mecard: email "ada" is not an e-mail address: it must look like name@example.com', 'email');
    throwsPayload(m({ name: 'A', url: 'example.com' }), 'mecard: url "example.com" is not an absolute URL: it must start with its scheme, such as https://example.com', 'url');
    throwsPayload(m({ name: 'A', birthday: '10/12/1815' }), 'mecard: birthday "10/12/1815" is not a date: it must be YYYY-MM-DD, such as 1815-12-10', 'birthday');
    throwsPayload(m({ name: 'A', birthday: '1815-02-29' }), 'mecard: birthday "1815-02-29" is not a day of the calendar: it must be a real date YYYY-MM-DD', 'birthday');
    throwsPayload(m({ name: 'A', org: 'X' }), 'mecard: org is not a field of mecard: the fields are name, phone, email, url, address, note, birthday', 'org');
  });
});
