import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { toHttpError, type ErrorCode } from '../http/problem.js';
import { PAYLOAD_SCHEMAS, PAYLOAD_TYPES, payload } from 'qr-core/payloads';
import { DATA_FIELDS, fieldsFromJson, fieldsFromUrlEncoded, JSON_FIELDS, mergeFields, OPTION_FIELDS, PAYLOAD_FIELD, PAYLOAD_TYPE_FIELD, readQrRequest, SYMBOLOGY_ECLS, toQrRequest, type TextFields } from './qr-request.js';
import { dataUrl, discLogo } from '../test-support/logo-png.js';
import { parseUrlEncoded } from './urlencoded.js';

const fromQuery = (query: string): TextFields => fieldsFromUrlEncoded(parseUrlEncoded(query, 'query'), 'query');

/** Errors as the server will answer them: qr-core's QrError goes through the same mapping. */
function rejects(run: () => unknown, code: ErrorCode, message: RegExp): void {
  assert.throws(run, (error: unknown) => toHttpError(error).code === code && message.test(toHttpError(error).message));
}

test("defaults are the original service's look: ECL M, scale 10, margin 4, black on white", () => {
  assert.deepEqual(toQrRequest(fromQuery('url=https%3A%2F%2Fexample.com')), {
    data: 'https://example.com',
    payload: undefined,
    secret: false,
    format: 'png',
    formatFromAccept: true,
    symbology: 'qr',
    gs1: false,
    maxHeight: undefined,
    maxWidth: undefined,
    ecl: 'M',
    scale: 10,
    margin: 4,
    dark: '#000000',
    light: '#ffffff',
    moduleShape: 'square',
    finderShape: 'square',
    finderColor: undefined,
    logo: undefined,
    logoSize: undefined,
    download: false,
  });
});

test('data, url and text are the same field', () => {
  for (const name of ['data', 'url', 'text']) assert.equal(toQrRequest(fromQuery(`${name}=hi`)).data, 'hi');
});

