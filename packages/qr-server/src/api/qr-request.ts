/**
 * What a client asks for, read from every place it may put it — the query string, and a JSON,
 * form or text/plain body — checked once and turned into one validated {@link QrRequest}. This
 * is the only module that reads request fields, so a new field is added here and nowhere else.
 *
 * Every shape goes through the same two steps: the shape's own parser yields fields as text
 * (JSON also checks the JSON types, which only it has), then {@link toQrRequest} checks the
 * values. So `scale` means the same thing, with the same error, however it was sent. The one
 * field that may be bytes rather than text is `logo`, as a file part of a multipart body.
 */
import { createHash } from 'node:crypto';
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
  readLogo,
  type Ecl,
  type FinderShape,
  type LogoFile,
  type ModuleShape,
} from 'qr-core';
import { HttpError } from '../http/problem.js';
import type { FormPart } from '../http/multipart.js';
import type { HttpRequest } from '../http/reply.js';
import { negotiateFormat, type ImageFormat } from './accept.js';
import { parseUrlEncoded, type Fields } from './urlencoded.js';

/** Names under which the text to encode may come; `url` is the original service's. */
export const DATA_FIELDS = Object.freeze(['data', 'url', 'text'] as const);
export const OPTION_FIELDS = Object.freeze(['format', 'ecl', 'scale', 'margin', 'dark', 'light', 'moduleShape', 'finderShape', 'finderColor', 'logo', 'logoSize', 'download'] as const);
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
  /** The logo's file, read and checked by qr-core's readLogo; undefined: no logo. */
  readonly logo: Logo | undefined;
  /** The logo's side as a fraction of the symbol's, in (0, 1]; undefined: qr-core's default. */
  readonly logoSize: number | undefined;
  readonly download: boolean;
}

/** A logo's file and format, and the SHA-256 of its bytes: its name in the ETag and the logo cache. */
export interface Logo extends LogoFile {
  readonly sha256: string;
}

/** Fields as text, each given at most once, with where they came from for error messages. */
export type TextFields = ReadonlyMap<FieldName, Field>;

/** A field's text and where it came from; a file part of a multipart body also has its bytes. */
interface Field {
  readonly value: string;
  readonly where: string;
  readonly bytes?: Uint8Array;
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
 * like a form's fields (unknown names ignored); `logo` may also be a file part, the others not.
 */
export function fieldsFromForm(form: readonly FormPart[] | undefined): TextFields {
  const where = 'multipart body';
  const result = new Map<FieldName, Field>();
  for (const part of form ?? []) {
    if (!isFieldName(part.name)) continue;
    if (result.has(part.name)) throw new HttpError('INVALID_FIELD', `${part.name} is given more than once in the ${where}; give it once`);
    if ('text' in part) {
      result.set(part.name, { value: part.text, where });
    } else if (part.name === 'logo') {
      // A file input left empty is sent as a part with no file name and no bytes (HTML's
      // "constructing the entry list", §4.10.21.4): no logo.
      if (part.file.fileName === '' && part.file.bytes.length === 0) continue;
      result.set(part.name, { value: '', where, bytes: part.file.bytes });
    } else {
      throw new HttpError('INVALID_FIELD', `${part.name} in the ${where} is a file; send it as a text field (only logo may be a file)`);
    }
  }
  return result;
}

/**
 * Fields from a parsed JSON body: an object whose members have the JSON types of the API
 * (strings; numbers for scale, margin and logoSize; a boolean for download). A JSON body is new in
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
    const expected = name === 'scale' || name === 'margin' || name === 'logoSize' ? 'number' : name === 'download' ? 'boolean' : 'string';
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
  const logoFile = logo(fields);
  return {
    data: data(fields),
    format: format ?? negotiateFormat(accept),
    formatFromAccept: format === undefined,
    // A logo hides modules: without an ECL asked for, it gets the most correction there is (H).
    ecl: oneOf(fields, 'ecl', ECLS, (text) => text.toUpperCase()) ?? (logoFile === undefined ? DEFAULT_ECL : 'H'),
    scale: wholeNumber(fields, 'scale', SCALE_RANGE, DEFAULT_SCALE),
    margin: wholeNumber(fields, 'margin', MARGIN_RANGE, DEFAULT_MARGIN),
    dark: color(fields, 'dark', DEFAULT_DARK),
    light: color(fields, 'light', DEFAULT_LIGHT),
    moduleShape: oneOf(fields, 'moduleShape', MODULE_SHAPES, (text) => text.toLowerCase()) ?? MODULE_SHAPES[0],
    finderShape: oneOf(fields, 'finderShape', FINDER_SHAPES, (text) => text.toLowerCase()) ?? FINDER_SHAPES[0],
    finderColor: fields.has('finderColor') ? color(fields, 'finderColor', DEFAULT_DARK) : undefined,
    logo: logoFile,
    logoSize: logoSize(fields, logoFile),
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

/**
 * The logo: the bytes of a file part, or a `data:` URL (RFC 2397) in any other field, read by
 * qr-core's readLogo (which decodes the URL, reads the format from the bytes and holds the file
 * to MAX_LOGO_BYTES); its INVALID_LOGO is the 400. Any other text is refused here, with the
 * server's own reason: it never fetches a URL (no SSRF), whatever the scheme.
 */
function logo(fields: TextFields): Logo | undefined {
  const field = fields.get('logo');
  if (field === undefined) return undefined;
  if (field.bytes === undefined && !/^data:/i.test(field.value)) {
    throw new HttpError(
      'INVALID_LOGO',
      `logo in the ${field.where} is ${describe(field.value)}, not a data: URL; this server never fetches a URL: send the image itself, ` +
        'as a data: URL (data:image/png;base64,…) or as a file part named logo in a multipart/form-data body (curl -F logo=@logo.png)',
    );
  }
  const file = readLogo(field.bytes ?? field.value);
  return { ...file, sha256: createHash('sha256').update(file.bytes).digest('base64url') };
}

/** The logo's size, a fraction of the symbol's side in (0, 1]; only with a logo, so no two requests for one image differ. */
function logoSize(fields: TextFields, logoFile: Logo | undefined): number | undefined {
  const field = fields.get('logoSize');
  if (field === undefined) return undefined;
  const value = Number(field.value);
  // A decimal number as JSON writes it (RFC 8259 §6) without its sign: not '', ' ', '0x1' or 'Infinity'.
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(field.value) || !(value > 0 && value <= 1)) {
    throw new HttpError('INVALID_OPTION', `logoSize is ${field.value}; give the logo's side as a fraction of the symbol's, above 0 and at most 1 (such as 0.2)`);
  }
  if (logoFile === undefined) throw new HttpError('INVALID_FIELD', `logoSize is given without a logo; give a logo too, or leave logoSize out`);
  return value;
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
