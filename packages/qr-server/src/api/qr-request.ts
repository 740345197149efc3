/**
 * What a client asks for, read from every place it may put it — the query string, and a JSON,
 * form or text/plain body — checked once and turned into one validated {@link QrRequest}. This
 * is the only module that reads request fields, so a new field is added here and nowhere else.
 *
 * Every shape goes through the same two steps: the shape's own parser yields fields as text
 * (JSON also checks the JSON types, which only it has), then {@link toQrRequest} checks the
 * values. So `scale` means the same thing, with the same error, however it was sent.
 */
import {
  DEFAULT_DARK,
  DEFAULT_ECL,
  DEFAULT_LIGHT,
  DEFAULT_MARGIN,
  DEFAULT_SCALE,
  ECLS,
  FINDER_SHAPES,
  MAX_MARGIN,
  MAX_SCALE,
  MODULE_SHAPES,
  parseColor,
  type Ecl,
  type FinderShape,
  type ModuleShape,
} from 'qr-core';
import { HttpError } from '../http/problem.js';
import type { FormPart } from '../http/multipart.js';
import type { HttpRequest } from '../http/reply.js';
import { negotiateFormat, type ImageFormat } from './accept.js';
import { parseUrlEncoded, type Fields } from './urlencoded.js';

/** Names under which the text to encode may come; `url` is the original service's. */
export const DATA_FIELDS = Object.freeze(['data', 'url', 'text'] as const);
export const OPTION_FIELDS = Object.freeze(['format', 'ecl', 'scale', 'margin', 'dark', 'light', 'moduleShape', 'finderShape', 'finderColor', 'download'] as const);
export const FORMATS: readonly ImageFormat[] = Object.freeze(['png', 'svg']);

