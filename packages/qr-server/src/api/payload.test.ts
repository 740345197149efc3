/**
 * Payloads over real sockets: every type of qr-core/payloads sent as JSON, in the query and in
 * both kinds of form, its PNG read back by ZXing to exactly the text payload() makes; the 400s
 * (which texts were given, INVALID_PAYLOAD with its `field`), the 422, ECL M for epc, the
 * download's name, and the secrets: no-store answers and not one log line that holds one.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import { encode, readPng } from 'qr-core';
import { payload, type Payload } from 'qr-core/payloads';
import { createLogger } from '../http/log.js';
import type { HttpServer } from '../http/server.js';
import { decodeImage } from '../test-support/decode-image.js';
import { call, parseRawResponse, problemOf, rawConnection, type Answer } from '../test-support/http-client.js';
import { dataUrl, discLogo } from '../test-support/logo-png.js';
import { parseApiConfig } from './config.js';
import { LogoCache } from './logo-cache.js';
import { createApiServer } from './server.js';

const CONFIG = { ...parseApiConfig({}), port: 0, host: '127.0.0.1', maxBodyBytes: 16_384 };
const BOUND = { timeout: 20_000 };

/** The Wi-Fi password of these tests: every character the WIFI: format escapes, so it is also found escaped. */
const PASSWORD = 'pa:ss;"w,rd\\9x';

/** One payload of every type, with the characters each format must escape and list fields given twice. */
const EXAMPLES: readonly Payload[] = [
  { type: 'wifi', ssid: 'home;net', password: PASSWORD, security: 'WPA', hidden: true },
  {
    type: 'vcard',
    name: 'Ada Lovelace',
    given: 'Ada',
    family: 'Lovelace',
    org: 'Analytical Engines; Ltd',
    phone: ['+44 20 7946 0000', '+44 7700 900123'],
    email: 'ada@example.com',
    url: 'https://example.com/ada',
    address: "12 St James's Square, London",
    note: 'Née Byron, 1815–1852: a note long enough to be folded at the seventy-fifth octet of its line',
    birthday: '1815-12-10',
  },
  { type: 'mecard', name: 'Lovelace,Ada', phone: '+44 20 7946 0000', email: ['ada@example.com', 'a.lovelace@example.org'], url: 'https://example.com', note: 'Analyst; poet' },
  { type: 'email', to: 'ada@example.com', subject: 'Notes on the engine & more', body: 'Dear Charles,\nsee note G.', cc: 'charles@example.com', bcc: ['x@example.com', 'y@example.com'] },
  { type: 'sms', number: '+44 7700 900123', message: 'Running late: 10 min; sorry' },
  { type: 'tel', number: '+44 20 7946 0000' },
  { type: 'geo', latitude: 51.5034, longitude: -0.1276, altitude: 12.5 },
  { type: 'event', summary: 'Talk: engines, notes; questions', start: '2026-12-10T18:30:00Z', end: '2026-12-10T20:00:00Z', location: 'Royal Society, London', description: 'On the Analytical Engine' },
  { type: 'epc', name: 'Wikimedia Foerdergesellschaft', iban: 'DE33100205000001194700', bic: 'BFSWDE33BER', amount: 123.45, text: 'Spende fuer Wikipedia' },
];

/** A payload's members as flat name/value pairs, as a query or form carries them: lists repeated, booleans and numbers as text. */
function flat(example: Payload): [string, string][] {
  return Object.entries(example).flatMap(([name, value]): [string, string][] =>
    Array.isArray(value) ? value.map((item: string): [string, string] => [name, item]) : [[name, String(value)]],
  );
}

const query = (pairs: readonly [string, string][]): string => new URLSearchParams([...pairs]).toString();

function json(value: unknown): { headers: Record<string, string>; body: string } {
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

function urlencoded(pairs: readonly [string, string][]): { headers: Record<string, string>; body: string } {
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: query(pairs) };
}

