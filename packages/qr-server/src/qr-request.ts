/**
 * What a client asks for, from any of the shapes it may send (query string, form, JSON,
 * text/plain), checked once and turned into one validated {@link QrRequest}.
 *
 * Every shape goes through the same two steps: the shape's own parser yields fields as text
 * (JSON also checks the JSON types, which only it has), then {@link toQrRequest} checks the
 * values. So `scale` means the same thing, with the same error, however it was sent.
 */
import { parseColor, type Ecl } from 'qr-core';
import type { ImageFormat } from './accept.js';
import { ApiError } from './problem.js';
import type { Fields } from './urlencoded.js';

/** Names under which the text to encode may come; `url` is the original service's. */
export const DATA_FIELDS = Object.freeze(['data', 'url', 'text'] as const);
export const OPTION_FIELDS = Object.freeze(['format', 'ecl', 'scale', 'margin', 'dark', 'light', 'download'] as const);
export const FORMATS: readonly ImageFormat[] = Object.freeze(['png', 'svg']);
export const ECLS: readonly Ecl[] = Object.freeze(['L', 'M', 'Q', 'H']);

/** The original service's look: ECL M, 10 px per module, 4-module quiet zone (ISO/IEC 18004 §6.3.8). */
export const DEFAULTS = Object.freeze({ ecl: 'M' as Ecl, scale: 10, margin: 4, dark: '#000000', light: '#ffffff' });
/**
 * Bounds that keep an image reasonable whatever the version (MAX_IMAGE_PX in generate.ts caps
 * their product); the margin's is qr-core's renderers' own (0..64), checked here to name it first.
 */
export const LIMITS = Object.freeze({ scale: { min: 1, max: 100 }, margin: { min: 0, max: 64 } });

type FieldName = (typeof DATA_FIELDS)[number] | (typeof OPTION_FIELDS)[number];
const FIELD_NAMES: readonly string[] = [...DATA_FIELDS, ...OPTION_FIELDS];

export interface QrRequest {
  readonly data: string;
  /** Undefined when the client named no format: content negotiation decides. */
  readonly format: ImageFormat | undefined;
  readonly ecl: Ecl;
  readonly scale: number;
  readonly margin: number;
  readonly dark: string;
  readonly light: string;
  readonly download: boolean;
}

/** Fields as text, each given at most once, with where they came from for error messages. */
export type TextFields = ReadonlyMap<FieldName, { readonly value: string; readonly where: string }>;

/**
 * Fields from a query string or form. Unknown names are ignored, as the original FastAPI
 * service ignored them (cache-busting parameters keep working); a name given twice is refused.
 */
export function fieldsFromUrlEncoded(fields: Fields, where: string): TextFields {
  const result = new Map<FieldName, { value: string; where: string }>();
  for (const [name, values] of fields) {
    if (!isFieldName(name)) continue;
    if (values.length > 1) {
      throw new ApiError('INVALID_FIELD', `${name} is given ${values.length} times in the ${where}; give it once`);
    }
    result.set(name, { value: values[0] ?? '', where });
  }
  return result;
}

/**
 * Fields from a parsed JSON body: an object whose members have the JSON types of the API
 * (strings; numbers for scale and margin; a boolean for download). A JSON body is new in
 * this API, so unknown members are refused rather than silently ignored: a typo is caught.
 */
export function fieldsFromJson(json: unknown): TextFields {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ApiError('INVALID_FIELD', `the JSON body is ${describe(json)}; send an object such as {"data": "https://example.com"}`);
  }
  const result = new Map<FieldName, { value: string; where: string }>();
  for (const [name, value] of Object.entries(json)) {
    if (!isFieldName(name)) {
      throw new ApiError('INVALID_FIELD', `the JSON body has an unknown member "${name}"; the members are ${FIELD_NAMES.join(', ')}`);
    }
    const expected = name === 'scale' || name === 'margin' ? 'number' : name === 'download' ? 'boolean' : 'string';
    if (typeof value !== expected) {
      throw new ApiError('INVALID_FIELD', `${name} in the JSON body is ${describe(value)}; give a ${expected}`);
    }
    result.set(name, { value: String(value), where: 'JSON body' });
  }
  return result;
}

