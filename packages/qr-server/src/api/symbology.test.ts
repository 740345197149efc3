/**
 * Micro QR, rMQR and GS1 QR over real sockets: `symbology`, `gs1`, `maxHeight` and `maxWidth`
 * from JSON, a query, a form and multipart, read back with ZXing (which tells the three apart by
 * its format and reports GS1 content by its symbology identifier `]Q3`), the image's size in
 * pixels, the errors of combinations a symbology cannot make, and the ETag.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import { capacityOf, encode, type EncodeOptions } from 'qr-core';
import { createLogger } from '../http/log.js';
import type { HttpServer } from '../http/server.js';
import { decodeImage } from '../test-support/decode-image.js';
import { call, problemOf, type Answer } from '../test-support/http-client.js';
import { dataUrl, discLogo } from '../test-support/logo-png.js';
import { zxingReader } from '../../../../test-support/zxing.mjs';
import { parseApiConfig } from './config.js';
import { createApiServer } from './server.js';

const BOUND = { timeout: 20_000 };

interface Reading {
  readonly text: string;
  readonly format: string;
  readonly symbologyIdentifier: string;
  readonly contentType: string;
}

/**
 * What ZXing reads in a PNG: its text (GS1 content in the bracketed human-readable form, as
 * ZXing's HRI text mode writes it), its format (QRCode, MicroQRCode, RMQRCode), its symbology
 * identifier (`]Q1` plain, `]Q3` GS1) and content type. 'QRCode' covers the whole family.
 */
async function read(png: Uint8Array): Promise<Reading> {
  const readBarcodes = await zxingReader();
  const [result] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'], maxNumberOfSymbols: 1, textMode: 'HRI' });
  if (!result?.isValid) throw new Error(`ZXing found no symbol in the image${result?.error ? `: ${result.error}` : ''}`);
  return { text: result.text, format: result.format, symbologyIdentifier: result.symbologyIdentifier, contentType: result.contentType };
}

/** Width and height from the PNG's IHDR chunk (PNG spec §11.2.2), which follows the 8-byte signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The default look's pixel size of the symbol qr-core makes: 10 px per module, the symbology's quiet zone (2 but for QR). */
function expectedSize(data: string, options: EncodeOptions): { width: number; height: number } {
  const symbol = encode(data, options);
  const margin = (options.symbology ?? 'qr') === 'qr' ? 4 : 2;
  return { width: (symbol.width + 2 * margin) * 10, height: (symbol.height + 2 * margin) * 10 };
}

const GS1 = '(01)09506000134352(17)201225(10)ABC1';

