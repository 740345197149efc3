/**
 * epc(): the EPC069-12 SEPA credit transfer QR, version 002 — the guideline's layout, IBANs of
 * many countries (right and wrong check digits, lengths, countries), BICs, amounts, ISO 11649
 * references, the 331-byte limit, and the code at ECL M read back by ZXing-C++.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { encode } from '../encode.js';
import { epc, type EpcPayload } from './epc.js';
import { checkDigits, mod97, SEPA_IBAN_LENGTHS } from './iban.js';
import { payload, PAYLOAD_SCHEMAS } from './index.js';
import { throwsPayload } from './test-support/assert.js';
import { roundTrip } from './test-support/readers.js';

/** MOD 97-10 the slow, obvious way (BigInt), to check iban.ts's piecewise one. */
function mod97BigInt(text: string): number {
  const digits = Array.from(text, (ch) => (/\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55))).join('');
  return Number(BigInt(digits) % 97n);
}
const rearranged = (code: string): string => `${code.slice(4)}${code.slice(0, 4)}`;

/** IBANs from the ISO 13616 registry's examples (and the banks' published ones), each valid. */
const VALID_IBANS: Record<string, string> = {
  AT: 'AT61 1904 3002 3457 3201',
  BE: 'BE68 5390 0754 7034',
  CH: 'CH93 0076 2011 6238 5295 7',
  DE: 'DE89 3704 0044 0532 0130 00',
  ES: 'ES91 2100 0418 4502 0005 1332',
  FI: 'FI21 1234 5600 0007 85',
  FR: 'FR14 2004 1010 0505 0001 3M02 606',
  GB: 'GB29 NWBK 6016 1331 9268 19',
  IE: 'IE29 AIBK 9311 5212 3456 78',
  IT: 'IT60 X054 2811 1010 0000 0123 456',
  LU: 'LU28 0019 4006 4475 0000',
  MT: 'MT84 MALT 0110 0001 2345 MTLC AST0 01S',
  NL: 'NL91 ABNA 0417 1643 00',
  NO: 'NO93 8601 1117 947',
  PL: 'PL61 1090 1014 0000 0712 1981 2874',
  PT: 'PT50 0002 0123 1234 5678 9015 4',
  SE: 'SE45 5000 0000 0583 9825 7466',
  SM: 'SM86 U032 2509 8000 0000 0270 100',
  VA: 'VA59 0011 2300 0012 3456 78',
};

