/**
 * The runtime checks every payload function shares: callers from JavaScript, JSON, query strings
 * and forms send anything, so each field is checked against its {@link PayloadFieldSchema}
 * before a format sees it, and every mistake is one {@link QrError} `INVALID_PAYLOAD` whose
 * message reads `<type>: <field> <what was given> <what it must be>` and whose `field` names it.
 *
 * Conventions (the same for every type):
 * - a field that is not in the schema is refused, so a typo (`passwrod`) never yields a code that
 *   silently lacks the password;
 * - an optional field that is `undefined`, `null` or `''` counts as absent (a form's empty input);
 *   a `'strings'` field drops its empty entries and counts as absent when none is left;
 * - a required field that is absent or `''` is refused.
 */
import { QrError } from '../errors.js';
import type { PayloadFieldSchema, PayloadSchema, PayloadType } from './schema.js';

/** Throws the INVALID_PAYLOAD error for `field` of `type`: `${type}: ${field} ${text}`. */
export function fail(type: PayloadType | 'payload', field: string | undefined, text: string): never {
  throw new QrError('INVALID_PAYLOAD', field === undefined ? `${type}: ${text}` : `${type}: ${field} ${text}`, field === undefined ? {} : { field });
}

/** A value as a message shows it: strings quoted (JSON), lists and objects as JSON, others as they print. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `a list ${safeJson(value)}`;
  if (typeof value === 'object') return `an object ${safeJson(value)}`;
  return `a ${typeof value}`;
}

function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return '(not JSON)';
  }
}

/** The checked fields of a payload: strings, numbers, booleans and string lists, absent ones left out. */
export type Checked = Record<string, string | number | boolean | readonly string[] | undefined>;

/** What each kind of field must be, for messages. */
function expected(field: PayloadFieldSchema): string {
  switch (field.kind) {
    case 'string':
      return 'must be a string';
    case 'number':
      return 'must be a finite number';
    case 'boolean':
      return 'must be true or false';
    case 'strings':
      return 'must be a string or a list of strings';
    case 'choice':
      return `must be one of ${(field.choices ?? []).map((c) => JSON.stringify(c)).join(', ')}`;
  }
}

/**
 * Checks `input` against `schema`: a plain object, no unknown field (`type` is allowed: payload()
 * passes its argument whole), each field of its kind, required ones present. Returns the fields
 * with absent ones (undefined, null, '', an empty list) left out and 'strings' made lists.
 */
export function checkFields(schema: PayloadSchema, input: unknown): Checked {
  const { type } = schema;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail(type, undefined, `payload ${show(input)} must be an object of fields: ${schema.fields.map((f) => f.name).join(', ')}`);
  }
  const record = input as Record<string, unknown>;
  const known = new Map(schema.fields.map((field) => [field.name, field]));
  for (const name of Object.keys(record)) {
    if (name === 'type') {
      if (record['type'] !== type) fail(type, 'type', `${show(record['type'])} must be ${JSON.stringify(type)} here (or left out)`);
      continue;
    }
    if (!known.has(name)) {
      fail(type, name, `is not a field of ${type}: the fields are ${schema.fields.map((f) => f.name).join(', ')}`);
    }
  }
  const out: Checked = {};
  for (const field of schema.fields) {
    const value = Object.prototype.hasOwnProperty.call(record, field.name) ? record[field.name] : undefined;
    const checked = checkValue(type, field, value);
    if (checked === undefined) {
      if (field.required) fail(type, field.name, value === '' ? 'is empty: it is required' : 'is missing: it is required');
      continue;
    }
    out[field.name] = checked;
  }
  return out;
}

function checkValue(type: PayloadType, field: PayloadFieldSchema, value: unknown): Checked[string] {
  if (value === undefined || value === null || value === '') return undefined;
  switch (field.kind) {
    case 'string':
      if (typeof value !== 'string') fail(type, field.name, `${show(value)} ${expected(field)}`);
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(type, field.name, `${show(value)} ${expected(field)}`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') fail(type, field.name, `${show(value)} ${expected(field)}`);
      return value;
    case 'choice':
      if (typeof value !== 'string' || !(field.choices ?? []).includes(value)) fail(type, field.name, `${show(value)} ${expected(field)}`);
      return value;
    case 'strings': {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) fail(type, field.name, `${show(value)} ${expected(field)}`);
      const kept = (list as string[]).filter((item) => item !== '');
      return kept.length === 0 ? undefined : Object.freeze(kept);
    }
  }
}

/** Characters no field may hold (C0 controls but tab, LF and CR; DEL; C1 controls): readers drop or choke on them. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK = /[\r\n]/;

/** Refuses control characters; with `lineBreaks: false`, also CR and LF (and tab when `tab: false`). */
export function checkText(type: PayloadType, field: string, value: string, options: { lineBreaks: boolean; tab?: boolean }): void {
  const control = CONTROL.exec(value);
  if (control) fail(type, field, `${show(value)} holds the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}: it must be printable text`);
  if (!options.lineBreaks && LINE_BREAK.test(value)) fail(type, field, `${show(value)} holds a line break: it must be one line`);
  if (options.tab === false && value.includes('\t')) fail(type, field, `${show(value)} holds a tab: it must not`);
  if (hasLoneSurrogate(value)) fail(type, field, `${show(value)} holds a lone UTF-16 surrogate: it must be well-formed Unicode text`);
}

function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** A checked optional string field. */
export function str(fields: Checked, name: string): string | undefined {
  return fields[name] as string | undefined;
}

/** A checked 'strings' field as a list (empty when absent). */
export function list(fields: Checked, name: string): readonly string[] {
  return (fields[name] as readonly string[] | undefined) ?? [];
}
