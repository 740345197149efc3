/**
 * What a client asks for, read from every place it may put it — the query string, and a JSON,
 * form or text/plain body — checked once and turned into one validated {@link QrRequest}. This
 * is the only module that reads request fields, so a new field is added here and nowhere else.
 *
 * Every shape goes through the same two steps: the shape's own parser yields fields as text
 * (JSON also checks the JSON types, which only it has), then {@link toQrRequest} checks the
 * values. So `scale` means the same thing, with the same error, however it was sent. The one
 * field that may be bytes rather than text is `logo`, as a file part of a multipart body.
 *
 * The text to encode is `data` (or `url`, or `text`), or a payload of qr-core/payloads built into
 * its text here: in JSON an object member `payload: {"type": "wifi", "ssid": …}`, in a query or
 * form `type=wifi&ssid=…` with the fields flat. The payload's field names and kinds come from
 * qr-core's PAYLOAD_SCHEMAS alone. Flat, a payload shares one namespace with the API's own
 * names, and the rule for a clash is: an option name (`format`, `ecl`, …) is always the option
 * (no payload field has one of those names, and qr-request.test.ts fails if one ever does), while
 * `url` and `text` are the payload's field when its type has one of that name (vCard's and
 * MeCard's `url`, epc's `text`) and otherwise the text to encode, which beside a payload is the
 * 400 that says both were given. In JSON the payload is its own object, so nothing clashes.
 */
import { createHash } from 'node:crypto';
import {
  DEFAULT_DARK,
  DEFAULT_ECL,
  DEFAULT_LIGHT,
  DEFAULT_SCALE,
  defaultMargin,
  ECLS,
  FINDER_SHAPES,
  MAX_MARGIN,
  MAX_SCALE,
  MODULE_SHAPES,
  parseColor,
  QrError,
  readLogo,
  SYMBOLOGIES,
  SYMBOLOGY_ECLS,
  type Ecl,
  type FinderShape,
  type LogoFile,
  type ModuleShape,
  type SymbologyName,
} from 'qr-core';
import { hasSecret, payload as payloadText, PAYLOAD_SCHEMAS, PAYLOAD_TYPES, type Payload, type PayloadFieldSchema, type PayloadSchema, type PayloadType } from 'qr-core/payloads';
import { HttpError } from '../http/problem.js';
import type { FormPart } from '../http/multipart.js';
import type { HttpRequest } from '../http/reply.js';
import { negotiateFormat, type ImageFormat } from './accept.js';
import { withheld } from './secrets.js';
import { parseUrlEncoded, type Fields } from './urlencoded.js';

/** Names under which the text to encode may come; `url` is the original service's. */
export const DATA_FIELDS = Object.freeze(['data', 'url', 'text'] as const);
/** The structured alternative to the text: the JSON member holding a payload, and the name of its type when the fields come flat. */
export const PAYLOAD_FIELD = 'payload';
export const PAYLOAD_TYPE_FIELD = 'type';
export const OPTION_FIELDS = Object.freeze(['format', 'symbology', 'gs1', 'maxHeight', 'maxWidth', 'ecl', 'scale', 'margin', 'dark', 'light', 'moduleShape', 'finderShape', 'finderColor', 'logo', 'logoSize', 'download'] as const);
export const FORMATS: readonly ImageFormat[] = Object.freeze(['png', 'svg']);