async function multipart(pairs: readonly [string, string | File][]): Promise<{ headers: Record<string, string>; body: Buffer }> {
  const form = new FormData();
  for (const [name, value] of pairs) form.append(name, value);
  const encoded = new Response(form);
  return { headers: { 'content-type': encoded.headers.get('content-type') ?? '' }, body: Buffer.from(await encoded.arrayBuffer()) };
}

function expectProblem(answer: Answer, status: number, code: string): { detail: string; field?: string } {
  assert.equal(answer.status, status, answer.body.toString());
  const problem = problemOf(answer) as { detail: string; code: string; field?: string };
  assert.equal(problem.code, code, problem.detail);
  assert.equal(answer.headers['cache-control'], 'no-store');
  return problem;
}

/** The side in pixels of the default look (10 px per module, margin 4) of `text` at `ecl`. */
const sidePx = (text: string, ecl: 'L' | 'M' | 'Q' | 'H'): number => (encode(text, { ecl }).size + 8) * 10;

describe('payloads over sockets', () => {
  let server: HttpServer;
  let port = 0;
  /** Every line the server writes, at every level, as written. */
  const lines: string[] = [];
  /** What the logo decoder throws when a test sets it: an unexpected failure, whose message quotes the request. */
  let decoderFailure: string | undefined;
  before(async () => {
    const logos = new LogoCache(CONFIG.logoCacheBytes, (bytes) => {
      if (decoderFailure !== undefined) throw new Error(decoderFailure);
      return readPng(bytes);
    });
    server = createApiServer(CONFIG, createLogger('debug', (line) => lines.push(line)), logos);
    ({ port } = await server.listen());
  });
  after(() => server.close());

  const post = (request: { headers: Record<string, string>; body: string | Buffer }, search = ''): Promise<Answer> => call(port, 'POST', `/generate_qr/${search}`, request);
  const get = (search: string, headers: Record<string, string> = {}): Promise<Answer> => call(port, 'GET', `/generate_qr/?${search}`, { headers });

  async function expectCode(answer: Answer, text: string, what: string): Promise<void> {
    assert.equal(answer.status, 200, `${what}: ${answer.body.toString()}`);
    assert.equal(answer.headers['content-type'], 'image/png', what);
    assert.equal(await decodeImage(answer.body), text, what);
  }

  for (const example of EXAMPLES) {
    test(`${example.type}: JSON, query, url-encoded and multipart forms all decode to payload()'s text`, BOUND, async () => {
      const text = payload(example);
      await expectCode(await post(json({ payload: example })), text, 'JSON');
      await expectCode(await get(query(flat(example))), text, 'GET query');
      await expectCode(await post({ headers: {}, body: '' }, `?${query(flat(example))}`), text, 'POST query');
      await expectCode(await post(urlencoded(flat(example))), text, 'url-encoded form');
      await expectCode(await post(await multipart(flat(example))), text, 'multipart form');
      // Options beside the payload, in the query while the payload is in the body.
      const svg = await post(json({ payload: example }), '?format=svg&margin=2');
      assert.equal(svg.headers['content-type'], 'image/svg+xml');
    });
  }

  test('booleans as true, false, 1 or 0 in any case, numbers as decimal text, an empty field left blank', BOUND, async () => {
    for (const hidden of ['1', 'TRUE', 'true']) {
      await expectCode(await get(`type=wifi&ssid=attic&hidden=${hidden}`), payload({ type: 'wifi', ssid: 'attic', hidden: true }), `hidden=${hidden}`);
    }
    for (const hidden of ['0', 'False']) {
      await expectCode(await get(`type=wifi&ssid=attic&hidden=${hidden}`), payload({ type: 'wifi', ssid: 'attic', hidden: false }), `hidden=${hidden}`);
    }
    await expectCode(await get('type=geo&latitude=%2B48.8584&longitude=2.2945&altitude='), payload({ type: 'geo', latitude: 48.8584, longitude: 2.2945 }), 'geo');
    // A form's blank password input: an open network.
    await expectCode(await post(urlencoded([['type', 'wifi'], ['ssid', 'guest'], ['password', '']])), payload({ type: 'wifi', ssid: 'guest' }), 'blank password');
    await expectCode(await get('type=WiFi&ssid=any-case'), payload({ type: 'wifi', ssid: 'any-case' }), 'type in any case');
    await expectCode(await post(json({ payload: { type: 'WIFI', ssid: 'any-case' } })), payload({ type: 'wifi', ssid: 'any-case' }), 'JSON type in any case');
  });

  test('url and text are the payload\'s own fields where its type has them, else a second text', BOUND, async () => {
    await expectCode(await get('type=vcard&name=Ada&url=https%3A%2F%2Fexample.com'), payload({ type: 'vcard', name: 'Ada', url: 'https://example.com' }), 'vcard url');
    await expectCode(await get('type=epc&name=Red+Cross&iban=DE33100205000001194700&text=Donation'), payload({ type: 'epc', name: 'Red Cross', iban: 'DE33100205000001194700', text: 'Donation' }), 'epc text');
    assert.match(expectProblem(await get('type=wifi&ssid=a&url=https%3A%2F%2Fexample.com'), 400, 'INVALID_FIELD').detail, /the text is given as url and type=wifi \(a payload, in the query\); give it once/);
  });

  test('exactly one text: data, url, text or payload, and the 400 says which were given', BOUND, async () => {
    const wifi = { type: 'wifi', ssid: 'home' };
    const cases: [Answer, RegExp][] = [
      [await post(json({ data: 'x', payload: wifi })), /given as data and payload \(in the JSON body\); give it once, as one of data, url, text or payload/],
      [await post(json({ url: 'x', text: 'y' })), /given as url and text/],
      [await post(json({ payload: wifi }), '?data=x'), /given as data and payload/],
      [await get('data=x&type=wifi&ssid=home'), /given as data and type=wifi \(a payload, in the query\)/],
      [await post(json({ payload: wifi }), '?type=wifi&ssid=home'), /given as payload \(in the JSON body\) and type=wifi/],
      [await post(urlencoded([['text', 'x'], ['type', 'tel'], ['number', '+1 555 0100']])), /given as text and type=tel \(a payload, in the form body\)/],
    ];
    for (const [answer, detail] of cases) assert.match(expectProblem(answer, 400, 'INVALID_FIELD').detail, detail);
    assert.match(expectProblem(await get('format=png'), 400, 'MISSING_DATA').detail, /or give a payload/);
  });

  test('a wrong payload field is INVALID_PAYLOAD with the field in its own member', BOUND, async () => {
    const cases: [Promise<Answer>, string, RegExp][] = [
      [post(json({ payload: { type: 'epc', name: 'A', iban: 'DE89370400440532013001' } })), 'iban', /^epc: iban /],
      [post(json({ payload: { type: 'wifi' } })), 'ssid', /^wifi: ssid /],
      [post(json({ payload: { type: 'wifi', ssid: 'a', security: 'WPA4' } })), 'security', /^wifi: security /],
      [post(json({ payload: { type: 'wifi', ssid: 'a', hidden: 'yes' } })), 'hidden', /^wifi: hidden /],
      [post(json({ payload: { type: 'wifi', ssid: 'a', passwrod: 'x' } })), 'passwrod', /^wifi: passwrod /],
      [post(json({ payload: { type: 'wlan', ssid: 'a' } })), 'type', /type/],
      [get('type=wifi&ssid=a&passwrod=secret123'), 'passwrod', /^wifi: passwrod is not a field of wifi \(in the query\): its fields are ssid, password, security, hidden/],
      [get('type=wifi&ssid=a&hidden=yes'), 'hidden', /^wifi: hidden is "yes" in the query: it must be true, false, 1 or 0/],
      [get('type=geo&latitude=north&longitude=2'), 'latitude', /^geo: latitude is "north" in the query: it must be a decimal number/],
      [get('type=geo&latitude=1e3&longitude=2'), 'latitude', /decimal number/],
      [get('type=geo&latitude=91&longitude=2'), 'latitude', /^geo: latitude /],
      [get('type=wifi&ssid=a&ssid=b'), 'ssid', /^wifi: ssid is given 2 times in the query: give it once/],
      [get('type=wlan&ssid=a'), 'type', /^payload: type is "wlan" in the query; give one of wifi, vcard, mecard, email, sms, tel, geo, event, epc/],
      [post(await multipart([['type', 'vcard'], ['name', 'Ada'], ['note', new File(['x'], 'note.txt')]])), 'note', /^vcard: note in the multipart body is a file/],
    ];
    for (const [answer, field, detail] of cases) {
      const problem = expectProblem(await answer, 400, 'INVALID_PAYLOAD');
      assert.equal(problem.field, field, problem.detail);
      assert.match(problem.detail, detail);
    }
    // A problem about something other than a payload field has no field member.
    assert.equal(expectProblem(await get('data=x&scale=0'), 400, 'INVALID_OPTION').field, undefined);
    assert.match(expectProblem(await post(json({ payload: 'wifi' })), 400, 'INVALID_FIELD').detail, /payload in the JSON body is the string "wifi"; give an object/);
    assert.match(expectProblem(await get('payload=wifi'), 400, 'INVALID_FIELD').detail, /payload in the query is a JSON member; in a query or form give the payload's fields flat/);
    assert.match(expectProblem(await post(json({ type: 'wifi', ssid: 'a' })), 400, 'INVALID_FIELD').detail, /unknown member "type"/);
  });

  test('a payload too long for any QR code is the 422 of any text', BOUND, async () => {
    const note = 'x'.repeat(3000);
    const detail = expectProblem(await post(json({ payload: { type: 'vcard', name: 'Ada', note } })), 422, 'DATA_TOO_LONG').detail;
    assert.match(detail, /2331 bytes in byte mode/);
  });

  test('epc is made at ECL M, with a logo too; another ecl is a 400 that says M is required', BOUND, async () => {
    const epc = { type: 'epc', name: 'Red Cross', iban: 'DE33100205000001194700', amount: 10 } as const;
    const text = payload(epc);
    assert.notEqual(sidePx(text, 'M'), sidePx(text, 'H'), 'the ECLs give symbols of different sizes');
    const plain = await post(json({ payload: epc }));
    assert.equal(readPng(plain.body).width, sidePx(text, 'M'));
    const withLogo = await post(json({ payload: epc, logo: dataUrl(discLogo()) }));
    assert.equal(withLogo.status, 200, withLogo.body.toString());
    assert.equal(readPng(withLogo.body).width, sidePx(text, 'M'), 'M, not the H a logo gets elsewhere');
    assert.equal(await decodeImage(withLogo.body), text);
    assert.equal((await post(json({ payload: epc, ecl: 'm' }))).status, 200);
    for (const ecl of ['L', 'Q', 'H']) {
      assert.match(expectProblem(await post(json({ payload: epc, ecl })), 400, 'INVALID_OPTION').detail, new RegExp(`^ecl is "${ecl}", but a Payment \\(SEPA\\) code \\(type epc\\) is made at ECL M, which its specification requires: leave ecl out or give M`));
    }
  });

  test('the download is named after the type and its first field, made safe', BOUND, async () => {
    const disposition = async (search: string): Promise<unknown> => (await get(`${search}&download=1`)).headers['content-disposition'];
    assert.equal(await disposition('type=wifi&ssid=home&password=s3cret-s3cret'), 'attachment; filename="wifi-home.png"');
    assert.equal(await disposition('type=vcard&name=Zo%C3%AB+%22Z%22+O%27Brien%2F..&format=svg'), 'attachment; filename="vcard-zoe-z-o-brien.svg"');
    assert.equal(await disposition('type=geo&latitude=51.5034&longitude=-0.1276'), 'attachment; filename="geo-51.5034.png"');
    assert.equal(await disposition('type=wifi&ssid=%E6%97%A5%E6%9C%AC'), 'attachment; filename="wifi.png"');
    assert.equal(await disposition('data=hello'), 'attachment; filename="qr.png"');
  });

  test('a payload with a secret: answers are no-store without an ETag, by GET, HEAD and POST, and on errors', BOUND, async () => {
    const search = query(flat(EXAMPLES[0] as Payload));
    for (const method of ['GET', 'HEAD']) {
      const answer = await call(port, method, `/generate_qr/?${search}`, { headers: { 'if-none-match': '*' } });
      assert.equal(answer.status, 200, method);
      assert.equal(answer.headers['cache-control'], 'no-store', method);
      assert.equal(answer.headers['etag'], undefined, method);
    }
    assert.equal((await post(json({ payload: EXAMPLES[0] }))).headers['cache-control'], 'no-store');
    expectProblem(await get(`${search}&scale=0`), 400, 'INVALID_OPTION');
    expectProblem(await post(json({ payload: { ...EXAMPLES[0], security: 'WPA4' } })), 400, 'INVALID_PAYLOAD');
    // Without a password the code holds no secret, and GET answers are cached as ever.
    const open = await get('type=wifi&ssid=cafe');
    assert.equal(open.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal((await get('type=wifi&ssid=cafe', { 'if-none-match': String(open.headers['etag']) })).status, 304);
  });

  test('not one log line holds the secret, whatever the answer (200, 400, 413, 431, 500)', BOUND, async () => {
    const wifi = EXAMPLES[0] as Payload;
    const search = query(flat(wifi));
    // Logos no other test decoded, so that the logo cache does not answer for the decoder.
    const [secretLogo, plainLogo] = [dataUrl(discLogo(24, [0, 0, 200])), dataUrl(discLogo(24, [0, 160, 0]))];
    const before = lines.length;
    await get(search);
    await post(json({ payload: wifi }));
    await post(urlencoded(flat(wifi)));
    await post(await multipart(flat(wifi)));
    await post({ headers: {}, body: '' }, `?${search}`);
    await get(`${search}&download=1&format=svg`);
    await post(json({ payload: { ...wifi, security: 'WPA4' } }));
    await post(json({ payload: { ...wifi, password: `${PASSWORD}\u0001` } }));
    await post({ headers: { 'content-type': 'application/json' }, body: `{"payload": {"type": "wifi", "password": "${PASSWORD}"` });
    await get(`${search}&scale=100`);
    await post(json({ payload: { type: 'wifi', ssid: 'x'.repeat(40), password: PASSWORD } }));
    await post(json({ payload: wifi, note: 'x'.repeat(CONFIG.maxBodyBytes) }));
    // 431: the query alone is over Node's 16 KiB, and is answered by the clientError handler.
    const connection = await rawConnection(port);
    connection.socket.write(`GET /generate_qr/?${search}&pad=${'x'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.equal(parseRawResponse(await connection.closed).status, 431);
    // 500: an unexpected failure whose message quotes the request; for a secret, the stack is logged without it.
    decoderFailure = `the decoder broke on a request with ${PASSWORD}`;
    try {
      expectProblem(await post(json({ payload: wifi, logo: secretLogo })), 500, 'INTERNAL');
      decoderFailure = 'the decoder broke on a request without a secret';
      expectProblem(await post(json({ data: 'no secret here', logo: plainLogo })), 500, 'INTERNAL');
    } finally {
      decoderFailure = undefined;
    }
    const written = lines.slice(before);
    const escaped = [PASSWORD, encodeURIComponent(PASSWORD), JSON.stringify(PASSWORD).slice(1, -1), payload(wifi)];
    for (const line of written) for (const form of escaped) assert.ok(!line.includes(form), `a log line holds the secret: ${line}`);
    assert.ok(written.filter((line) => line.includes('"msg":"request"')).length >= 14, 'each request logged its line');
    const failures = written.filter((line) => line.includes('unexpected failure'));
    assert.equal(failures.length, 2);
    assert.match(failures[0] ?? '', /Error \(the message is withheld: the request holds a secret\)\\n\s+at /);
    assert.match(failures[1] ?? '', /the decoder broke on a request without a secret/, 'a failure without a secret is logged whole');
  });
});
