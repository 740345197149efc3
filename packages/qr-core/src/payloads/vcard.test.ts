/**
 * vcard(): vCard 3.0 (RFC 2426) — its own examples, every escaped character, folding at 75 octets
 * with multi-byte characters on the boundary, and the whole read back by the RFC's rules
 * (test-support/readers.ts, contentLines) and from a symbol by ZXing-C++.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { payload } from './index.js';
import { throwsPayload } from './test-support/assert.js';
import { contentLines, roundTrip, splitValue, unescapeText } from './test-support/readers.js';
import { foldLine } from './text.js';
import { vcard, type VcardPayload } from './vcard.js';

const card = (...lines: string[]): string => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');

/** The unescaped value of each property of `text`, read by RFC 2425/2426 rules. */
function properties(text: string): [string, string][] {
  return contentLines(text).map((line) => [line.name, line.value]);
}

describe('vcard', () => {
  test("RFC 2426 §7's vCard of its first author, in the properties vcard() writes (FN, ORG, TEL, EMAIL, URL)", async () => {
    const text = vcard({
      name: 'Frank Dawson',
      org: 'Lotus Development Corporation',
      phone: ['+1-919-676-9515', '+1-919-676-9564'],
      email: ['Frank_Dawson@Lotus.com', 'fdawson@earthlink.net'],
      url: 'http://home.earthlink.net/~fdawson',
    });
    assert.equal(
      text,
      card(
        'N:;Frank Dawson;;;',
        'FN:Frank Dawson',
        'ORG:Lotus Development Corporation',
        'TEL:+1-919-676-9515',
        'TEL:+1-919-676-9564',
        'EMAIL:Frank_Dawson@Lotus.com',
        'EMAIL:fdawson@earthlink.net',
        'URL:http://home.earthlink.net/~fdawson',
      ),
    );
    assert.equal(await roundTrip(text), text);
  });

  test("RFC 2426's property examples: FN with an escaped comma (§3.1.1), NOTE's \\n and \\, (§3.6.2), BDAY (§3.1.5)", () => {
    const text = vcard({ name: 'Mr. John Q. Public, Esq.', note: 'This fax number is operational 0800 to 1715\nEST, Mon-Fri.', birthday: '1996-04-15' });
    const lines = text.split('\r\n');
    assert.ok(lines.includes('FN:Mr. John Q. Public\\, Esq.'));
    // §3.6.2 folds its example after "1715"; unfolded, it is this line.
    assert.ok(lines.includes('NOTE:This fax number is operational 0800 to 1715\\nEST\\, Mon-Fri.'));
    assert.ok(lines.includes('BDAY:1996-04-15'));
  });

  test('the structured name from given and family (RFC 2426 §3.1.2: family;given;additional;prefix;suffix), FN joined unless given', () => {
    assert.equal(vcard({ given: 'Ada', family: 'Lovelace' }), card('N:Lovelace;Ada;;;', 'FN:Ada Lovelace'));
    assert.equal(vcard({ family: 'Lovelace' }), card('N:Lovelace;;;;', 'FN:Lovelace'));
    assert.equal(vcard({ given: 'Ada' }), card('N:;Ada;;;', 'FN:Ada'));
    assert.equal(vcard({ name: 'Augusta Ada King, Countess of Lovelace', given: 'Augusta Ada', family: 'King' }), card('N:King;Augusta Ada;;;', 'FN:Augusta Ada King\\, Countess of Lovelace'));
  });

  test("the design's CLI example, and every field", async () => {
    assert.equal(vcard({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0000' }), card('N:;Ada Lovelace;;;', 'FN:Ada Lovelace', 'TEL:+44 20 7946 0000', 'EMAIL:ada@example.com'));
    const input: VcardPayload = {
      name: 'Ada Lovelace',
      given: 'Ada',
      family: 'Lovelace',
      org: 'Analytical Engines, Ltd.',
      title: 'Analyst',
      phone: ['+44 20 7946 0000'],
      email: 'ada@example.com',
      url: 'https://example.com/ada',
      address: '12 St James’s Square\nLondon SW1Y 4JH',
      note: 'Wrote the first program; see notes',
      birthday: '1815-12-10',
    };
    const text = vcard(input);
    assert.equal(
      text,
      card(
        'N:Lovelace;Ada;;;',
        'FN:Ada Lovelace',
        'ORG:Analytical Engines\\, Ltd.',
        'TITLE:Analyst',
        'TEL:+44 20 7946 0000',
        'EMAIL:ada@example.com',
        'URL:https://example.com/ada',
        'ADR:;;12 St James’s Square\\nLondon SW1Y 4JH;;;;',
        'NOTE:Wrote the first program\\; see notes',
        'BDAY:1815-12-10',
      ),
    );
    assert.equal(payload({ type: 'vcard', ...input }), text);
    assert.equal(await roundTrip(text), text);
    const adr = contentLines(text).find((line) => line.name === 'ADR')!;
    assert.deepEqual(splitValue(adr.value, ';').map(unescapeText), ['', '', '12 St James’s Square\nLondon SW1Y 4JH', '', '', '', '']);
  });

  test('every character that needs escaping, in every text property: \\ , ; and line breaks (LF, CR, CRLF: one \\n each)', () => {
    const nasty = 'a\\b,c;d:e\nf\r\ng\rh';
    const text = vcard({ name: nasty.replace(/[\r\n]/g, ' '), org: nasty.replace(/[\r\n]/g, ' '), title: 'x', address: nasty, note: nasty });
    const escaped = 'a\\\\b\\,c\\;d:e\\nf\\ng\\nh';
    const oneLine = 'a\\\\b\\,c\\;d:e f  g h';
    assert.equal(text, card(`N:;${oneLine};;;`, `FN:${oneLine}`, `ORG:${oneLine}`, 'TITLE:x', `ADR:;;${escaped};;;;`, `NOTE:${escaped}`));
    const note = contentLines(text).find((line) => line.name === 'NOTE')!;
    assert.equal(unescapeText(note.value), 'a\\b,c;d:e\nf\ng\nh');
    const n = contentLines(text).find((line) => line.name === 'N')!;
    assert.deepEqual(splitValue(n.value, ';').map(unescapeText), ['', 'a\\b,c;d:e f  g h', '', '', '']);
  });

  test('folding: a line of exactly 75 octets stays whole; 76 folds, the continuation starting with one space', () => {
    assert.equal(foldLine(`FN:${'a'.repeat(72)}`), `FN:${'a'.repeat(72)}`);
    assert.equal(foldLine(`FN:${'a'.repeat(73)}`), `FN:${'a'.repeat(72)}\r\n a`);
    // Continuation lines hold 74 octets after their space: 75 in all.
    const long = foldLine(`FN:${'a'.repeat(72 + 74 + 5)}`);
    assert.equal(long, `FN:${'a'.repeat(72)}\r\n ${'a'.repeat(74)}\r\n ${'a'.repeat(5)}`);
  });

  test('folding never splits a UTF-8 sequence: a 2-, 3- or 4-byte character across octet 75 moves to the next line whole', () => {
    // 'FN:' + 71 'a' = 74 octets; 'é' (2 bytes) would take octets 75 and 76.
    assert.equal(foldLine(`FN:${'a'.repeat(71)}é`), `FN:${'a'.repeat(71)}\r\n é`);
    // 'FN:' + 72 'a' = 75 octets; '€' (3 bytes) starts a new line.
    assert.equal(foldLine(`FN:${'a'.repeat(72)}€b`), `FN:${'a'.repeat(72)}\r\n €b`);
    // 73 octets, then a 4-byte emoji (two UTF-16 units): not split between octets nor surrogates.
    assert.equal(foldLine(`FN:${'a'.repeat(70)}🚀x`), `FN:${'a'.repeat(70)}\r\n 🚀x`);
    // A 2-byte character that ends exactly on octet 75 stays.
    assert.equal(foldLine(`FN:${'a'.repeat(70)}éb`), `FN:${'a'.repeat(70)}é\r\n b`);
    // All multi-byte: 'FN:' then 3-byte characters: 24 of them make 75 octets.
    assert.equal(foldLine(`FN:${'日'.repeat(30)}`), `FN:${'日'.repeat(24)}\r\n ${'日'.repeat(6)}`);
  });

  test('folding keeps an escape pair together', () => {
    // 'NOTE:' + 69 'a' = 74 octets; '\,' would be split after the backslash.
    assert.equal(foldLine(`NOTE:${'a'.repeat(69)}\\,b`), `NOTE:${'a'.repeat(69)}\r\n \\,b`);
    assert.equal(foldLine(`NOTE:${'a'.repeat(68)}\\,b`), `NOTE:${'a'.repeat(68)}\\,\r\n b`);
  });

  test('a long non-ASCII card: every physical line ≤ 75 octets, valid on its own, CRLF-ended; unfolded, the values come back', async () => {
    const note = 'Überall Grüße — 日本語のメモ 🚀🚀 ; , \\ '.repeat(6);
    const address = 'Straße 1\nКиев\n東京都';
    const text = vcard({ name: 'Zoë Ångström-Ñúñez 山田', note, address });
    const props = properties(text); // throws on a long line, a bare LF or a split character
    assert.equal(unescapeText(props.find(([name]) => name === 'NOTE')![1]), note);
    assert.equal(unescapeText(splitValue(props.find(([name]) => name === 'ADR')![1], ';')[2]!), address);
    assert.ok(text.split('\r\n').length > 8, 'folded');
    assert.equal(await roundTrip(text), text);
  });

  test('empty optional fields are absent; lists drop empty entries', () => {
    assert.equal(vcard({ name: 'A', org: '', title: undefined, phone: ['', '+1 555 0100', ''], email: [], url: '', note: '', birthday: '' }), card('N:;A;;;', 'FN:A', 'TEL:+1 555 0100'));
  });

  test('every wrong field is INVALID_PAYLOAD naming it', () => {
    const v = (input: unknown) => () => vcard(input as VcardPayload);
    throwsPayload(v({}), 'vcard: name is missing: a vCard needs a name, or a given or family name (RFC 2426 requires FN and N)', 'name');
    throwsPayload(v({ name: '', given: '', org: 'X' }), 'vcard: name is missing: a vCard needs a name, or a given or family name (RFC 2426 requires FN and N)', 'name');
    throwsPayload(v({ name: 'A\nB' }), 'vcard: name "A\\nB" holds a line break: it must be one line', 'name');
    throwsPayload(v({ given: 'A\rB' }), 'vcard: given "A\\rB" holds a line break: it must be one line', 'given');
    throwsPayload(v({ name: 'A', org: 'X\nY' }), 'vcard: org "X\\nY" holds a line break: it must be one line', 'org');
    throwsPayload(v({ name: 'A', title: 3 }), 'vcard: title 3 must be a string', 'title');
    throwsPayload(v({ name: 'A', phone: 'ext. 12' }), /^vcard: phone "ext\. 12" is not a phone number/, 'phone');
    throwsPayload(v({ name: 'A', phone: { number: '1' } }), 'vcard: phone an object {"number":"1"} must be a string or a list of strings', 'phone');
    throwsPayload(v({ name: 'A', email: ['ada@example.com', 'ada@'] }), 'vcard: email "ada@" is not an e-mail address: it must look like name@example.com', 'email');
    throwsPayload(v({ name: 'A', email: 'a b@example.com' }), 'vcard: email "a b@example.com" is not an e-mail address: it must look like name@example.com', 'email');
    throwsPayload(v({ name: 'A', email: 'ada@example..com' }), /^vcard: email "ada@example\.\.com" is not an e-mail address/, 'email');
    throwsPayload(v({ name: 'A', url: 'www.example.com' }), 'vcard: url "www.example.com" is not an absolute URL: it must start with its scheme, such as https://example.com', 'url');
    throwsPayload(v({ name: 'A', url: 'https://exa mple.com' }), /^vcard: url "https:\/\/exa mple\.com" is not an absolute URL/, 'url');
    throwsPayload(v({ name: 'A', note: 'x\u001by' }), 'vcard: note "x\\u001by" holds the control character U+001B: it must be printable text', 'note');
    throwsPayload(v({ name: 'A', birthday: '1815-13-01' }), 'vcard: birthday "1815-13-01" is not a day of the calendar: it must be a real date YYYY-MM-DD', 'birthday');
    throwsPayload(v({ name: 'A', birthday: '18151210' }), 'vcard: birthday "18151210" is not a date: it must be YYYY-MM-DD, such as 1815-12-10', 'birthday');
    throwsPayload(v({ name: 'A', nickname: 'Ada' }), 'vcard: nickname is not a field of vcard: the fields are name, given, family, org, title, phone, email, url, address, note, birthday', 'nickname');
  });

  test('leap days exist in leap years only', () => {
    assert.ok(vcard({ name: 'A', birthday: '2000-02-29' }).includes('BDAY:2000-02-29'));
    throwsPayload(() => vcard({ name: 'A', birthday: '1900-02-29' }), /is not a day of the calendar/, 'birthday');
  });
});
