/**
 * A contact card in NTT DoCoMo's MeCard format: `MECARD:N:Lovelace,Ada;TEL:+442079460000;;`, the
 * shorter one-line alternative to vCard that every phone reader knows.
 *
 * Source: ZXing's `AddressBookDoCoMoResultParser` and `ResultParser.matchPrefixedField`
 * (core/src/main/java/com/google/zxing/client/result/), which follow DoCoMo's "MeCard" description
 * and the OMIA Mobile Bar Code Standard v3.2.1: fields `N:`, `TEL:` (repeatable), `EMAIL:`, `URL:`,
 * `ADR:`, `NOTE:`, `BDAY:` (8 digits, YYYYMMDD; ZXing drops any other form), each ended by `;`,
 * the whole by one more `;`. As for `WIFI:` (wifi.ts), the reader takes a value up to the first
 * unescaped `;` and removes the backslash before any character, and it finds a field by searching
 * for its prefix anywhere in the text: `\`, `;`, `,`, `:` and `"` are escaped with a backslash
 * (the ZXing wiki's list for `WIFI:`; segno's helpers escape the same but for the comma), so a note
 * holding `URL:` is not read as a URL.
 *
 * The comma is the one exception, in `N:` only. DoCoMo's definition ("Phonebook registration
 * function formats") makes it the separator of the family and the given name ("when a field is
 * divided by a comma (,), the first half is treated as the last name and the second half is
 * treated as the first name"), and ZXing swaps the two around the first comma (`parseName`) after
 * unescaping, so an escaped comma would be a separator for ZXing and a comma for DoCoMo's readers.
 * It is left as it is, and every reader agrees: a name given as `Lovelace,Ada` is shown as
 * `Ada Lovelace`, one without a comma as written. In every other field (ADR's commas are DoCoMo's
 * component separators too) commas are escaped, so the free text stays one text.
 * MeCard has no escape for a line break: the note and the address keep theirs as they are
 * (ZXing's reader keeps them).
 */
import { checkFields, list, str } from './fields.js';
import { CONTACT_FIELDS, defineSchema } from './schema.js';
import { backslashEscape } from './text.js';
import { checkContact } from './vcard.js';

export interface MecardPayload {
  /** The name; 'Lovelace,Ada' (family,given) is MeCard's own form. */
  name: string;
  phone?: string | readonly string[];
  email?: string | readonly string[];
  url?: string;
  address?: string;
  note?: string;
  /** YYYY-MM-DD. */
  birthday?: string;
}

export const MECARD_SCHEMA = defineSchema({
  type: 'mecard',
  label: 'Contact (MeCard)',
  fields: [
    { name: 'name', kind: 'string', required: true, label: 'Name', description: 'The name, as written or as family,given (Lovelace,Ada), which readers show as Ada Lovelace.' },
    CONTACT_FIELDS.phone,
    CONTACT_FIELDS.email,
    CONTACT_FIELDS.url,
    { name: 'address', kind: 'string', required: false, label: 'Address', description: 'The postal address.' },
    CONTACT_FIELDS.note,
    CONTACT_FIELDS.birthday,
  ],
});

const SPECIAL = '\\;,:"';
/** N: keeps its comma, DoCoMo's family,given separator. */
const NAME_SPECIAL = '\\;:"';

/** The `MECARD:` text for a contact. */
export function mecard(input: MecardPayload): string {
  const f = checkFields(MECARD_SCHEMA, input);
  const c = checkContact('mecard', f);
  const esc = (value: string): string => backslashEscape(value, SPECIAL);
  let text = `MECARD:N:${backslashEscape(str(f, 'name')!, NAME_SPECIAL)};`;
  for (const phone of list(f, 'phone')) text += `TEL:${esc(phone)};`;
  for (const email of list(f, 'email')) text += `EMAIL:${esc(email)};`;
  if (c.url !== undefined) text += `URL:${esc(c.url)};`;
  if (c.address !== undefined) text += `ADR:${esc(c.address)};`;
  if (c.note !== undefined) text += `NOTE:${esc(c.note)};`;
  if (c.birthday !== undefined) text += `BDAY:${c.birthday.replace(/-/g, '')};`;
  return `${text};`;
}
