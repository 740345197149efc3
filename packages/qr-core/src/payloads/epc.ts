/**
 * A SEPA credit transfer to pay: the European Payments Council's QR code, EPC069-12 "Quick
 * Response Code: Guidelines to Enable Data Capture for the Initiation of a SEPA Credit Transfer"
 * (version 2.1 of 2012, §2 "2D Code Guidelines" and its table of data elements; version 3.0 of
 * 2022 keeps them), in version 002 of the format:
 *
 *     BCD                      service tag
 *     002                      version
 *     1                        character set: 1 = UTF-8
 *     SCT                      identification: SEPA credit transfer
 *     <BIC>                    BIC of the beneficiary's bank: optional in version 002 inside the EEA
 *     <name>                   beneficiary, at most 70 characters
 *     <IBAN>                   beneficiary's account
 *     EUR<amount>              optional: EUR0.01 to EUR999999999.99
 *     <purpose>                optional: 4-letter ISO 20022 purpose code (such as CHAR, GDDS)
 *     <reference>              structured remittance: an ISO 11649 RF creditor reference (≤ 35), or
 *     <text>                   unstructured remittance: at most 140 characters — one of the two, not both
 *
 * Lines are separated by LF, the last one without; empty elements at the end are left out (as
 * segno's `make_epc_qr` does after the reference). The guidelines' §2: "QR code error level M",
 * "maximum QR code version 13, equivalent to ... 331 byte payload", character set 1 = UTF-8. So the
 * whole is at most 331 bytes — which at ECL M fits version 13 whatever the segmentation — and the
 * schema says `ecl: 'M'` and `symbology: 'qr'`, which qr-server, qr-widget and the CLI use.
 *
 * - IBAN: spaces allowed and dropped, letters upper-cased; the country must be in the SEPA scope,
 *   the length the registry's for it (iban.ts), the check digits right (ISO 13616, MOD 97-10).
 * - BIC (ISO 9362): 4 alphanumeric characters for the institution, 2 letters of country,
 *   2 alphanumeric for the location, optionally 3 for the branch (8 or 11 in all); required when
 *   the IBAN is from outside the EEA (the guidelines: "the BIC will continue to be mandatory for
 *   SEPA payment transactions involving non-EEA countries").
 * - Amount in euro as a number with at most two decimals (12.3 is EUR12.30), written with two.
 * - Reference (ISO 11649): `RF`, 2 check digits, 1 to 21 letters or digits (25 in all); spaces
 *   allowed and dropped, letters upper-cased, check digits verified (MOD 97-10).
 */
import { checkFields, checkText, fail, show, str } from './fields.js';
import { checkDigits, groups, mod97, SEPA_IBAN_LENGTHS } from './iban.js';
import { defineSchema } from './schema.js';
import { utf8Length } from './text.js';

export interface EpcPayload {
  /** The beneficiary's name, at most 70 characters. */
  name: string;
  iban: string;
  bic?: string;
  /** Euro, 0.01 to 999999999.99, at most two decimals. */
  amount?: number;
  /** ISO 20022 purpose code: 4 letters. */
  purpose?: string;
  /** ISO 11649 creditor reference, RF…; not with `text`. */
  reference?: string;
  /** Unstructured remittance information, at most 140 characters; not with `reference`. */
  text?: string;
}

export const EPC_SCHEMA = defineSchema({
  type: 'epc',
  label: 'Payment (SEPA)',
  ecl: 'M',
  symbology: 'qr',
  fields: [
    { name: 'name', kind: 'string', required: true, label: 'Beneficiary', description: 'The name of the person or company to pay, at most 70 characters.' },
    { name: 'iban', kind: 'string', required: true, label: 'IBAN', description: 'The account to pay into, such as DE89 3704 0044 0532 0130 00 (a country of the SEPA area).' },
    { name: 'bic', kind: 'string', required: false, label: 'BIC', description: "The bank's BIC (8 or 11 characters), such as COBADEFFXXX; needed only for accounts outside the EEA." },
    { name: 'amount', kind: 'number', required: false, label: 'Amount (EUR)', description: 'The amount in euro, 0.01 to 999999999.99, at most two decimals.' },
    { name: 'purpose', kind: 'string', required: false, label: 'Purpose code', description: 'An ISO 20022 purpose code, 4 letters, such as CHAR (charity) or GDDS (goods).' },
    { name: 'reference', kind: 'string', required: false, label: 'Reference', description: 'A structured creditor reference (ISO 11649), such as RF18 5390 0754 7034; or give a text instead.' },
    { name: 'text', kind: 'string', required: false, label: 'Payment text', description: 'The text the beneficiary sees, at most 140 characters; or give a reference instead.' },
  ],
});

