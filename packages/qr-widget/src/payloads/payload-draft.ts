/**
 * What a payload form holds (a draft: the fields as typed) and what it means: the payload object
 * that qr-core/payloads' `payload()` and the QR service take, the text it encodes to, or the
 * first field at fault in qr-core's words. Loaded with the forms (payload-forms.ts), never with
 * the first paint of `<qr-widget>`.
 */
import { hasSecret, payload, PAYLOAD_SCHEMAS, QrError, type Payload, type PayloadFieldSchema } from 'qr-core/payloads';
import type { FormType } from '../content-types.js';

/** A field as the form holds it: the text typed, or a checkbox's state. */
export type FieldValue = string | boolean;

/**
 * The fields of one form as typed, by the payload field's name. Names that start with `#` are
 * the form's own state (a password shown, the location's line), which no payload carries.
 */
export type Draft = Readonly<Record<string, FieldValue>>;

/** Why there is no link to a code whose payload holds a secret: GET puts every field in the URL. */
export const NO_SECRET_LINK = 'No Copy link for a code that holds a password: a link would show it to every server it passes. Download the image instead.';

/** A field at fault: its name (absent when qr-core's check concerns the whole payload) and qr-core's message. */
export interface PayloadProblem {
  readonly field: string | undefined;
  readonly message: string;
}

/** What a draft means. */
export type Reading =
  | {
      readonly ok: true;
      /** The text to encode, `payload(payload)`. */
      readonly text: string;
      /** The payload object, as the QR service takes it. */
      readonly payload: Payload;
      /** It holds a secret (qr-core's hasSecret: a Wi-Fi password): no link may carry it. */
      readonly secret: boolean;
      /** Why there is no link to this code, when it holds a secret. */
      readonly noLink?: string;
      /** The download's name without its extension: `wifi-home`. */
      readonly fileName: string;
      /** What the code is, for its accessible name: `Wi-Fi: home`. The secret is never in it. */
      readonly label: string;
    }
  | ({ readonly ok: false } & PayloadProblem);

/**
 * Each form: the fields it shows, in order (qr-core's schema gives their label, kind, whether
 * required, and the hint; a name the schema lacks is skipped), the word its downloads start
 * with, and the field that names a code in its file name and label.
 */
export const FORMS: Readonly<Record<FormType, { readonly fields?: readonly string[]; readonly file: string; readonly names?: string }>> = Object.freeze({
  wifi: { file: 'wifi', names: 'ssid' },
  vcard: { fields: ['name', 'org', 'phone', 'email', 'url', 'address', 'note'], file: 'contact', names: 'name' },
  email: { file: 'email', names: 'to' },
  sms: { file: 'sms', names: 'number' },
  tel: { file: 'phone', names: 'number' },
  geo: { fields: ['latitude', 'longitude'], file: 'location' },
  event: { fields: ['summary', 'start', 'end', 'location'], file: 'event', names: 'summary' },
  epc: { fields: ['name', 'iban', 'bic', 'amount', 'reference', 'text'], file: 'payment', names: 'name' },
});

/** The fields the form of `type` shows: the form's list, or every field of the schema. */
export function formFields(type: FormType): readonly PayloadFieldSchema[] {
  const { fields } = PAYLOAD_SCHEMAS[type];
  const names = FORMS[type].fields;
  return names === undefined ? fields : names.flatMap((name) => fields.filter((field) => field.name === name));
}

/** Wi-Fi credentials must be exact; elsewhere spaces around a value are a slip of the keyboard. */
function keepsSpaces(type: FormType): boolean {
  return type === 'wifi';
}

/**
 * A number as people type it: `52.52`, or `12,50` with a decimal comma (a comma and no point).
 * What is not a number stays as typed, for qr-core to say what it must be.
 */
function readNumber(text: string): number | string {
  const number = Number(/^[^.,]*,[^.,]*$/.test(text) ? text.replace(',', '.') : text);
  return Number.isFinite(number) ? number : text;
}

/** The payload object for `draft`: empty fields left out, lists one per line, numbers read, the IBAN without its spaces. */
export function draftPayload(type: FormType, draft: Draft): Payload {
  const fields: Record<string, unknown> = { type };
  for (const { name, kind } of formFields(type)) {
    const raw = draft[name];
    if (raw === undefined || raw === false || raw === '') continue;
    if (kind === 'boolean') {
      fields[name] = raw === true;
      continue;
    }
    const text = keepsSpaces(type) ? String(raw) : String(raw).trim();
    if (text === '') continue;
    if (kind === 'strings') {
      const list = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
      fields[name] = list.length === 1 ? list[0] : list;
    } else if (kind === 'number') fields[name] = readNumber(text);
    else fields[name] = name === 'iban' || name === 'bic' ? text.replace(/\s+/g, '') : text;
  }
  return fields as unknown as Payload;
}

/** What `draft` of `type` encodes to, or the first problem qr-core finds in it. */
export function readDraft(type: FormType, draft: Draft): Reading {
  const object = draftPayload(type, draft);
  let text: string;
  try {
    text = payload(object);
  } catch (error) {
    if (error instanceof QrError && error.code === 'INVALID_PAYLOAD') return { ok: false, field: error.field, message: error.message };
    throw error;
  }
  const named = FORMS[type].names;
  const name = named === undefined ? '' : firstLine(object, named);
  const slug = fileSlug(name);
  const secret = hasSecret(object);
  return {
    ok: true,
    text,
    payload: object,
    secret,
    ...(secret && { noLink: NO_SECRET_LINK }),
    fileName: slug === '' ? FORMS[type].file : `${FORMS[type].file}-${slug}`,
    label: name === '' ? PAYLOAD_SCHEMAS[type].label : `${PAYLOAD_SCHEMAS[type].label}: ${name}`,
  };
}

function firstLine(object: Payload, name: string): string {
  const value = (object as unknown as Record<string, unknown>)[name];
  return String((Array.isArray(value) ? value[0] : value) ?? '');
}

/** A file name's part from what a person typed: `Café Wi-Fi 5G` → `cafe-wi-fi-5g`; at most 40 characters. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
}

/**
 * An IBAN as it is printed, in groups of four (EPC's and ISO 13616's paper form), from what was
 * typed: letters upper-cased, anything but letters and digits dropped. `caret` is where the
 * cursor was in `typed`; the result says where it goes in the grouped text, after the same
 * letters and digits.
 */
export function groupIban(typed: string, caret = typed.length): { text: string; caret: number } {
  const kept = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const before = kept(typed.slice(0, caret)).length;
  const text = kept(typed).replace(/(.{4})(?=.)/g, '$1 ');
  // The k-th letter or digit is preceded by floor((k - 1) / 4) spaces.
  return { text, caret: before === 0 ? 0 : before + Math.floor((before - 1) / 4) };
}