/** Joins the query's fields with the body's; a field in both is ambiguous and refused. */
export function mergeFields(query: TextFields, body: TextFields): TextFields {
  const merged = new Map(query);
  for (const [name, field] of body) {
    const earlier = merged.get(name);
    if (earlier) throw new ApiError('INVALID_FIELD', `${name} is given in both the ${earlier.where} and the ${field.where}; give it once`);
    merged.set(name, field);
  }
  return merged;
}

export function toQrRequest(fields: TextFields): QrRequest {
  return {
    data: data(fields),
    format: oneOf(fields, 'format', FORMATS, (text) => text.toLowerCase()),
    ecl: oneOf(fields, 'ecl', ECLS, (text) => text.toUpperCase()) ?? DEFAULTS.ecl,
    scale: wholeNumber(fields, 'scale', LIMITS.scale, DEFAULTS.scale),
    margin: wholeNumber(fields, 'margin', LIMITS.margin, DEFAULTS.margin),
    dark: color(fields, 'dark', DEFAULTS.dark),
    light: color(fields, 'light', DEFAULTS.light),
    download: download(fields),
  };
}

function data(fields: TextFields): string {
  const given = DATA_FIELDS.filter((name) => fields.has(name));
  if (given.length > 1) {
    throw new ApiError('INVALID_FIELD', `the text is given as ${given.join(' and ')}; give it once, as one of ${DATA_FIELDS.join(', ')}`);
  }
  const text = given[0] === undefined ? '' : (fields.get(given[0])?.value ?? '');
  if (text === '') {
    throw new ApiError(
      'MISSING_DATA',
      `there is no text to encode; give it as ${DATA_FIELDS.join(', ')} in the query (e.g. ?url=https%3A%2F%2Fexample.com), in a JSON or form body, or as a text/plain body`,
    );
  }
  return text;
}

function oneOf<T extends string>(fields: TextFields, name: FieldName, allowed: readonly T[], normalise: (text: string) => string): T | undefined {
  const field = fields.get(name);
  if (field === undefined) return undefined;
  const value = allowed.find((option) => option === normalise(field.value));
  if (value === undefined) throw new ApiError('INVALID_OPTION', `${name} is "${field.value}"; give one of ${allowed.join(', ')}`);
  return value;
}

function wholeNumber(fields: TextFields, name: FieldName, range: { min: number; max: number }, fallback: number): number {
  const field = fields.get(name);
  if (field === undefined) return fallback;
  const value = Number(field.value);
  if (!/^\d+$/.test(field.value) || value < range.min || value > range.max) {
    throw new ApiError('INVALID_OPTION', `${name} is ${field.value}; give a whole number from ${range.min} to ${range.max} (default ${fallback})`);
  }
  return value;
}

function color(fields: TextFields, name: FieldName, fallback: string): string {
  const field = fields.get(name);
  if (field === undefined) return fallback;
  // qr-core's parser decides what a colour is, so the server and the renderers agree; its
  // QrError (INVALID_OPTION, naming the option and the forms that work) becomes the 400.
  parseColor(field.value, name);
  return field.value;
}

function download(fields: TextFields): boolean {
  const field = fields.get('download');
  if (field === undefined) return false;
  switch (field.value.toLowerCase()) {
    case '1':
    case 'true':
      return true;
    case '0':
    case 'false':
      return false;
    default:
      throw new ApiError('INVALID_OPTION', `download is "${field.value}"; give 1 or true for an attachment, 0 or false for inline`);
  }
}

function isFieldName(name: string): name is FieldName {
  return FIELD_NAMES.includes(name);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`;
}