/** The body types POST accepts; anything else is a 415 that lists them. */
export const BODY_TYPES = Object.freeze(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'] as const);

type FieldName = (typeof DATA_FIELDS)[number] | (typeof OPTION_FIELDS)[number] | typeof PAYLOAD_FIELD | typeof PAYLOAD_TYPE_FIELD;
/** The members of a JSON body. */
export const JSON_FIELDS: readonly string[] = Object.freeze([...DATA_FIELDS, PAYLOAD_FIELD, ...OPTION_FIELDS]);
/** The API's own names in a query or form, each given at most once; any other name may be a field of a flat payload. */
const FLAT_FIELD_NAMES: readonly string[] = [...DATA_FIELDS, PAYLOAD_FIELD, PAYLOAD_TYPE_FIELD, ...OPTION_FIELDS];

export interface QrRequest {
  /** The text to encode: as given, or the payload's text as qr-core/payloads writes it. */
  readonly data: string;
  /** The payload the text was made from; undefined: the text was given as it is. */
  readonly payload: Payload | undefined;
  /**
   * The payload holds a secret (qr-core's hasSecret: a Wi-Fi password): its answer is never
   * stored (Cache-Control: no-store, no ETag, not in the image cache) and nothing of it is logged.
   */
  readonly secret: boolean;
  readonly format: ImageFormat;
  /** True when the client named no format and Accept chose it: the answer then varies by Accept. */
  readonly formatFromAccept: boolean;
  /** The QR family member: QR Code (default), Micro QR or rMQR. */
  readonly symbology: SymbologyName;
  /** The text is a GS1 element string, encoded with FNC1 in first position (QR and rMQR). */
  readonly gs1: boolean;
  /** rMQR only: the most modules down and across; undefined: no bound. */
  readonly maxHeight: number | undefined;
  readonly maxWidth: number | undefined;
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

/**
 * Fields as text, with where they came from for error messages: the API's names, each given at
 * most once, and from a query or form every other name, which may be a flat payload's field.
 */
export type TextFields = ReadonlyMap<string, Field>;

/**
 * A field's text and where it came from; a file part of a multipart body also has its bytes, a
 * name given more than once (a payload's list field: `phone=…&phone=…`) every value, and the
 * JSON `payload` member its object.
 */
interface Field {
  readonly value: string;
  readonly where: string;
  readonly bytes?: Uint8Array;
  readonly values?: readonly string[];
  readonly object?: object;
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
 * Fields from a query string or form. The API's names given twice are refused. Other names are
 * kept, every value, for a flat payload (`type=wifi&ssid=…`) to claim; without a payload they
 * are ignored, as the original FastAPI service ignored them (cache-busting parameters keep working).
 */
export function fieldsFromUrlEncoded(fields: Fields, where: string): TextFields {
  const result = new Map<string, Field>();
  for (const [name, values] of fields) {
    const value = values[0] ?? '';
    if (values.length > 1) {
      if (FLAT_FIELD_NAMES.includes(name)) throw new HttpError('INVALID_FIELD', `${name} is given ${values.length} times in the ${where}; give it once`);
      result.set(name, { value, where, values });
    } else {
      result.set(name, { value, where });
    }
  }
  return result;
}

/**
 * Fields from a multipart/form-data body, as http/multipart.ts parsed it: text parts are read
 * like a form's fields (other names kept for a flat payload, else ignored); `logo` may also be a
 * file part, the API's other names not.
 */
export function fieldsFromForm(form: readonly FormPart[] | undefined): TextFields {
  const where = 'multipart body';
  const result = new Map<string, Field>();
  for (const part of form ?? []) {
    if (!FLAT_FIELD_NAMES.includes(part.name)) {
      // A payload's field perhaps: its text parts, all of them (a list field may repeat); a file
      // part is kept as such, for the payload to refuse (no payload field is a file).
      const earlier = result.get(part.name);
      const value = 'text' in part ? part.text : '';
      if (earlier === undefined) result.set(part.name, 'text' in part ? { value, where } : { value, where, bytes: part.file.bytes });
      else result.set(part.name, { ...earlier, values: [...(earlier.values ?? [earlier.value]), value], ...('text' in part ? {} : { bytes: part.file.bytes }) });
      continue;
    }
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

/** The options that are numbers in JSON, and those that are booleans (in a query or form: true, false, 1 or 0). */
const NUMBER_FIELDS = Object.freeze(['scale', 'margin', 'logoSize', 'maxHeight', 'maxWidth'] as const);
const BOOLEAN_FIELDS = Object.freeze(['gs1', 'download'] as const);

/**
 * Fields from a parsed JSON body: an object whose members have the JSON types of the API
 * (strings; numbers for scale, margin, logoSize, maxHeight and maxWidth; booleans for gs1 and download; an object for
 * payload, whose fields qr-core checks). A JSON body is new in this API, so unknown members are
 * refused rather than silently ignored: a typo is caught.
 */
export function fieldsFromJson(json: unknown): TextFields {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new HttpError('INVALID_FIELD', `the JSON body is ${describe(json)}; send an object such as {"data": "https://example.com"}`);
  }
  const result = new Map<string, Field>();
  for (const [name, value] of Object.entries(json)) {
    if (!JSON_FIELDS.includes(name)) {
      throw new HttpError('INVALID_FIELD', `the JSON body has an unknown member "${name}"; the members are ${JSON_FIELDS.join(', ')}`);
    }
    if (name === PAYLOAD_FIELD) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new HttpError('INVALID_FIELD', `payload in the JSON body is ${describe(value)}; give an object such as {"type": "wifi", "ssid": "home", "password": "…"}`);
      }
      result.set(name, { value: '', where: 'JSON body', object: value });
      continue;
    }
    const expected = (NUMBER_FIELDS as readonly string[]).includes(name) ? 'number' : (BOOLEAN_FIELDS as readonly string[]).includes(name) ? 'boolean' : 'string';
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
  const symbology = oneOf(fields, 'symbology', SYMBOLOGIES, (text) => text.toLowerCase()) ?? 'qr';
  const logoFile = logo(fields);
  if (logoFile !== undefined && symbology !== 'qr') {
    throw new HttpError(
      'INVALID_OPTION',
      `logos are drawn on QR codes only: ${SYMBOLOGY_NAMES[symbology]} has too little error correction to lose modules under a logo; leave out logo, or give symbology qr (or leave it out)`,
    );
  }
  const content = fields.has(PAYLOAD_FIELD) || fields.has(PAYLOAD_TYPE_FIELD) ? payloadContent(fields) : { data: data(fields), payload: undefined, schema: undefined };
  const gs1 = booleanField(fields, 'gs1', 'for a GS1 element string such as (01)09506000134352(10)ABC1, 0 or false for plain text');
  if (gs1 && content.payload !== undefined) {
    throw new HttpError('INVALID_FIELD', `gs1 is true beside a payload (type ${content.payload.type}); a GS1 code encodes a GS1 element string given as data, such as (01)09506000134352(10)ABC1: give data, or leave out gs1`);
  }
  const { maxHeight, maxWidth } = rmqrBounds(fields, symbology);
  return {
    data: content.data,
    payload: content.payload,
    secret: content.payload !== undefined && hasSecret(content.payload),
    format: format ?? negotiateFormat(accept),
    formatFromAccept: format === undefined,
    symbology: payloadSymbology(fields, symbology, content.schema),
    gs1,
    maxHeight,
    maxWidth,
    ecl: ecl(fields, symbology, content.schema, logoFile),
    scale: wholeNumber(fields, 'scale', SCALE_RANGE, DEFAULT_SCALE),
    // The quiet zone each standard asks for (4 for QR, 2 for Micro QR and rMQR), as qr-core draws by default.
    margin: wholeNumber(fields, 'margin', MARGIN_RANGE, defaultMargin(symbology)),
    dark: color(fields, 'dark', DEFAULT_DARK),
    light: color(fields, 'light', DEFAULT_LIGHT),
    moduleShape: oneOf(fields, 'moduleShape', MODULE_SHAPES, (text) => text.toLowerCase()) ?? MODULE_SHAPES[0],
    finderShape: oneOf(fields, 'finderShape', FINDER_SHAPES, (text) => text.toLowerCase()) ?? FINDER_SHAPES[0],
    finderColor: fields.has('finderColor') ? color(fields, 'finderColor', DEFAULT_DARK) : undefined,
    logo: logoFile,
    logoSize: logoSize(fields, logoFile),
    download: booleanField(fields, 'download', 'for an attachment, 0 or false for inline'),
  };
}

/** What messages call each symbology: its name as its standard writes it. */
export const SYMBOLOGY_NAMES: Readonly<Record<SymbologyName, string>> = Object.freeze({ qr: 'QR Code', micro: 'Micro QR', rmqr: 'rMQR' });

/** The ECLs each symbology has, weakest first (QR: L, M, Q, H; Micro QR: L, M, Q; rMQR: M, H): qr-core's. */
export { SYMBOLOGY_ECLS };

/** rMQR's heights and widths in modules (ISO/IEC 23941 Table 1: R7x43 … R17x139, and R11x27, R13x27). */
export const MAX_HEIGHT_RANGE = Object.freeze({ min: 7, max: 17 });
export const MAX_WIDTH_RANGE = Object.freeze({ min: 27, max: 139 });

/** maxHeight and maxWidth: rMQR's only, so that no two requests for one image differ. */
function rmqrBounds(fields: TextFields, symbology: SymbologyName): { maxHeight: number | undefined; maxWidth: number | undefined } {
  const given = (['maxHeight', 'maxWidth'] as const).filter((name) => fields.has(name));
  if (given.length > 0 && symbology !== 'rmqr') {
    throw new HttpError(
      'INVALID_OPTION',
      `${given.join(' and ')} ${given.length > 1 ? 'bound' : 'bounds'} the size of rMQR symbols, but symbology is ${symbology}, whose symbols are square: give symbology rmqr, or leave out ${given.join(' and ')}`,
    );
  }
  return {
    maxHeight: fields.has('maxHeight') ? wholeNumber(fields, 'maxHeight', MAX_HEIGHT_RANGE, MAX_HEIGHT_RANGE.max) : undefined,
    maxWidth: fields.has('maxWidth') ? wholeNumber(fields, 'maxWidth', MAX_WIDTH_RANGE, MAX_WIDTH_RANGE.max) : undefined,
  };
}

/** qr-core's ranges, checked here too so that the error names the field as the client sent it. */
export const SCALE_RANGE = Object.freeze({ min: 1, max: MAX_SCALE });
export const MARGIN_RANGE = Object.freeze({ min: 0, max: MAX_MARGIN });

function data(fields: TextFields): string {
  const given = DATA_FIELDS.filter((name) => fields.has(name));
  if (given.length > 1) throw givenTwice(given);
  const text = given[0] === undefined ? '' : (fields.get(given[0])?.value ?? '');
  if (text === '') {
    throw new HttpError(
      'MISSING_DATA',
      `there is no text to encode; give it as ${DATA_FIELDS.join(', ')} in the query (e.g. ?url=https%3A%2F%2Fexample.com), in a JSON or form body, or as a text/plain body; ` +
        'or give a payload (JSON: {"payload": {"type": "wifi", …}}; query or form: type=wifi&ssid=…)',
    );
  }
  return text;
}

function givenTwice(given: readonly string[]): HttpError {
  return new HttpError(
    'INVALID_FIELD',
    `the text is given as ${given.join(' and ')}; give it once, as one of ${DATA_FIELDS.join(', ')} or ${PAYLOAD_FIELD} (in a query or form: ${PAYLOAD_TYPE_FIELD}=… with the payload's fields)`,
  );
}

/** What a payload request encodes: the payload's text, the payload, and its type's schema. */
interface PayloadContent {
  readonly data: string;
  readonly payload: Payload | undefined;
  readonly schema: PayloadSchema | undefined;
}

/**
 * The payload of a request that has one — a JSON `payload` object or a flat `type` — and the
 * text qr-core/payloads makes of it (its INVALID_PAYLOAD, naming the field, is the 400). The
 * payload must be the only text given: `data`, `url` or `text` beside it is refused, except
 * that flat, `url` and `text` are the payload's own when its type has such a field.
 */
function payloadContent(fields: TextFields): PayloadContent {
  const object = fields.get(PAYLOAD_FIELD);
  if (object !== undefined && object.object === undefined) {
    throw new HttpError(
      'INVALID_FIELD',
      `payload in the ${object.where} is a JSON member; in a query or form give the payload's fields flat: ${PAYLOAD_TYPE_FIELD}=wifi&ssid=home&password=…`,
    );
  }
  const flatType = fields.get(PAYLOAD_TYPE_FIELD);
  const type = flatType === undefined ? undefined : payloadType(flatType.value, flatType.where);
  const schema = type === undefined ? undefined : PAYLOAD_SCHEMAS[type];
  const given: string[] = DATA_FIELDS.filter((name) => fields.has(name) && !(schema !== undefined && fieldOf(schema, name)));
  if (object !== undefined) given.push(`${PAYLOAD_FIELD} (in the ${object.where})`);
  if (type !== undefined) given.push(`${PAYLOAD_TYPE_FIELD}=${type} (a payload, in the ${flatType?.where})`);
  if (given.length > 1) throw givenTwice(given);
  const input: Record<string, unknown> = schema === undefined ? jsonPayload(object?.object) : flatPayload(schema, fields);
  const inputType = schema?.type ?? PAYLOAD_TYPES.find((name) => name === input[PAYLOAD_TYPE_FIELD]);
  try {
    // qr-core checks every field (kinds, unknown names, required ones, each format's rules).
    const built = input as unknown as Payload;
    return { data: payloadText(built), payload: built, schema: inputType === undefined ? undefined : PAYLOAD_SCHEMAS[inputType] };
  } catch (error) {
    // A failure of qr-core's own (not a QrError) is logged with its stack: not its message, when the fields hold a secret.
    throw inputType !== undefined && !(error instanceof QrError) && holdsSecret(PAYLOAD_SCHEMAS[inputType], input) ? withheld(error) : error;
  }
}

/** A flat payload's `type`, any case; another value is qr-core's kind of error, naming the field. */
function payloadType(text: string, where: string): PayloadType {
  const type = PAYLOAD_TYPES.find((name) => name === text.toLowerCase());
  if (type === undefined) {
    throw new HttpError('INVALID_PAYLOAD', `payload: type is ${JSON.stringify(text.slice(0, 40))} in the ${where}; give one of ${PAYLOAD_TYPES.join(', ')}`, {}, PAYLOAD_TYPE_FIELD);
  }
  return type;
}

/**
 * A JSON payload as qr-core takes it, its `type` in any case as flat (qr-core checks the rest,
 * the JSON types of the fields included: they are the kinds of PAYLOAD_SCHEMAS).
 */
function jsonPayload(object: object | undefined): Record<string, unknown> {
  const input: Record<string, unknown> = { ...object };
  const type = input[PAYLOAD_TYPE_FIELD];
  const known = typeof type === 'string' ? PAYLOAD_TYPES.find((name) => name === type.toLowerCase()) : undefined;
  if (known !== undefined) input[PAYLOAD_TYPE_FIELD] = known;
  return input;
}

function fieldOf(schema: PayloadSchema, name: string): PayloadFieldSchema | undefined {
  return schema.fields.find((field) => field.name === name);
}

/**
 * A flat payload's fields as the values qr-core takes, by their kinds in PAYLOAD_SCHEMAS: text
 * for 'string' and 'choice', a decimal number, a boolean (true, false, 1 or 0), and for
 * 'strings' the one value or, repeated, the list. An empty value stays '', which qr-core counts
 * as a field left blank. Every name that is neither the API's nor the type's is refused: flat,
 * a misspelt field would otherwise be ignored and make a silently wrong code.
 */
function flatPayload(schema: PayloadSchema, fields: TextFields): Record<string, unknown> {
  const { type } = schema;
  const input: Record<string, unknown> = { type };
  for (const [name, field] of fields) {
    const fieldSchema = fieldOf(schema, name);
    if (fieldSchema === undefined) {
      if (FLAT_FIELD_NAMES.includes(name)) continue;
      throw payloadError(type, name, `is not a field of ${type} (in the ${field.where}): its fields are ${schema.fields.map((known) => known.name).join(', ')}, beside the options ${OPTION_FIELDS.join(', ')}`);
    }
    input[name] = flatValue(type, fieldSchema, field);
  }
  return input;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function flatValue(type: PayloadType, schema: PayloadFieldSchema, field: Field): string | number | boolean | readonly string[] {
  const { name, kind } = schema;
  // A secret is not repeated back in a message.
  const shown = schema.secret ? 'a value' : JSON.stringify(field.value.slice(0, 40));
  if (field.bytes !== undefined) throw payloadError(type, name, `in the ${field.where} is a file: send it as a text field`);
  if (field.values !== undefined) {
    if (kind === 'strings') return field.values;
    throw payloadError(type, name, `is given ${field.values.length} times in the ${field.where}: give it once (only ${listFields(type)} may repeat)`);
  }
  const text = field.value;
  if (text === '') return text;
  switch (kind) {
    case 'string':
    case 'choice':
    case 'strings':
      return text;
    case 'number':
      if (!DECIMAL.test(text)) throw payloadError(type, name, `is ${shown} in the ${field.where}: it must be a decimal number such as 52.5205 or -13.4`);
      return Number(text);
    case 'boolean':
      switch (text.toLowerCase()) {
        case 'true':
        case '1':
          return true;
        case 'false':
        case '0':
          return false;
        default:
          throw payloadError(type, name, `is ${shown} in the ${field.where}: it must be true, false, 1 or 0`);
      }
  }
}

function listFields(type: PayloadType): string {
  const names = PAYLOAD_SCHEMAS[type].fields.filter((field) => field.kind === 'strings').map((field) => field.name);
  return names.length === 0 ? 'list fields' : names.join(', ');
}

/** INVALID_PAYLOAD in qr-core's form, `<type>: <field> <what was given> <what it must be>`, with the field for the problem. */
function payloadError(type: PayloadType, field: string, text: string): HttpError {
  return new HttpError('INVALID_PAYLOAD', `${type}: ${field} ${text}`, {}, field);
}

/** Whether a payload's input sets a field its schema marks secret, whatever else is wrong with it. */
function holdsSecret(schema: PayloadSchema, input: Record<string, unknown>): boolean {
  return schema.fields.some((field) => field.secret === true && input[field.name] !== undefined && input[field.name] !== null && input[field.name] !== '');
}

/** The symbology, checked against the one the payload's format requires, if any (epc: a QR code, EPC069-12). */
function payloadSymbology(fields: TextFields, symbology: SymbologyName, schema: PayloadSchema | undefined): SymbologyName {
  if (schema?.symbology !== undefined && symbology !== schema.symbology) {
    throw new HttpError('INVALID_OPTION', `symbology is "${fields.get('symbology')?.value}", but a ${schema.label} code (type ${schema.type}) is a QR code, which its specification requires (banking apps read no other): leave symbology out or give qr`);
  }
  return symbology;
}

/**
 * The ECL: as asked for, or the one the payload's format requires (epc: M), which an other one
 * asked for contradicts; a logo hides modules, so without an ECL asked for it gets the most
 * correction there is (H).
 */
function ecl(fields: TextFields, symbology: SymbologyName, schema: PayloadSchema | undefined, logoFile: Logo | undefined): Ecl {
  const asked = oneOf(fields, 'ecl', ECLS, (text) => text.toUpperCase());
  const levels = SYMBOLOGY_ECLS[symbology];
  const required = schema?.ecl;
  if (asked !== undefined && !levels.includes(asked)) {
    throw new HttpError('INVALID_OPTION', `ecl is "${fields.get('ecl')?.value}", but ${SYMBOLOGY_NAMES[symbology]} has ECL ${levels.join(', ')} only${eclNote(symbology)}: give one of those`);
  }
  if (required !== undefined && !levels.includes(required)) {
    throw new HttpError('INVALID_OPTION', `a ${schema?.label} code (type ${schema?.type}) is made at ECL ${required}, which ${SYMBOLOGY_NAMES[symbology]} lacks (it has ${levels.join(', ')}): give another symbology`);
  }
  if (required === undefined) return asked ?? (logoFile === undefined ? DEFAULT_ECL : 'H');
  if (asked !== undefined && asked !== required) {
    throw new HttpError(
      'INVALID_OPTION',
      `ecl is "${fields.get('ecl')?.value}", but a ${schema?.label} code (type ${schema?.type}) is made at ECL ${required}, which its specification requires: leave ecl out or give ${required}`,
    );
  }
  return required;
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

/** Where a symbology's ECLs have a catch worth saying. */
function eclNote(symbology: SymbologyName): string {
  return symbology === 'micro' ? ' (Q in M4 alone; M1 detects errors only)' : '';
}

/** A boolean option: true, false, 1 or 0, any case (JSON: a boolean); `meaning` finishes "give 1 or true …". */
function booleanField(fields: TextFields, name: (typeof BOOLEAN_FIELDS)[number], meaning: string): boolean {
  const field = fields.get(name);
  if (field === undefined) return false;
  switch (field.value.toLowerCase()) {
    case '1':
    case 'true':
      return true;
    case '0':
    case 'false':
      return false;
    default:
      throw new HttpError('INVALID_OPTION', `${name} is "${field.value}"; give 1 or true ${meaning}`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`;
}