test('every option from a query, case-insensitive where that is safe', () => {
  assert.deepEqual(toQrRequest(fromQuery('data=x&format=SVG&ecl=h&scale=3&margin=0&dark=%23f00&light=transparent&download=true')), {
    data: 'x',
    payload: undefined,
    secret: false,
    format: 'svg',
    formatFromAccept: false,
    symbology: 'qr',
    gs1: false,
    maxHeight: undefined,
    maxWidth: undefined,
    ecl: 'H',
    scale: 3,
    margin: 0,
    dark: '#f00',
    light: 'transparent',
    moduleShape: 'square',
    finderShape: 'square',
    finderColor: undefined,
    logo: undefined,
    logoSize: undefined,
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
    payload: undefined,
    secret: false,
    format: 'png',
    formatFromAccept: false,
    symbology: 'qr',
    gs1: false,
    maxHeight: undefined,
    maxWidth: undefined,
    ecl: 'Q',
    scale: 5,
    margin: 2,
    dark: '#112233',
    light: '#ffffff80',
    moduleShape: 'square',
    finderShape: 'square',
    finderColor: undefined,
    logo: undefined,
    logoSize: undefined,
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

test('a multipart body is read like a form: text parts are fields, unknown names ignored, a file refused but for logo', () => {
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
  rejects(() => form([{ name: 'data' }]), 'INVALID_FIELD', /data in the multipart body is a file; send it as a text field \(only logo may be a file\)/);
  // The file part's three zero bytes are no image: qr-core's readLogo reads the format from them.
  rejects(() => form([{ name: 'data', text: 'a' }, { name: 'logo' }]), 'INVALID_LOGO', /not a PNG, JPEG, WebP or SVG file \(it starts with 00 00 00\)/);
});

const PNG_LOGO = discLogo(8);

test('a logo: a data: URL from the query, a form or JSON, read by qr-core into its file and format, with its SHA-256', () => {
  const expected = { type: 'image/png', bytes: PNG_LOGO, sha256: createHash('sha256').update(PNG_LOGO).digest('base64url') };
  const fromJson = toQrRequest(fieldsFromJson({ data: 'x', logo: dataUrl(PNG_LOGO) }));
  assert.deepEqual({ ...fromJson.logo, bytes: new Uint8Array(fromJson.logo?.bytes ?? []) }, expected);
  assert.deepEqual(toQrRequest(fromQuery(`data=x&logo=${encodeURIComponent(dataUrl(PNG_LOGO))}`)).logo?.sha256, expected.sha256);
  // Percent-encoding in the data: URL itself (RFC 2397 without ;base64) is decoded by qr-core.
  const svg = toQrRequest(fieldsFromJson({ data: 'x', logo: `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg"/>')}` }));
  assert.equal(svg.logo?.type, 'image/svg+xml');
});

test('with a logo and no ecl, ECL H; an ecl given wins; logoSize is a fraction in (0, 1]', () => {
  const logo = encodeURIComponent(dataUrl(PNG_LOGO));
  assert.equal(toQrRequest(fromQuery(`data=x&logo=${logo}`)).ecl, 'H');
  assert.equal(toQrRequest(fromQuery(`data=x&logo=${logo}&ecl=q`)).ecl, 'Q');
  assert.equal(toQrRequest(fromQuery('data=x')).ecl, 'M');
  for (const [text, value] of [['0.2', 0.2], ['.5', 0.5], ['1', 1], ['1.0', 1], ['2.5e-1', 0.25]] as const) {
    assert.equal(toQrRequest(fromQuery(`data=x&logo=${logo}&logoSize=${text}`)).logoSize, value, text);
  }
  assert.equal(toQrRequest(fieldsFromJson({ data: 'x', logo: dataUrl(PNG_LOGO), logoSize: 0.125 })).logoSize, 0.125);
  for (const text of ['0', '1.01', '-0.2', '', '0x1', 'Infinity', ' 0.2']) {
    rejects(() => toQrRequest(fromQuery(`data=x&logo=${logo}&logoSize=${encodeURIComponent(text)}`)), 'INVALID_OPTION', /logoSize is .*above 0 and at most 1/);
  }
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
  ['bad symbology', () => toQrRequest(fromQuery('url=a&symbology=aztec')), 'INVALID_OPTION', /symbology is "aztec"; give one of qr, micro, rmqr/],
  ['bad gs1', () => toQrRequest(fromQuery('url=a&gs1=yes')), 'INVALID_OPTION', /gs1 is "yes"; give 1 or true for a GS1 element string/],
  ['gs1 with a payload', () => toQrRequest(fromQuery('type=tel&number=%2B442079460000&gs1=1')), 'INVALID_FIELD', /gs1 is true beside a payload \(type tel\)/],
  ['ecl H for Micro QR', () => toQrRequest(fromQuery('url=a&symbology=micro&ecl=h')), 'INVALID_OPTION', /ecl is "h", but Micro QR has ECL L, M, Q only \(Q in M4 alone; M1 detects errors only\)/],
  ['ecl L for rMQR', () => toQrRequest(fromQuery('url=a&symbology=rmqr&ecl=L')), 'INVALID_OPTION', /ecl is "L", but rMQR has ECL M, H only/],
  ['maxHeight for QR', () => toQrRequest(fromQuery('url=a&maxHeight=9')), 'INVALID_OPTION', /maxHeight bounds the size of rMQR symbols, but symbology is qr.*give symbology rmqr/],
  ['maxWidth for Micro QR', () => toQrRequest(fromQuery('url=a&symbology=micro&maxWidth=43&maxHeight=9')), 'INVALID_OPTION', /maxHeight and maxWidth bound the size of rMQR symbols, but symbology is micro/],
  ['maxHeight out of range', () => toQrRequest(fromQuery('url=a&symbology=rmqr&maxHeight=5')), 'INVALID_OPTION', /maxHeight is 5; give a whole number from 7 to 17/],
  ['maxWidth out of range', () => toQrRequest(fromQuery('url=a&symbology=rmqr&maxWidth=140')), 'INVALID_OPTION', /maxWidth is 140; give a whole number from 27 to 139/],
  ['a logo on Micro QR', () => toQrRequest(fromQuery(`url=a&symbology=micro&logo=${encodeURIComponent(dataUrl(discLogo(8)))}`)), 'INVALID_OPTION', /^logos are drawn on QR codes only: Micro QR/],
  ['a logo on rMQR', () => toQrRequest(fieldsFromJson({ data: 'a', symbology: 'rmqr', logo: dataUrl(discLogo(8)) })), 'INVALID_OPTION', /^logos are drawn on QR codes only: rMQR/],
  ['JSON gs1 a string', () => fieldsFromJson({ data: 'a', gs1: 'true' }), 'INVALID_FIELD', /gs1 in the JSON body is the string "true"; give a boolean/],
  ['JSON maxHeight a string', () => fieldsFromJson({ data: 'a', maxHeight: '9' }), 'INVALID_FIELD', /maxHeight in the JSON body is the string "9"; give a number/],
  ['JSON symbology a number', () => fieldsFromJson({ data: 'a', symbology: 1 }), 'INVALID_FIELD', /symbology in the JSON body is the number 1; give a string/],
  ['JSON array', () => fieldsFromJson(['a']), 'INVALID_FIELD', /the JSON body is an array; send an object/],
  ['JSON string', () => fieldsFromJson('a'), 'INVALID_FIELD', /the JSON body is the string "a"/],
  ['JSON null', () => fieldsFromJson(null), 'INVALID_FIELD', /the JSON body is null/],
  ['JSON data a number', () => fieldsFromJson({ data: 12 }), 'INVALID_FIELD', /data in the JSON body is the number 12; give a string/],
  ['JSON scale a string', () => fieldsFromJson({ data: 'a', scale: '10' }), 'INVALID_FIELD', /scale in the JSON body is the string "10"; give a number/],
  ['JSON download a string', () => fieldsFromJson({ data: 'a', download: 'yes' }), 'INVALID_FIELD', /give a boolean/],
  ['JSON ecl an object', () => fieldsFromJson({ data: 'a', ecl: {} }), 'INVALID_FIELD', /ecl in the JSON body is an object/],
  ['JSON unknown member', () => fieldsFromJson({ data: 'a', size: 3 }), 'INVALID_FIELD', /unknown member "size"/],
  ['JSON logo a number', () => fieldsFromJson({ data: 'a', logo: 1 }), 'INVALID_FIELD', /logo in the JSON body is the number 1; give a string/],
  ['JSON logoSize a string', () => fieldsFromJson({ data: 'a', logoSize: '0.2' }), 'INVALID_FIELD', /logoSize in the JSON body is the string "0.2"; give a number/],
  ['a logo URL', () => toQrRequest(fromQuery('data=a&logo=https%3A%2F%2Fexample.com%2Flogo.png')), 'INVALID_LOGO', /logo in the query is the string "https:\/\/example.com\/logo.png", not a data: URL; this server never fetches a URL/],
  ['a logo path', () => toQrRequest(fieldsFromJson({ data: 'a', logo: '/etc/passwd' })), 'INVALID_LOGO', /never fetches a URL/],
  ['an empty logo', () => toQrRequest(fromQuery('data=a&logo=')), 'INVALID_LOGO', /not a data: URL/],
  ['a malformed data: URL', () => toQrRequest(fieldsFromJson({ data: 'a', logo: 'data:image/png;base64,@@@' })), 'INVALID_LOGO', /not valid base64/],
  ['logoSize without a logo', () => toQrRequest(fromQuery('data=a&logoSize=0.2')), 'INVALID_FIELD', /logoSize is given without a logo/],
];

for (const [name, run, code, message] of badInputs) {
  test(`refuses ${name} with ${code} and a message saying what to give`, () => rejects(run, code, message));
}

test('symbology, gs1, maxHeight and maxWidth: the same from a query, a form and JSON; the quiet zone follows the symbology', () => {
  const micro = toQrRequest(fromQuery('data=x&symbology=MICRO'));
  assert.deepEqual([micro.symbology, micro.gs1, micro.ecl, micro.margin, micro.maxHeight, micro.maxWidth], ['micro', false, 'M', 2, undefined, undefined]);
  const rmqr = { data: 'x', symbology: 'rmqr', gs1: true, maxHeight: 9, maxWidth: 77, ecl: 'H' };
  const fromJson = toQrRequest(fieldsFromJson(rmqr));
  assert.deepEqual([fromJson.symbology, fromJson.gs1, fromJson.maxHeight, fromJson.maxWidth, fromJson.ecl, fromJson.margin], ['rmqr', true, 9, 77, 'H', 2]);
  assert.deepEqual(toQrRequest(fromQuery('data=x&symbology=rmqr&gs1=1&maxHeight=9&maxWidth=77&ecl=h')), fromJson);
  assert.deepEqual(toQrRequest(fieldsFromUrlEncoded(parseUrlEncoded('data=x&symbology=rmqr&gs1=TRUE&maxHeight=9&maxWidth=77&ecl=H', 'form body'), 'form body')), fromJson);
  for (const [text, value] of [['1', true], ['true', true], ['0', false], ['False', false]] as const) assert.equal(toQrRequest(fromQuery(`data=x&gs1=${text}`)).gs1, value, text);
  assert.equal(toQrRequest(fromQuery('data=x&symbology=micro&margin=4')).margin, 4, 'a margin given wins');
  assert.equal(toQrRequest(fromQuery('data=x&symbology=qr')).margin, 4);
  assert.equal(toQrRequest(fromQuery('data=x&symbology=micro&ecl=q')).ecl, 'Q', "M4's Q");
});

test("each symbology's ECLs are the encoder's; a payment is a QR code at ECL M, as its specification requires", () => {
  assert.deepEqual(SYMBOLOGY_ECLS, { qr: ['L', 'M', 'Q', 'H'], micro: ['L', 'M', 'Q'], rmqr: ['M', 'H'] });
  const epc = 'type=epc&name=Red+Cross&iban=DE89370400440532013000&amount=25';
  const payment = toQrRequest(fromQuery(`${epc}&symbology=qr`));
  assert.deepEqual([payment.symbology, payment.ecl], ['qr', 'M']);
  rejects(() => toQrRequest(fromQuery(`${epc}&symbology=rmqr`)), 'INVALID_OPTION', /symbology is "rmqr", but a Payment \(SEPA\) code \(type epc\) is a QR code/);
  rejects(() => toQrRequest(fromQuery(`${epc}&ecl=H`)), 'INVALID_OPTION', /ecl is "H", but a Payment \(SEPA\) code .*made at ECL M/);
});

test('query and body fields join; the same field in both is refused', () => {
  const merged = mergeFields(fromQuery('format=svg'), fieldsFromJson({ data: 'x' }));
  assert.equal(toQrRequest(merged).format, 'svg');
  rejects(() => mergeFields(fromQuery('scale=2'), fieldsFromJson({ data: 'x', scale: 3 })), 'INVALID_FIELD', /scale is given in both the query and the JSON body/);
});

test('a flat payload: each field read by its kind in PAYLOAD_SCHEMAS, a list field repeated, options beside it', () => {
  const vcard = toQrRequest(fromQuery('type=vcard&name=Ada&phone=%2B44+1&phone=%2B44+2&email=ada%40example.com&ecl=q&scale=3'));
  assert.deepEqual(vcard.payload, { type: 'vcard', name: 'Ada', phone: ['+44 1', '+44 2'], email: 'ada@example.com' });
  assert.equal(vcard.data, payload({ type: 'vcard', name: 'Ada', phone: ['+44 1', '+44 2'], email: 'ada@example.com' }));
  assert.deepEqual([vcard.ecl, vcard.scale, vcard.secret], ['Q', 3, false]);
  assert.deepEqual(toQrRequest(fromQuery('type=geo&latitude=-33.8568&longitude=151.2153&altitude=.5')).payload, { type: 'geo', latitude: -33.8568, longitude: 151.2153, altitude: 0.5 });
  assert.deepEqual(toQrRequest(fromQuery('type=wifi&ssid=a&hidden=1&security=nopass')).payload, { type: 'wifi', ssid: 'a', hidden: true, security: 'nopass' });
  // Names that are no payload's field are still ignored without a payload, as the original service ignored them.
  assert.equal(toQrRequest(fromQuery('data=x&ssid=y&phone=1&phone=2')).payload, undefined);
});

test('a JSON payload goes to qr-core as it is; secret only when a secret field is set', () => {
  const wifi = { type: 'wifi', ssid: 'home', password: 'correct horse' } as const;
  const request = toQrRequest(fieldsFromJson({ payload: wifi, format: 'svg' }));
  assert.deepEqual([request.data, request.payload, request.secret, request.format], [payload(wifi), wifi, true, 'svg']);
  assert.equal(toQrRequest(fieldsFromJson({ payload: { type: 'wifi', ssid: 'home' } })).secret, false);
  assert.equal(toQrRequest(fromQuery('type=wifi&ssid=home&password=correct+horse')).secret, true);
  assert.equal(toQrRequest(fromQuery('type=wifi&ssid=home&password=')).secret, false);
});

test('the payload and the API share no name but url and text, which qr-request.ts gives to the payload when its type has them', () => {
  // A new payload field named like an option would be taken for the option in a query or form:
  // this fails first, so that the clash is decided (renamed in qr-core, or a rule here) and documented.
  const apiNames: readonly string[] = [...OPTION_FIELDS, PAYLOAD_FIELD, PAYLOAD_TYPE_FIELD];
  for (const type of PAYLOAD_TYPES) {
    for (const field of PAYLOAD_SCHEMAS[type].fields) assert.ok(!apiNames.includes(field.name), `${type}.${field.name} is also the API's ${field.name}`);
  }
  const shared = new Set(PAYLOAD_TYPES.flatMap((type) => PAYLOAD_SCHEMAS[type].fields.map((field) => field.name)).filter((name) => (DATA_FIELDS as readonly string[]).includes(name)));
  assert.deepEqual([...shared].sort(), ['text', 'url']);
  assert.equal(toQrRequest(fromQuery('type=mecard&name=Ada&url=https%3A%2F%2Fexample.com')).payload?.type, 'mecard');
  rejects(() => toQrRequest(fromQuery('type=tel&number=%2B1&url=x')), 'INVALID_FIELD', /given as url and type=tel/);
  assert.ok(!JSON_FIELDS.includes(PAYLOAD_TYPE_FIELD), 'in JSON, type belongs to the payload object alone');
});
