import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { toHttpError, type ErrorCode } from '../http/problem.js';
import { fieldsFromJson, fieldsFromUrlEncoded, mergeFields, readQrRequest, toQrRequest, type TextFields } from './qr-request.js';
import { parseUrlEncoded } from './urlencoded.js';

const fromQuery = (query: string): TextFields => fieldsFromUrlEncoded(parseUrlEncoded(query, 'query'), 'query');

/** Errors as the server will answer them: qr-core's QrError goes through the same mapping. */
function rejects(run: () => unknown, code: ErrorCode, message: RegExp): void {
  assert.throws(run, (error: unknown) => toHttpError(error).code === code && message.test(toHttpError(error).message));
}

test("defaults are the original service's look: ECL M, scale 10, margin 4, black on white", () => {
  assert.deepEqual(toQrRequest(fromQuery('url=https%3A%2F%2Fexample.com')), {
    data: 'https://example.com',
    format: 'png',
    formatFromAccept: true,
    ecl: 'M',
    scale: 10,
    margin: 4,
    dark: '#000000',
    light: '#ffffff',
    moduleShape: 'square',
    finderShape: 'square',
    finderColor: undefined,
    download: false,
  });
});

test('data, url and text are the same field', () => {
  for (const name of ['data', 'url', 'text']) assert.equal(toQrRequest(fromQuery(`${name}=hi`)).data, 'hi');
});

test('every option from a query, case-insensitive where that is safe', () => {
  assert.deepEqual(toQrRequest(fromQuery('data=x&format=SVG&ecl=h&scale=3&margin=0&dark=%23f00&light=transparent&download=true')), {
    data: 'x',
    format: 'svg',
    formatFromAccept: false,
    ecl: 'H',
    scale: 3,
    margin: 0,
    dark: '#f00',
    light: 'transparent',
    moduleShape: 'square',
    finderShape: 'square',
    finderColor: undefined,
    download: true,
  });
});

test('unknown query parameters are ignored, as the original service ignored them', () => {
  assert.equal(toQrRequest(fromQuery('url=x&utm_source=mail&_=12345')).data, 'x');
});

test('every option from JSON, with JSON types', () => {
  const request = toQrRequest(fieldsFromJson({ data: 'x', format: 'png', ecl: 'Q', scale: 5, margin: 2, dark: '#112233', light: '#ffffff80', download: false }));
  assert.deepEqual(request, {
    data: 'x',
    format: 'png',
    formatFromAccept: false,
    ecl: 'Q',
    scale: 5,
    margin: 2,
    dark: '#112233',
    light: '#ffffff80',
    moduleShape: 'square',
    finderShape: 'square',
    finderColor: undefined,
    download: false,
  });
});

test('style fields: shapes by name in any case, the finder colour as a colour', () => {
  const styled = toQrRequest(fromQuery('data=x&moduleShape=DOTS&finderShape=circle&finderColor=%231a237e'));
  assert.deepEqual([styled.moduleShape, styled.finderShape, styled.finderColor], ['dots', 'circle', '#1a237e']);
  const json = toQrRequest(fieldsFromJson({ data: 'x', moduleShape: 'rounded', finderShape: 'rounded' }));
  assert.deepEqual([json.moduleShape, json.finderShape, json.finderColor], ['rounded', 'rounded', undefined]);
});

test('without a format field, Accept chooses it', () => {
  assert.equal(toQrRequest(fromQuery('data=x'), 'image/svg+xml, image/png;q=0.5').format, 'svg');
  assert.equal(toQrRequest(fromQuery('data=x&format=png'), 'image/svg+xml').format, 'png');
});

test('one request, one reading: query and body fields together, each source parsed by its type', () => {
  const request = (rawQuery: string, body: string, contentType: string) =>
    readQrRequest({ method: 'POST', path: '/generate_qr/', rawQuery, headers: { 'content-type': contentType }, body: Buffer.from(body) });
  assert.deepEqual({ ...request('ecl=H', '{"data":"a","scale":3}', 'application/json') }, { ...toQrRequest(fromQuery('ecl=H&data=a&scale=3')) });
  assert.equal(request('', 'text=b', 'application/x-www-form-urlencoded').data, 'b');
  assert.equal(request('scale=2', 'plain', 'text/plain').data, 'plain');
  rejects(() => request('', 'x', 'image/png'), 'UNSUPPORTED_MEDIA_TYPE', /send it as one of application\/json/);
  rejects(() => request('data=a', 'data=b', 'application/x-www-form-urlencoded'), 'INVALID_FIELD', /data is given in both the query and the form body/);
});