/** The EPC069-12 text of a credit transfer. */
export function epc(input: EpcPayload): string {
  const f = checkFields(EPC_SCHEMA, input);
  for (const field of ['name', 'bic', 'purpose', 'reference', 'text']) {
    const value = str(f, field);
    if (value !== undefined) checkText('epc', field, value, { lineBreaks: false });
  }
  const name = str(f, 'name')!;
  const nameLength = Array.from(name).length;
  if (nameLength > 70) fail('epc', 'name', `${show(name)} has ${nameLength} characters: the beneficiary's name has at most 70 (EPC069-12)`);
  const { iban, eea } = checkIban(str(f, 'iban')!);
  const bic = checkBic(str(f, 'bic'), iban, eea);
  const amount = checkAmount(f['amount'] as number | undefined);
  const purpose = checkPurpose(str(f, 'purpose'));
  const reference = checkReference(str(f, 'reference'));
  const text = str(f, 'text');
  if (reference !== undefined && text !== undefined) fail('epc', 'text', 'is given with a reference: a payment carries a structured reference or a text, not both (EPC069-12)');
  if (text !== undefined) {
    const length = Array.from(text).length;
    if (length > 140) fail('epc', 'text', `has ${length} characters: the payment text has at most 140 (EPC069-12)`);
  }
  const lines = ['BCD', '002', '1', 'SCT', bic ?? '', name, iban, amount ?? '', purpose ?? '', reference ?? '', text ?? ''];
  while (lines[lines.length - 1] === '') lines.pop();
  const data = lines.join('\n');
  const bytes = utf8Length(data);
  // The field limits add up to more than 331 bytes when names and texts are not ASCII.
  if (bytes > 331) fail('epc', text !== undefined ? 'text' : 'name', `makes the payment ${bytes} bytes in UTF-8: EPC069-12 allows at most 331; shorten the ${text !== undefined ? 'text' : 'name'}`);
  return data;
}

function checkIban(given: string): { iban: string; eea: boolean } {
  checkText('epc', 'iban', given, { lineBreaks: false });
  const iban = given.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(iban)) fail('epc', 'iban', `${show(given)} is not an IBAN: it must be 2 letters of country, 2 check digits and the account's letters and digits, such as DE89 3704 0044 0532 0130 00`);
  const country = iban.slice(0, 2);
  const entry = SEPA_IBAN_LENGTHS[country];
  if (entry === undefined) fail('epc', 'iban', `${groups(iban)} is from ${country}, which is outside the SEPA area: an EPC payment code pays into an account of a SEPA country`);
  if (iban.length !== entry.length) fail('epc', 'iban', `${groups(iban)} has ${iban.length} characters but an IBAN of ${country} has ${entry.length}`);
  const digits = iban.slice(2, 4);
  const right = checkDigits(country, iban.slice(4));
  if (mod97(`${iban.slice(4)}${iban.slice(0, 4)}`) !== 1) fail('epc', 'iban', `${groups(iban)} has check digits ${digits} but should have ${right}`);
  return { iban, eea: entry.eea };
}

function checkBic(given: string | undefined, iban: string, eea: boolean): string | undefined {
  if (given === undefined) {
    if (!eea) fail('epc', 'bic', `is missing: an account of ${iban.slice(0, 2)}, outside the EEA, needs the BIC of its bank (the SEPA credit transfer rulebook)`);
    return undefined;
  }
  const bic = given.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(bic)) fail('epc', 'bic', `${show(given)} is not a BIC: it must be 8 or 11 letters and digits, the bank's 4, the country's 2 letters, the location's 2 and optionally the branch's 3, such as COBADEFFXXX`);
  return bic;
}

function checkAmount(amount: number | undefined): string | undefined {
  if (amount === undefined) return undefined;
  if (!(amount >= 0.01 && amount <= 999999999.99)) fail('epc', 'amount', `${show(amount)} is out of range: an amount is from 0.01 to 999999999.99 euro (EPC069-12)`);
  // The shortest decimal that reads back as this number (ECMAScript Number::toString): 12.3, never 12.2999….
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(amount));
  if (!match) fail('epc', 'amount', `${show(amount)} has more than two decimals: an amount in euro is whole cents, such as 12.5 or 12.50`);
  return `EUR${match[1]}.${(match[2] ?? '').padEnd(2, '0')}`;
}

function checkPurpose(purpose: string | undefined): string | undefined {
  if (purpose === undefined) return undefined;
  if (!/^[A-Za-z]{4}$/.test(purpose)) fail('epc', 'purpose', `${show(purpose)} is not a purpose code: it must be 4 letters (ISO 20022 ExternalPurpose1Code), such as CHAR or GDDS`);
  return purpose.toUpperCase();
}

function checkReference(given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const reference = given.replace(/ /g, '').toUpperCase();
  if (!/^RF[0-9]{2}[A-Z0-9]{1,21}$/.test(reference)) fail('epc', 'reference', `${show(given)} is not an ISO 11649 creditor reference: it must be RF, 2 check digits and 1 to 21 letters or digits, such as RF18 5390 0754 7034 (or give the text field instead)`);
  const right = checkDigits('RF', reference.slice(4));
  if (mod97(`${reference.slice(4)}${reference.slice(0, 4)}`) !== 1) fail('epc', 'reference', `${groups(reference)} has check digits ${reference.slice(2, 4)} but should have ${right}`);
  return reference;
}