/** The body types POST accepts; anything else is a 415 that lists them. */
export const BODY_TYPES = Object.freeze(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'] as const);

type FieldName = (typeof DATA_FIELDS)[number] | (typeof OPTION_FIELDS)[number];
const FIELD_NAMES: readonly string[] = [...DATA_FIELDS, ...OPTION_FIELDS];

export interface QrRequest {
  readonly data: string;
  readonly format: ImageFormat;
  /** True when the client named no format and Accept chose it: the answer then varies by Accept. */
  readonly formatFromAccept: boolean;
  readonly ecl: Ecl;
  readonly scale: number;
  readonly margin: number;
  readonly dark: string;
  readonly light: string;
  readonly moduleShape: ModuleShape;
  readonly finderShape: FinderShape;
  /** Undefined: the finder patterns take `dark`, as qr-core draws them by default. */
  readonly finderColor: string | undefined;
  readonly download: boolean;
}

/** Fields as text, each given at most once, with where they came from for error messages. */
export type TextFields = ReadonlyMap<FieldName, Field>;

/** A field's text, and where it came from. */
interface Field {
  readonly value: string;
  readonly where: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request's fields from the query and, when there is one, the body; a field in both is
 * refused. Throws an HttpError (400, 415) that says what to send instead.
 */
export function readQrRequest(request: HttpRequest): QrRequest {
  const query = fieldsFromUrlEncoded(parseUrlEncoded(request.rawQuery, 'query'), 'query');
  const fields = request.body.length === 0 ? query : mergeFields(query, bodyFields(request));
  return toQrRequest(fields, request.headers.accept);
}

function bodyFields(request: HttpRequest): TextFields {
  const contentType = request.headers['content-type'];
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';');
  const type = mediaType.trim().toLowerCase();
  const charset = parameters
    .map((parameter) => parameter.split('='))
    .find(([name]) => name?.trim().toLowerCase() === 'charset')?.[1]
    ?.trim()
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
  if (!(BODY_TYPES as readonly string[]).includes(type)) {
    throw new HttpError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${contentType === undefined ? 'the body has no Content-Type' : `the body is ${contentType}`}; send it as one of ${BODY_TYPES.join(', ')}, or send no body and give the text in the query`,
    );
  }
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'us-ascii') {
    throw new HttpError('UNSUPPORTED_MEDIA_TYPE', `the body's charset is ${charset}; send UTF-8`);
  }
  if (type === 'multipart/form-data') return fieldsFromForm(request.form);
  const text = decodeUtf8(request.body);
  switch (type) {
    case 'application/json':
      return fieldsFromJson(parseJson(text));
    case 'application/x-www-form-urlencoded':
      return fieldsFromUrlEncoded(parseUrlEncoded(text, 'form body'), 'form body');
    default:
      // text/plain: the whole body is the text to encode, exactly as sent.
      return new Map([['data', { value: text, where: 'text/plain body' }]]);
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new HttpError('INVALID_DATA', 'the body is not valid UTF-8; send text encoded as UTF-8');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError('MALFORMED_JSON', `the body is not valid JSON (${error instanceof Error ? error.message : String(error)}); send an object such as {"data": "https://example.com"}`);
  }
}

/**
 * Fields from a query string or form. Unknown names are ignored, as the original FastAPI
 * service ignored them (cache-busting parameters keep working); a name given twice is refused.
 */
export function fieldsFromUrlEncoded(fields: Fields, where: string): TextFields {
  const result = new Map<FieldName, Field>();
  for (const [name, values] of fields) {
    if (!isFieldName(name)) continue;
    if (values.length > 1) {
      throw new HttpError('INVALID_FIELD', `${name} is given ${values.length} times in the ${where}; give it once`);
    }
    result.set(name, { value: values[0] ?? '', where });
  }
  return result;
}

/**
 * Fields from a multipart/form-data body, as http/multipart.ts parsed it: text parts are read
 * like a form's fields (unknown names ignored); no field of this API is a file.
 */
export function fieldsFromForm(form: readonly FormPart[] | undefined): TextFields {
  const where = 'multipart body';
  const result = new Map<FieldName, Field>();
  for (const part of form ?? []) {
    if (!isFieldName(part.name)) continue;
    if (result.has(part.name)) throw new HttpError('INVALID_FIELD', `${part.name} is given more than once in the ${where}; give it once`);
    if (!('text' in part)) throw new HttpError('INVALID_FIELD', `${part.name} in the ${where} is a file; send it as a text field`);
    result.set(part.name, { value: part.text, where });
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
    throw new HttpError('INVALID_FIELD', `the JSON body is ${describe(json)}; send an object such as {"data": "https://example.com"}`);
  }
  const result = new Map<FieldName, Field>();
  for (const [name, value] of Object.entries(json)) {
    if (!isFieldName(name)) {
      throw new HttpError('INVALID_FIELD', `the JSON body has an unknown member "${name}"; the members are ${FIELD_NAMES.join(', ')}`);
    }
    const expected = name === 'scale' || name === 'margin' ? 'number' : name === 'download' ? 'boolean' : 'string';
    if (typeof value !== expected) {
      throw new HttpError('INVALID_FIELD', `${name} in the JSON body is ${describe(value)}; give a ${expected}`);
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
    if (earlier) throw new HttpError('INVALID_FIELD', `${name} is given in both the ${earlier.where} and the ${field.where}; give it once`);
    merged.set(name, field);
  }
  return merged;
}

/** Checks the fields' values; without a `format` field, `accept` (the Accept header) picks one. */
export function toQrRequest(fields: TextFields, accept?: string): QrRequest {
  const format = oneOf(fields, 'format', FORMATS, (text) => text.toLowerCase());
  return {
    data: data(fields),
    format: format ?? negotiateFormat(accept),
    formatFromAccept: format === undefined,
    ecl: oneOf(fields, 'ecl', ECLS, (text) => text.toUpperCase()) ?? DEFAULT_ECL,
    scale: wholeNumber(fields, 'scale', SCALE_RANGE, DEFAULT_SCALE),
    margin: wholeNumber(fields, 'margin', MARGIN_RANGE, DEFAULT_MARGIN),
    dark: color(fields, 'dark', DEFAULT_DARK),
    light: color(fields, 'light', DEFAULT_LIGHT),
    moduleShape: oneOf(fields, 'moduleShape', MODULE_SHAPES, (text) => text.toLowerCase()) ?? MODULE_SHAPES[0],
    finderShape: oneOf(fields, 'finderShape', FINDER_SHAPES, (text) => text.toLowerCase()) ?? FINDER_SHAPES[0],
    finderColor: fields.has('finderColor') ? color(fields, 'finderColor', DEFAULT_DARK) : undefined,
    download: download(fields),
  };
}

/** qr-core's ranges, checked here too so that the error names the field as the client sent it. */
export const SCALE_RANGE = Object.freeze({ min: 1, max: MAX_SCALE });
export const MARGIN_RANGE = Object.freeze({ min: 0, max: MAX_MARGIN });

function data(fields: TextFields): string {
  const given = DATA_FIELDS.filter((name) => fields.has(name));
  if (given.length > 1) {
    throw new HttpError('INVALID_FIELD', `the text is given as ${given.join(' and ')}; give it once, as one of ${DATA_FIELDS.join(', ')}`);
  }
  const text = given[0] === undefined ? '' : (fields.get(given[0])?.value ?? '');
  if (text === '') {
    throw new HttpError(
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
  if (value === undefined) throw new HttpError('INVALID_OPTION', `${name} is "${field.value}"; give one of ${allowed.join(', ')}`);
  return value;
}

function wholeNumber(fields: TextFields, name: FieldName, range: { min: number; max: number }, fallback: number): number {
  const field = fields.get(name);
  if (field === undefined) return fallback;
  const value = Number(field.value);
  if (!/^\d+$/.test(field.value) || value < range.min || value > range.max) {
    throw new HttpError('INVALID_OPTION', `${name} is ${field.value}; give a whole number from ${range.min} to ${range.max} (default ${fallback})`);
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
      throw new HttpError('INVALID_OPTION', `download is "${field.value}"; give 1 or true for an attachment, 0 or false for inline`);
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