test('a multipart body is read like a form: text parts are fields, unknown names ignored, a file refused', () => {
  const form = (parts: { name: string; text?: string }[]) =>
    readQrRequest({
      method: 'POST',
      path: '/generate_qr/',
      rawQuery: '',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: Buffer.from('(parsed by the server)'),
      form: parts.map(({ name, text }) => (text === undefined ? { name, file: { bytes: new Uint8Array(3), type: 'image/png', fileName: 'a.png' } } : { name, text })),
    });
  const request = form([{ name: 'data', text: 'from parts' }, { name: 'ecl', text: 'q' }, { name: 'utm', text: 'x' }]);
  assert.deepEqual([request.data, request.ecl], ['from parts', 'Q']);
  rejects(() => form([{ name: 'data', text: 'a' }, { name: 'data', text: 'b' }]), 'INVALID_FIELD', /data is given more than once in the multipart body/);
  rejects(() => form([{ name: 'data' }]), 'INVALID_FIELD', /data in the multipart body is a file; send it as a text field/);
});

const badInputs: [string, () => unknown, ErrorCode, RegExp][] = [
  ['no data', () => toQrRequest(fromQuery('format=png')), 'MISSING_DATA', /no text to encode; give it as data, url, text/],
  ['empty data', () => toQrRequest(fromQuery('url=')), 'MISSING_DATA', /no text to encode/],
  ['data twice under two names', () => toQrRequest(fromQuery('url=a&data=b')), 'INVALID_FIELD', /given as data and url; give it once/],
  ['a field twice', () => fromQuery('url=a&url=b'), 'INVALID_FIELD', /url is given 2 times in the query/],
  ['bad ecl', () => toQrRequest(fromQuery('url=a&ecl=X')), 'INVALID_OPTION', /ecl is "X"; give one of L, M, Q, H/],
  ['bad moduleShape', () => toQrRequest(fromQuery('url=a&moduleShape=hearts')), 'INVALID_OPTION', /moduleShape is "hearts"; give one of square, rounded, dots/],
  ['bad finderShape', () => toQrRequest(fromQuery('url=a&finderShape=star')), 'INVALID_OPTION', /finderShape is "star"; give one of square, rounded, circle/],
  ['bad finderColor', () => toQrRequest(fromQuery('url=a&finderColor=blue')), 'INVALID_OPTION', /finderColor must be/],
  ['bad format', () => toQrRequest(fromQuery('url=a&format=gif')), 'INVALID_OPTION', /format is "gif"; give one of png, svg/],
  ['scale 0', () => toQrRequest(fromQuery('url=a&scale=0')), 'INVALID_OPTION', /scale is 0; give a whole number from 1 to 100/],
  ['scale 101', () => toQrRequest(fromQuery('url=a&scale=101')), 'INVALID_OPTION', /scale is 101/],
  ['scale not a number', () => toQrRequest(fromQuery('url=a&scale=ten')), 'INVALID_OPTION', /scale is ten/],
  ['fractional margin', () => toQrRequest(fieldsFromJson({ data: 'a', margin: 1.5 })), 'INVALID_OPTION', /margin is 1.5/],
  ['negative margin', () => toQrRequest(fromQuery('url=a&margin=-1')), 'INVALID_OPTION', /margin is -1; give a whole number from 0 to 64/],
  ['bad colour', () => toQrRequest(fromQuery('url=a&dark=red')), 'INVALID_OPTION', /^dark must be '#rgb'.*; got "red"/],
  ['bad light colour', () => toQrRequest(fromQuery('url=a&light=%23ggg')), 'INVALID_OPTION', /^light must be/],
  ['bad download', () => toQrRequest(fromQuery('url=a&download=yes')), 'INVALID_OPTION', /download is "yes"; give 1 or true/],
  ['JSON array', () => fieldsFromJson(['a']), 'INVALID_FIELD', /the JSON body is an array; send an object/],
  ['JSON string', () => fieldsFromJson('a'), 'INVALID_FIELD', /the JSON body is the string "a"/],
  ['JSON null', () => fieldsFromJson(null), 'INVALID_FIELD', /the JSON body is null/],
  ['JSON data a number', () => fieldsFromJson({ data: 12 }), 'INVALID_FIELD', /data in the JSON body is the number 12; give a string/],
  ['JSON scale a string', () => fieldsFromJson({ data: 'a', scale: '10' }), 'INVALID_FIELD', /scale in the JSON body is the string "10"; give a number/],
  ['JSON download a string', () => fieldsFromJson({ data: 'a', download: 'yes' }), 'INVALID_FIELD', /give a boolean/],
  ['JSON ecl an object', () => fieldsFromJson({ data: 'a', ecl: {} }), 'INVALID_FIELD', /ecl in the JSON body is an object/],
  ['JSON unknown member', () => fieldsFromJson({ data: 'a', size: 3 }), 'INVALID_FIELD', /unknown member "size"/],
];

for (const [name, run, code, message] of badInputs) {
  test(`refuses ${name} with ${code} and a message saying what to give`, () => rejects(run, code, message));
}

test('query and body fields join; the same field in both is refused', () => {
  const merged = mergeFields(fromQuery('format=svg'), fieldsFromJson({ data: 'x' }));
  assert.equal(toQrRequest(merged).format, 'svg');
  rejects(() => mergeFields(fromQuery('scale=2'), fieldsFromJson({ data: 'x', scale: 3 })), 'INVALID_FIELD', /scale is given in both the query and the JSON body/);
});