describe('epc', () => {
  test("the guideline's layout: BCD, 002, 1 (UTF-8), SCT, BIC, name, IBAN, amount, purpose, reference, text; LF between, none at the end", async () => {
    const input: EpcPayload = { name: 'Franz Mustermänn', iban: 'DE71 1102 2033 0123 4567 89', bic: 'BHBLDEHHXXX', amount: 12.3, purpose: 'GDDS', reference: 'RF18 5390 0754 7034' };
    const text = epc(input);
    assert.equal(text, 'BCD\n002\n1\nSCT\nBHBLDEHHXXX\nFranz Mustermänn\nDE71110220330123456789\nEUR12.30\nGDDS\nRF18539007547034');
    assert.equal(payload({ type: 'epc', ...input }), text);
    assert.equal(await roundTrip(text, 'M'), text);
  });

  test("Wikipedia's (EPC QR code) example: the Wikimedia donation, with an unstructured text", () => {
    assert.equal(
      epc({ name: 'Wikimedia Foerdergesellschaft', iban: 'DE33100205000001194700', bic: 'BFSWDE33BER', amount: 123.45, purpose: 'CHAR', text: 'Spende fuer Wikipedia' }),
      'BCD\n002\n1\nSCT\nBFSWDE33BER\nWikimedia Foerdergesellschaft\nDE33100205000001194700\nEUR123.45\nCHAR\n\nSpende fuer Wikipedia',
    );
  });

  test('version 002 without a BIC inside the EEA, and the least: name and IBAN', () => {
    assert.equal(epc({ name: 'Red Cross', iban: 'be68539007547034' }), 'BCD\n002\n1\nSCT\n\nRed Cross\nBE68539007547034');
    assert.equal(epc({ name: 'A', iban: 'DE89370400440532013000', amount: 5 }), 'BCD\n002\n1\nSCT\n\nA\nDE89370400440532013000\nEUR5.00');
    assert.equal(epc({ name: 'A', iban: 'DE89370400440532013000', text: 'Rechnung 42 ✓' }), 'BCD\n002\n1\nSCT\n\nA\nDE89370400440532013000\n\n\n\nRechnung 42 ✓');
  });

  test('the schema says ECL M, and the code made at M reads back', async () => {
    assert.equal(PAYLOAD_SCHEMAS.epc.ecl, 'M');
    const text = epc({ name: 'Zoë Ångström', iban: VALID_IBANS['FR']!, bic: 'BNPAFRPP', amount: 999999999.99, text: 'Facture n° 2025-001 — merci !' });
    assert.equal(await roundTrip(text, 'M'), text);
  });

  test('IBANs of every country listed are accepted: spaces dropped, letters upper-cased; the check digits agree with a BigInt MOD 97', () => {
    for (const [country, iban] of Object.entries(VALID_IBANS)) {
      const compact = iban.replace(/ /g, '');
      assert.equal(compact.length, SEPA_IBAN_LENGTHS[country]!.length, `${country}'s length`);
      assert.equal(mod97BigInt(rearranged(compact)), 1, `${iban} is valid`);
      assert.equal(mod97(rearranged(compact)), 1);
      assert.equal(checkDigits(country, compact.slice(4)), compact.slice(2, 4));
      const bic = SEPA_IBAN_LENGTHS[country]!.eea ? undefined : 'NWBKGB2L';
      assert.equal(epc({ name: 'x', iban: iban.toLowerCase(), bic }).split('\n')[6], compact, country);
    }
  });

  test("the registry's lengths for the SEPA countries", () => {
    const lengths = Object.fromEntries(Object.entries(SEPA_IBAN_LENGTHS).map(([country, { length }]) => [country, length]));
    assert.deepEqual(lengths, {
      AD: 24, AL: 28, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22,
      IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
    });
  });

  test("wrong IBANs: the design's example message, wrong check digits in several countries, lengths, countries, characters", () => {
    const e = (iban: unknown, bic?: string) => () => epc({ name: 'x', iban, bic } as EpcPayload);
    throwsPayload(e('DE89 3704 0044 0532 0130 01'), 'epc: iban DE89 3704 0044 0532 0130 01 has check digits 89 but should have 62', 'iban');
    throwsPayload(e('AT61 1904 3002 3457 3202'), /^epc: iban AT61 1904 3002 3457 3202 has check digits 61 but should have \d\d$/, 'iban');
    throwsPayload(e('FR14 2004 1010 0505 0001 3M02 607'), /^epc: iban FR14 2004 1010 0505 0001 3M02 607 has check digits 14 but should have \d\d$/, 'iban');
    // Two digits swapped: the error MOD 97 exists to catch.
    throwsPayload(e('NL91 ABNA 0417 1643 00'.replace('0417', '0471')), /^epc: iban NL91 ABNA 0471 1643 00 has check digits 91 but should have \d\d$/, 'iban');
    throwsPayload(e('GB29 NWBK 6016 1331 9268 18', 'NWBKGB2L'), /^epc: iban GB29 NWBK 6016 1331 9268 18 has check digits 29/, 'iban');
    throwsPayload(e('DE8937040044053201300'), 'epc: iban DE89 3704 0044 0532 0130 0 has 21 characters but an IBAN of DE has 22', 'iban');
    throwsPayload(e('NO93 8601 1117 9470'), 'epc: iban NO93 8601 1117 9470 has 16 characters but an IBAN of NO has 15', 'iban');
    throwsPayload(e('BR15 0000 0000 0000 1093 2840 814P 2'), 'epc: iban BR15 0000 0000 0000 1093 2840 814P 2 is from BR, which is outside the SEPA area: an EPC payment code pays into an account of a SEPA country', 'iban');
    throwsPayload(e('TR33 0006 1005 1978 6457 8413 26'), /^epc: iban TR33 .* is from TR, which is outside the SEPA area/, 'iban');
    throwsPayload(e('XX00 1234'), /^epc: iban XX00 1234 is from XX, which is outside the SEPA area/, 'iban');
    throwsPayload(e('DE89-3704-0044-0532-0130-00'), 'epc: iban "DE89-3704-0044-0532-0130-00" is not an IBAN: it must be 2 letters of country, 2 check digits and the account\'s letters and digits, such as DE89 3704 0044 0532 0130 00', 'iban');
    throwsPayload(e('DEXX370400440532013000'), /^epc: iban "DEXX370400440532013000" is not an IBAN/, 'iban');
    throwsPayload(e('3704 0044 0532 0130 00'), /^epc: iban "3704 0044 0532 0130 00" is not an IBAN/, 'iban');
    throwsPayload(e('DE89 3704 0044 0532 0130 0Ä'), /^epc: iban "DE89 3704 0044 0532 0130 0Ä" is not an IBAN/, 'iban');
    throwsPayload(e(''), 'epc: iban is empty: it is required', 'iban');
    throwsPayload(e(4711), 'epc: iban 4711 must be a string', 'iban');
  });

  test('BIC: 8 or 11 characters of ISO 9362 form; required outside the EEA', () => {
    const withBic = (bic: string | undefined, iban = 'DE89370400440532013000') => epc({ name: 'x', iban, bic });
    assert.equal(withBic('COBADEFF').split('\n')[4], 'COBADEFF');
    assert.equal(withBic('cobade ff xxx').split('\n')[4], 'COBADEFFXXX');
    assert.equal(withBic('NWBKGB2L', 'GB29NWBK60161331926819').split('\n')[4], 'NWBKGB2L');
    throwsPayload(() => withBic('COBADEF'), 'epc: bic "COBADEF" is not a BIC: it must be 8 or 11 letters and digits, the bank\'s 4, the country\'s 2 letters, the location\'s 2 and optionally the branch\'s 3, such as COBADEFFXXX', 'bic');
    throwsPayload(() => withBic('COBADEFFXX'), /^epc: bic "COBADEFFXX" is not a BIC/, 'bic');
    throwsPayload(() => withBic('COBA1EFF'), /^epc: bic "COBA1EFF" is not a BIC/, 'bic');
    throwsPayload(() => withBic(undefined, 'GB29NWBK60161331926819'), 'epc: bic is missing: an account of GB, outside the EEA, needs the BIC of its bank (the SEPA credit transfer rulebook)', 'bic');
    throwsPayload(() => withBic(undefined, 'CH9300762011623852957'), /^epc: bic is missing: an account of CH, outside the EEA/, 'bic');
  });

  test('amounts: 0.01 to 999999999.99, at most two decimals, written with two', () => {
    const amount = (value: unknown) => epc({ name: 'x', iban: 'DE89370400440532013000', amount: value } as EpcPayload).split('\n')[7];
    assert.equal(amount(0.01), 'EUR0.01');
    assert.equal(amount(0.1), 'EUR0.10');
    assert.equal(amount(12), 'EUR12.00');
    assert.equal(amount(12.5), 'EUR12.50');
    assert.equal(amount(1234.56), 'EUR1234.56');
    assert.equal(amount(999999999.99), 'EUR999999999.99');
    const range = (value: number) => `epc: amount ${value} is out of range: an amount is from 0.01 to 999999999.99 euro (EPC069-12)`;
    throwsPayload(() => amount(0), range(0), 'amount');
    throwsPayload(() => amount(0.001), range(0.001), 'amount');
    throwsPayload(() => amount(-5), range(-5), 'amount');
    throwsPayload(() => amount(1e9), range(1e9), 'amount');
    throwsPayload(() => amount(12.345), 'epc: amount 12.345 has more than two decimals: an amount in euro is whole cents, such as 12.5 or 12.50', 'amount');
    throwsPayload(() => amount(0.1 + 0.2), 'epc: amount 0.30000000000000004 has more than two decimals: an amount in euro is whole cents, such as 12.5 or 12.50', 'amount');
    throwsPayload(() => amount('12.30'), 'epc: amount "12.30" must be a finite number', 'amount');
    throwsPayload(() => amount(Number.NaN), 'epc: amount NaN must be a finite number', 'amount');
  });

  test('purpose: 4 letters, upper-cased', () => {
    assert.equal(epc({ name: 'x', iban: 'DE89370400440532013000', purpose: 'char' }).split('\n')[8], 'CHAR');
    throwsPayload(() => epc({ name: 'x', iban: 'DE89370400440532013000', purpose: 'CHARITY' }), 'epc: purpose "CHARITY" is not a purpose code: it must be 4 letters (ISO 20022 ExternalPurpose1Code), such as CHAR or GDDS', 'purpose');
    throwsPayload(() => epc({ name: 'x', iban: 'DE89370400440532013000', purpose: 'CH4R' }), /^epc: purpose "CH4R" is not a purpose code/, 'purpose');
  });

  test('ISO 11649 references: right check digits accepted (spaces, lower case, leading zeros, 25 characters), wrong ones named', () => {
    const ref = (reference: string) => epc({ name: 'x', iban: 'DE89370400440532013000', reference }).split('\n')[9];
    assert.equal(ref('RF18 5390 0754 7034'), 'RF18539007547034');
    assert.equal(ref('rf18539007547034'), 'RF18539007547034');
    assert.equal(ref('RF18 0000 0000 0539 0075 4703 4'), 'RF18000000000539007547034');
    // References of letters: the check digits come from the same MOD 97-10.
    for (const body of ['A', 'INVOICE2025001', 'ABCDEFGHIJKLMNOPQRSTU', '1']) {
      const digits = checkDigits('RF', body);
      assert.equal(mod97BigInt(`${body}RF${digits}`), 1);
      assert.equal(ref(`RF${digits}${body}`), `RF${digits}${body}`);
    }
    throwsPayload(() => ref('RF19 5390 0754 7034'), 'epc: reference RF19 5390 0754 7034 has check digits 19 but should have 18', 'reference');
    throwsPayload(() => ref('RF18 5390 0754 7043'), /^epc: reference RF18 5390 0754 7043 has check digits 18 but should have \d\d$/, 'reference');
    throwsPayload(() => ref('RF18 0000 0000 0539 0075 4703 40'), 'epc: reference "RF18 0000 0000 0539 0075 4703 40" is not an ISO 11649 creditor reference: it must be RF, 2 check digits and 1 to 21 letters or digits, such as RF18 5390 0754 7034 (or give the text field instead)', 'reference');
    throwsPayload(() => ref('+++090/9337/55493+++'), /^epc: reference "\+\+\+090\/9337\/55493\+\+\+" is not an ISO 11649 creditor reference/, 'reference');
    throwsPayload(() => ref('RF18'), /^epc: reference "RF18" is not an ISO 11649 creditor reference/, 'reference');
  });

  test('a reference or a text, not both; the text at most 140 characters, the name at most 70', () => {
    const base = { iban: 'DE89370400440532013000' };
    throwsPayload(() => epc({ ...base, name: 'x', reference: 'RF18539007547034', text: 'and text' }), 'epc: text is given with a reference: a payment carries a structured reference or a text, not both (EPC069-12)', 'text');
    assert.equal(epc({ ...base, name: 'x', text: 'é'.repeat(140) }).split('\n')[10], 'é'.repeat(140));
    throwsPayload(() => epc({ ...base, name: 'x', text: 'a'.repeat(141) }), 'epc: text has 141 characters: the payment text has at most 140 (EPC069-12)', 'text');
    assert.equal(epc({ ...base, name: '🚀'.repeat(70) }).split('\n')[5], '🚀'.repeat(70));
    throwsPayload(() => epc({ ...base, name: 'a'.repeat(71) }), `epc: name "${'a'.repeat(71)}" has 71 characters: the beneficiary's name has at most 70 (EPC069-12)`, 'name');
    throwsPayload(() => epc({ ...base, name: 'a\nb' }), 'epc: name "a\\nb" holds a line break: it must be one line', 'name');
    throwsPayload(() => epc({ ...base, name: 'x', text: 'a\r\nb' }), 'epc: text "a\\r\\nb" holds a line break: it must be one line', 'text');
    throwsPayload(() => epc({ ...base } as EpcPayload), 'epc: name is missing: it is required', 'name');
  });

  test('the whole is at most 331 bytes: 331 accepted (version 13 at ECL M, the guideline\'s largest), 332 refused', async () => {
    // 42 bytes of structure and IBAN, a 70-character name of 2-byte letters (140 bytes), a text of 149 bytes in 140 characters.
    const name = 'é'.repeat(70);
    const text331 = `${'é'.repeat(9)}${'a'.repeat(131)}`;
    const data = epc({ name, iban: 'DE89370400440532013000', text: text331 });
    assert.equal(new TextEncoder().encode(data).length, 331);
    assert.ok(encode(data, { ecl: 'M' }).version <= 13);
    assert.equal(await roundTrip(data, 'M'), data);
    const text332 = `${'é'.repeat(10)}${'a'.repeat(130)}`;
    throwsPayload(() => epc({ name, iban: 'DE89370400440532013000', text: text332 }), 'epc: text makes the payment 332 bytes in UTF-8: EPC069-12 allows at most 331; shorten the text', 'text');
    // Without a text, the name is what to shorten.
    throwsPayload(() => epc({ name: '😀'.repeat(70), iban: 'MT84MALT011000012345MTLCAST001S', bic: 'MALTMTMTXXX', amount: 999999999.99, purpose: 'GDDS', reference: 'RF18000000000539007547034' }), /^epc: name makes the payment 3\d\d bytes in UTF-8: EPC069-12 allows at most 331; shorten the name$/, 'name');
  });

  test('unknown fields are refused', () => {
    throwsPayload(() => epc({ name: 'x', iban: 'DE89370400440532013000', currency: 'EUR' } as unknown as EpcPayload), 'epc: currency is not a field of epc: the fields are name, iban, bic, amount, purpose, reference, text', 'currency');
  });
});