describe('Micro QR, rMQR and GS1 QR over sockets', () => {
  let server: HttpServer;
  let port = 0;
  before(async () => {
    server = createApiServer({ ...parseApiConfig({}), port: 0, host: '127.0.0.1' }, createLogger('error', () => {}));
    ({ port } = await server.listen());
  });
  after(() => server.close());

  const get = (query: string, headers: Record<string, string> = {}): Promise<Answer> => call(port, 'GET', `/generate_qr/?${query}`, { headers });
  const postJson = (body: object): Promise<Answer> => call(port, 'POST', '/generate_qr/', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const postForm = (body: string): Promise<Answer> => call(port, 'POST', '/generate_qr/', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  async function postMultipart(fields: Record<string, string>): Promise<Answer> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    const encoded = new Response(form);
    return call(port, 'POST', '/generate_qr/', { headers: { 'content-type': encoded.headers.get('content-type') ?? '' }, body: Buffer.from(await encoded.arrayBuffer()) });
  }
  const expectProblem = (answer: Answer, status: number, code: string): string => {
    assert.equal(answer.status, status, answer.body.toString());
    const problem = problemOf(answer);
    assert.deepEqual([problem.status, problem.code], [status, code]);
    return problem.detail;
  };

  test('a Micro QR PNG (GET query) decodes to the input as Micro QR, square, with its 2-module quiet zone', BOUND, async () => {
    const answer = await get('data=PART-0042&symbology=micro');
    assert.equal(answer.status, 200, answer.body.toString());
    assert.equal(answer.headers['content-type'], 'image/png');
    assert.deepEqual(await read(answer.body), { text: 'PART-0042', format: 'MicroQRCode', symbologyIdentifier: ']Q1', contentType: 'Text' });
    const size = pngSize(answer.body);
    assert.deepEqual(size, expectedSize('PART-0042', { symbology: 'micro' }));
    assert.equal(size.width, size.height);
    assert.ok(size.width <= (17 + 4) * 10, 'at most M4 with its quiet zone');
  });

  test('every Micro QR ECL: L, M, and Q (M4)', BOUND, async () => {
    for (const ecl of ['L', 'M', 'Q']) {
      const answer = await get(`data=12345678&symbology=micro&ecl=${ecl}`);
      assert.equal(answer.status, 200, answer.body.toString());
      assert.deepEqual([(await read(answer.body)).text, (await read(answer.body)).format], ['12345678', 'MicroQRCode'], ecl);
    }
  });

  test('an rMQR PNG (POST JSON) decodes to the input as rMQR, and is wider than high by the symbol\'s modules', BOUND, async () => {
    const data = 'CABLE-TAG 0042-A7';
    const answer = await postJson({ data, symbology: 'rmqr' });
    assert.equal(answer.status, 200, answer.body.toString());
    assert.deepEqual(await read(answer.body), { text: data, format: 'RMQRCode', symbologyIdentifier: ']Q1', contentType: 'Text' });
    const size = pngSize(answer.body);
    assert.deepEqual(size, expectedSize(data, { symbology: 'rmqr' }));
    assert.ok(size.width > size.height, `${size.width} × ${size.height} px`);
  });

  test('maxHeight and maxWidth bound the rMQR size; ECL H; the height in pixels follows', BOUND, async () => {
    const data = '0123456789012345678901234567890123456789';
    for (const [options, query] of [
      [{ symbology: 'rmqr', maxHeight: 7 }, 'maxHeight=7'],
      [{ symbology: 'rmqr', maxHeight: 9, ecl: 'H' }, 'maxHeight=9&ecl=H'],
      [{ symbology: 'rmqr', maxWidth: 43 }, 'maxWidth=43'],
    ] as const) {
      const answer = await get(`data=${data}&symbology=rmqr&${query}`);
      assert.equal(answer.status, 200, answer.body.toString());
      assert.equal((await read(answer.body)).text, data, query);
      const size = pngSize(answer.body);
      assert.deepEqual(size, expectedSize(data, options), query);
      if ('maxHeight' in options) assert.ok(size.height <= (options.maxHeight + 4) * 10, query);
      if ('maxWidth' in options) assert.ok(size.width <= (options.maxWidth + 4) * 10, query);
    }
  });

  test('a GS1 QR code (form body) reads back as the bracketed element string, ]Q3, GS1 content', BOUND, async () => {
    const answer = await postForm(`data=${encodeURIComponent(GS1)}&gs1=true`);
    assert.equal(answer.status, 200, answer.body.toString());
    assert.deepEqual(await read(answer.body), { text: GS1, format: 'QRCode', symbologyIdentifier: ']Q3', contentType: 'GS1' });
    assert.deepEqual(pngSize(answer.body), expectedSize(GS1, { gs1: true }));
  });

  test('a GS1 rMQR symbol (multipart) reads back the same; the GS form of the element string too', BOUND, async () => {
    const answer = await postMultipart({ data: GS1, gs1: '1', symbology: 'rmqr' });
    assert.equal(answer.status, 200, answer.body.toString());
    assert.deepEqual(await read(answer.body), { text: GS1, format: 'RMQRCode', symbologyIdentifier: ']Q3', contentType: 'GS1' });
    const raw = await postJson({ data: '01095060001343521720122510ABC1', gs1: true });
    assert.equal(raw.status, 200, raw.body.toString());
    assert.equal((await read(raw.body)).text, GS1);
    const withGs = await postJson({ data: '0109506000134352' + '10ABC1\u001d' + '17201225', gs1: true });
    assert.equal(withGs.status, 200, withGs.body.toString());
    assert.equal((await read(withGs.body)).text, '(01)09506000134352(10)ABC1(17)201225');
  });

  test('JSON, query, form and multipart make the same image of the same fields', BOUND, async () => {
    const fields = { data: GS1, symbology: 'rmqr', gs1: 'true', maxHeight: '13', ecl: 'h', format: 'png' };
    const query = new URLSearchParams(fields).toString();
    const answers = [
      await postJson({ ...fields, gs1: true, maxHeight: 13 }),
      await get(query),
      await call(port, 'POST', `/generate_qr/?${query}`),
      await postForm(query),
      await postMultipart(fields),
    ];
    for (const answer of answers) assert.equal(answer.status, 200, answer.body.toString());
    for (const answer of answers.slice(1)) assert.deepEqual(answer.body, answers[0]!.body);
    assert.equal((await read(answers[0]!.body)).format, 'RMQRCode');
  });

  test('SVG output of each symbology: its modules and quiet zone in the viewBox, the scale in its pixel size', BOUND, async () => {
    for (const [query, options] of [
      ['data=A1&symbology=micro', { symbology: 'micro' }],
      ['data=A1&symbology=rmqr&scale=3', { symbology: 'rmqr' }],
      [`data=${encodeURIComponent(GS1)}&gs1=1`, { gs1: true }],
    ] as const) {
      const answer = await get(`${query}&format=svg`);
      assert.equal(answer.status, 200, answer.body.toString());
      assert.equal(answer.headers['content-type'], 'image/svg+xml');
      const svg = answer.body.toString();
      assert.match(svg, /^(<\?xml[^>]*>\s*)?<svg[\s>]/);
      const symbol = encode(query.includes('gs1') ? GS1 : 'A1', options);
      const margin = symbol.symbology === 'qr' ? 4 : 2;
      const scale = query.includes('scale=3') ? 3 : 10;
      const [w, h] = [symbol.width + 2 * margin, symbol.height + 2 * margin];
      assert.match(svg, new RegExp(`viewBox="0 0 ${w} ${h}" width="${w * scale}" height="${h * scale}"`), query);
    }
  });

  test("styles a symbology's readers cannot take are the renderer's 400", BOUND, async () => {
    assert.match(expectProblem(await get('data=A1&symbology=micro&finderShape=circle'), 400, 'INVALID_OPTION'), /Micro QR symbols are found by their one finder pattern, which must stay square/);
    assert.match(expectProblem(await get('data=A1&symbology=rmqr&finderShape=rounded&format=svg'), 400, 'INVALID_OPTION'), /rMQR symbols are found by their one finder pattern/);
    assert.match(expectProblem(await get('data=A1&symbology=rmqr&moduleShape=rounded'), 400, 'INVALID_OPTION'), /rMQR's rounded modules/);
    const dots = await get('data=A1&symbology=rmqr&moduleShape=dots&finderColor=%231a237e');
    assert.equal(dots.status, 200, dots.body.toString());
    assert.equal((await read(dots.body)).text, 'A1');
  });

  test('422 DATA_TOO_LONG says what fits in that symbology', BOUND, async () => {
    const digits = capacityOf('numeric', { symbology: 'micro', ecl: 'L' });
    const micro = expectProblem(await get(`data=${'7'.repeat(digits + 1)}&symbology=micro&ecl=L`), 422, 'DATA_TOO_LONG');
    assert.match(micro, new RegExp(`${digits + 1} digits; at ECL L a Micro QR symbol holds at most ${digits} digits`));
    assert.match(micro, /use symbology 'qr'/);
    assert.equal((await get(`data=${'7'.repeat(digits)}&symbology=micro&ecl=L`)).status, 200, 'one fewer fits');
    const bytes = capacityOf('byte', { symbology: 'rmqr', ecl: 'H', maxHeight: 7 });
    const rmqr = expectProblem(await postJson({ data: 'x'.repeat(bytes + 1), symbology: 'rmqr', ecl: 'H', maxHeight: 7 }), 422, 'DATA_TOO_LONG');
    assert.match(rmqr, new RegExp(`${bytes + 1} bytes; at ECL H an rMQR symbol up to R7x\\d+ holds at most ${bytes} bytes.*allow a larger maxHeight`));
  });

  test('400s for what a symbology cannot do, each saying what to give instead', BOUND, async () => {
    const logo = encodeURIComponent(dataUrl(discLogo(8)));
    assert.match(expectProblem(await get(`data=a&symbology=micro&logo=${logo}`), 400, 'INVALID_OPTION'), /^logos are drawn on QR codes only: Micro QR/);
    assert.match(expectProblem(await postJson({ data: 'a', symbology: 'rmqr', logo: dataUrl(discLogo(8)) }), 400, 'INVALID_OPTION'), /^logos are drawn on QR codes only: rMQR/);
    assert.match(expectProblem(await get(`data=${encodeURIComponent(GS1)}&symbology=micro&gs1=1`), 400, 'INVALID_OPTION'), /Micro QR has no FNC1 mode, so no GS1 data/);
    assert.match(expectProblem(await get('data=a&symbology=micro&ecl=H'), 400, 'INVALID_OPTION'), /ecl is "H", but Micro QR has ECL L, M, Q only/);
    assert.match(expectProblem(await get('data=a&symbology=rmqr&ecl=Q'), 400, 'INVALID_OPTION'), /ecl is "Q", but rMQR has ECL M, H only/);
    assert.match(expectProblem(await get('data=a&maxHeight=9'), 400, 'INVALID_OPTION'), /maxHeight bounds the size of rMQR symbols, but symbology is qr/);
    assert.match(expectProblem(await get('data=a&symbology=rmqr&maxHeight=7&maxWidth=27'), 400, 'INVALID_OPTION'), /no rMQR size is at most 7 modules high and 27 wide/);
    assert.match(expectProblem(await get('data=a&symbology=datamatrix'), 400, 'INVALID_OPTION'), /symbology is "datamatrix"; give one of qr, micro, rmqr/);
    // EPC069-12 specifies a QR code for SEPA payments: an rMQR one would hold the text, and no banking app would read it.
    const payment = { type: 'epc', name: 'Red Cross', iban: 'DE89 3704 0044 0532 0130 00', amount: 25 };
    assert.match(expectProblem(await postJson({ payload: payment, symbology: 'rmqr' }), 400, 'INVALID_OPTION'), /symbology is "rmqr", but a Payment \(SEPA\) code \(type epc\) is a QR code, which its specification requires .*give qr/);
    assert.match(expectProblem(await get('type=epc&name=Red+Cross&iban=DE89370400440532013000&amount=25&symbology=micro'), 400, 'INVALID_OPTION'), /type epc\) is a QR code/);
    assert.match(expectProblem(await get('data=a&gs1=maybe'), 400, 'INVALID_OPTION'), /gs1 is "maybe"; give 1 or true/);
    assert.match(expectProblem(await get('data=(01)09506000134353&gs1=1'), 400, 'INVALID_DATA'), /01/);
    assert.match(expectProblem(await get('data=a&gs1=1'), 400, 'INVALID_DATA'), /./);
    assert.match(expectProblem(await postJson({ data: 'a', gs1: 'true' }), 400, 'INVALID_FIELD'), /gs1 in the JSON body is the string "true"; give a boolean/);
  });

  test('the ETag and the image cache follow the symbology and its options; a plain QR code keeps its tag', BOUND, async () => {
    const etag = async (query: string): Promise<string> => {
      const answer = await get(query);
      assert.equal(answer.status, 200, `${query}: ${answer.body.toString()}`);
      return String(answer.headers['etag']);
    };
    const plain = await etag('data=0123456789');
    assert.equal(await etag('data=0123456789&symbology=qr&gs1=0'), plain, 'the defaults given are the same image');
    const tags = [plain];
    for (const query of ['data=0123456789&symbology=micro', 'data=0123456789&symbology=rmqr', 'data=0123456789&symbology=rmqr&maxHeight=9', 'data=0123456789&symbology=rmqr&maxWidth=59', `data=${encodeURIComponent('(01)09506000134352')}`, `data=${encodeURIComponent('(01)09506000134352')}&gs1=1`]) {
      const tag = await etag(query);
      assert.ok(!tags.includes(tag), `${query} has a tag of its own`);
      tags.push(tag);
    }
    const micro = await get('data=0123456789&symbology=micro');
    const again = await get('data=0123456789&symbology=micro', { 'if-none-match': String(micro.headers['etag']) });
    assert.equal(again.status, 304);
    const rmqr = await get('data=0123456789&symbology=rmqr');
    assert.notDeepEqual(rmqr.body, micro.body, 'not the cached Micro QR image');
    assert.equal((await read(rmqr.body)).format, 'RMQRCode');
  });

  test('a QR code is what it was: the default symbology', BOUND, async () => {
    const answer = await call(port, 'POST', '/generate_qr/?url=https://example.com');
    assert.equal(await decodeImage(answer.body), 'https://example.com');
    assert.equal((await read(answer.body)).format, 'QRCode');
  });
});
