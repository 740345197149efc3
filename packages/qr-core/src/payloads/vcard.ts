/**
 * A contact card: vCard 3.0, RFC 2426 ("vCard MIME Directory Profile") over RFC 2425's content lines.
 *
 * - Lines end with CRLF (RFC 2425 §5.8.1) and are folded at 75 octets, a continuation line starting
 *   with one space (RFC 2426 §2.6, RFC 2425 §5.8.1), never inside a UTF-8 sequence (text.ts, foldLine).
 * - Text values escape `\`, `,` and `;` with a backslash and write line breaks as `\n`
 *   (RFC 2426 §4, `text-value`; §3.1.2 and §3.2.1 for the components of N and ADR, separated by `;`).
 * - "A vCard object MUST include the VERSION, FN and N types" (RFC 2426 §4): FN is the formatted
 *   name (§3.1.1), N the structured one (§3.1.2: family;given;additional;prefixes;suffixes).
 *   With `given`/`family`, N is made of them and FN, unless given, joins them with a space. With
 *   `name` only, its parts are not guessed (which word is the family name depends on the
 *   culture): N is `;<name>;;;`, the whole name as the given name, so readers that show N as
 *   "given family" show the name as written.
 * - `address` is one free-form text, put in ADR's street component (`ADR:;;<address>;;;;`), its line
 *   breaks kept as `\n`; `birthday` is BDAY as a date (RFC 2426 §3.1.5: `BDAY:1996-04-15`).
 * - The charset is UTF-8, which is what a QR code's byte mode carries for qr-core (readers guess
 *   it, or read the ECI), so no CHARSET parameter is written (vCard 3.0 has none; RFC 2425 §5.4 takes
 *   the charset from the enclosing MIME type).
 */
import { checkAddress, checkDate, checkPhone, checkUrl } from './checks.js';
import { checkFields, checkText, fail, list, str, type Checked } from './fields.js';
import { CONTACT_FIELDS, defineSchema } from './schema.js';
import { contentLines, escapeContentText } from './text.js';

export interface VcardPayload {
  /** The formatted name (FN): 'Ada Lovelace'. Give it, or `given` and/or `family`, or both. */
  name?: string;
  given?: string;
  family?: string;
  org?: string;
  title?: string;
  phone?: string | readonly string[];
  email?: string | readonly string[];
  url?: string;
  /** One free-form postal address; line breaks allowed. */
  address?: string;
  note?: string;
  /** YYYY-MM-DD. */
  birthday?: string;
}

export const VCARD_SCHEMA = defineSchema({
  type: 'vcard',
  label: 'Contact (vCard)',
  fields: [
    { name: 'name', kind: 'string', required: false, label: 'Name', description: 'The full name as it should be shown, such as Ada Lovelace (give it, or the given and family names, or all three).' },
    { name: 'given', kind: 'string', required: false, label: 'Given name', description: 'The given (first) name.' },
    { name: 'family', kind: 'string', required: false, label: 'Family name', description: 'The family (last) name.' },
    { name: 'org', kind: 'string', required: false, label: 'Organisation', description: 'The company or organisation.' },
    { name: 'title', kind: 'string', required: false, label: 'Job title', description: 'The job title or position.' },
    CONTACT_FIELDS.phone,
    CONTACT_FIELDS.email,
    CONTACT_FIELDS.url,
    { name: 'address', kind: 'string', required: false, label: 'Address', description: 'The postal address, on one or several lines.' },
    CONTACT_FIELDS.note,
    CONTACT_FIELDS.birthday,
  ],
});

/** The vCard 3.0 text for a contact, CRLF line ends, folded at 75 octets. */
export function vcard(input: VcardPayload): string {
  const f = checkFields(VCARD_SCHEMA, input);
  const c = checkContact('vcard', f);
  const given = str(f, 'given');
  const family = str(f, 'family');
  const name = str(f, 'name') ?? [given, family].filter((part) => part !== undefined).join(' ');
  const n = given === undefined && family === undefined ? `;${escapeContentText(name)};;;` : `${escapeContentText(family ?? '')};${escapeContentText(given ?? '')};;;`;
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:${n}`, `FN:${escapeContentText(name)}`];
  const org = str(f, 'org');
  if (org !== undefined) lines.push(`ORG:${escapeContentText(org)}`);
  const title = str(f, 'title');
  if (title !== undefined) lines.push(`TITLE:${escapeContentText(title)}`);
  for (const phone of c.phones) lines.push(`TEL:${escapeContentText(phone)}`);
  for (const email of c.emails) lines.push(`EMAIL:${escapeContentText(email)}`);
  if (c.url !== undefined) lines.push(`URL:${escapeContentText(c.url)}`);
  if (c.address !== undefined) lines.push(`ADR:;;${escapeContentText(c.address)};;;;`);
  if (c.note !== undefined) lines.push(`NOTE:${escapeContentText(c.note)}`);
  if (c.birthday !== undefined) lines.push(`BDAY:${c.birthday}`);
  lines.push('END:VCARD');
  return contentLines(lines);
}

/** The fields vCard and MeCard share, checked alike. */
export interface Contact {
  phones: readonly string[];
  emails: readonly string[];
  url?: string;
  address?: string;
  note?: string;
  /** YYYY-MM-DD, checked. */
  birthday?: string;
}

export function checkContact(type: 'vcard' | 'mecard', f: Checked): Contact {
  const oneLine = type === 'vcard' ? ['name', 'given', 'family', 'org', 'title'] : ['name'];
  for (const field of oneLine) {
    const value = str(f, field);
    if (value !== undefined) checkText(type, field, value, { lineBreaks: false });
  }
  if (type === 'vcard' && str(f, 'name') === undefined && str(f, 'given') === undefined && str(f, 'family') === undefined) {
    fail(type, 'name', 'is missing: a vCard needs a name, or a given or family name (RFC 2426 requires FN and N)');
  }
  const phones = list(f, 'phone');
  phones.forEach((phone) => checkPhone(type, 'phone', phone));
  const emails = list(f, 'email');
  emails.forEach((email) => checkAddress(type, 'email', email));
  const url = str(f, 'url');
  if (url !== undefined) checkUrl(type, 'url', url);
  const address = str(f, 'address');
  if (address !== undefined) checkText(type, 'address', address, { lineBreaks: true });
  const note = str(f, 'note');
  if (note !== undefined) checkText(type, 'note', note, { lineBreaks: true });
  const birthday = str(f, 'birthday');
  if (birthday !== undefined) checkDate(type, 'birthday', birthday);
  return { phones, emails, url, address, note, birthday };
}
