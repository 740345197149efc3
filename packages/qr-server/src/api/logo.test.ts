/**
 * Logos over real sockets, on a server with the default limits (so the largest logo and the 413
 * are the production ones): multipart file parts and JSON data: URLs read back with ZXing, ECL H
 * when a logo comes without an ECL, every error status a logo can cause, the decoded-logo cache
 * (its decoder counts its calls), the ETag and the SVG answer's Content-Security-Policy.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import { encode, MAX_LOGO_BYTES, MAX_LOGO_PIXELS, maxLogoSize, readPng } from 'qr-core';
import { createLogger } from '../http/log.js';
import type { HttpServer } from '../http/server.js';
import { decodeImage } from '../test-support/decode-image.js';
import { call, parseRawResponse, problemOf, rawConnection, type Answer } from '../test-support/http-client.js';
import { dataUrl, discLogo, JPEG_START, noiseLogo, rgbaPng, SVG_LOGO } from '../test-support/logo-png.js';
import { DEFAULT_MAX_BODY_BYTES, parseApiConfig } from './config.js';
import { LogoCache } from './logo-cache.js';
import { createApiServer } from './server.js';

const CONFIG = { ...parseApiConfig({}), port: 0, host: '127.0.0.1' };
const BOUND = { timeout: 20_000 };

const LOGO = discLogo();
const OTHER_LOGO = discLogo(48, [0, 120, 0]);

/** The side in pixels of the default look (10 px per module, margin 4) of `data` at `ecl`. */
const sidePx = (data: string, ecl: 'M' | 'H' | 'L'): number => (encode(data, { ecl }).size + 8) * 10;

function json(value: unknown): { headers: Record<string, string>; body: string } {
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

/** A multipart/form-data body as the Fetch API writes it (curl -F writes the same shape). */
async function multipart(fields: Record<string, string | File>): Promise<{ headers: Record<string, string>; body: Buffer }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const encoded = new Response(form);
  return { headers: { 'content-type': encoded.headers.get('content-type') ?? '' }, body: Buffer.from(await encoded.arrayBuffer()) };
}

const file = (bytes: Uint8Array, name = 'logo.png', type = 'image/png'): File => new File([new Uint8Array(bytes)], name, { type });

function expectProblem(answer: Answer, status: number, code: string): string {
  assert.equal(answer.status, status, answer.body.toString());
  const problem = problemOf(answer);
  assert.equal(problem.code, code);
  return problem.detail;
}

describe('logos over sockets', () => {
  let server: HttpServer;
  let port = 0;
  let decodes = 0;
  before(async () => {
    const logos = new LogoCache(CONFIG.logoCacheBytes, (bytes) => {
      decodes += 1;
      return readPng(bytes);
    });
    server = createApiServer(CONFIG, createLogger('silent', () => {}), logos);
    ({ port } = await server.listen());
  });
  after(() => server.close());

  const post = (request: { headers: Record<string, string>; body: string | Buffer }, query = ''): Promise<Answer> =>
    call(port, 'POST', `/generate_qr/${query}`, request);

  test('a logo as a file part, as curl -F logo=@logo.png sends it: the PNG decodes, at ECL H', BOUND, async () => {
    const data = 'https://example.com/with-a-logo';
    assert.notEqual(sidePx(data, 'H'), sidePx(data, 'M'), 'the two ECLs give symbols of different sizes');
    const answer = await post(await multipart({ data, logo: file(LOGO) }));
    assert.equal(answer.status, 200, answer.body.toString());
    assert.equal(answer.headers['content-type'], 'image/png');
    assert.equal(await decodeImage(answer.body), data);
    assert.equal(readPng(answer.body).width, sidePx(data, 'H'), 'ECL H, as no ecl was given');
    const atM = await post(await multipart({ data, ecl: 'M', logo: file(LOGO) }));
    assert.equal(readPng(atM.body).width, sidePx(data, 'M'), 'an ECL asked for wins');
    assert.equal(await decodeImage(atM.body), data);
  });

  test('a logo as a data: URL in JSON: the PNG decodes; the SVG embeds it under a CSP that admits data: images alone', BOUND, async () => {
    const png = await post(json({ data: 'json logo', logo: dataUrl(LOGO) }));
    assert.equal(png.status, 200, png.body.toString());
    assert.equal(await decodeImage(png.body), 'json logo');
    assert.equal(readPng(png.body).width, sidePx('json logo', 'H'));

    const svg = await post(json({ data: 'json logo', logo: dataUrl(LOGO), format: 'svg' }));
    assert.equal(svg.status, 200, svg.body.toString());
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.equal(svg.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assert.ok(svg.body.toString().includes(`href="${dataUrl(LOGO)}"`), 'the file is embedded as it was sent');

    // SVG output takes the other formats, embedded as they are.
    const svgLogo = await post(await multipart({ data: 'svg logo', format: 'svg', logo: file(SVG_LOGO, 'logo.svg', 'image/svg+xml') }));
    assert.equal(svgLogo.status, 200, svgLogo.body.toString());
    assert.match(svgLogo.body.toString(), /<image [^>]*href="data:image\/svg\+xml;base64,/);
    const jpeg = await post(json({ data: 'jpeg logo', format: 'svg', logo: dataUrl(JPEG_START, 'image/jpeg') }));
    assert.equal(jpeg.status, 200, jpeg.body.toString());

    // In a url-encoded form (or a query) the data: URL is percent-encoded, as encodeURIComponent and curl --data-urlencode do.
    const form = await post({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `data=form+logo&logo=${encodeURIComponent(dataUrl(LOGO))}` });
    assert.equal(await decodeImage(form.body), 'form logo');

    const plain = await post(json({ data: 'no logo', format: 'svg' }));
    assert.equal(plain.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'", 'unchanged without a logo');
  });

  test('the largest logo fits the default body limit, in base64 in JSON beside the most text a code holds, and in a multipart text part', BOUND, async () => {
    const largest = noiseLogo(240, 256, MAX_LOGO_BYTES);
    assert.equal(largest.length, MAX_LOGO_BYTES);
    const digits = '1'.repeat(7089); // the most a QR code holds: numeric mode, version 40, ECL L
    const request = json({ data: digits, ecl: 'L', scale: 4, logo: dataUrl(largest) });
    assert.ok(request.body.length > 4 * (MAX_LOGO_BYTES / 3) && request.body.length <= DEFAULT_MAX_BODY_BYTES, `${request.body.length} bytes`);
    const answer = await post(request);
    assert.equal(answer.status, 200, answer.body.toString());
    assert.equal(await decodeImage(answer.body), digits);

    const form = await post(await multipart({ data: 'largest logo', logo: dataUrl(largest) }));
    assert.equal(form.status, 200, form.body.toString());
    assert.equal(await decodeImage(form.body), 'largest logo');

    const oneByteMore = noiseLogo(240, 256, MAX_LOGO_BYTES + 1);
    const refused = await post(await multipart({ data: 'x', logo: file(oneByteMore) }));
    assert.match(expectProblem(refused, 400, 'INVALID_LOGO'), new RegExp(`${MAX_LOGO_BYTES + 1} bytes; the limit is ${MAX_LOGO_BYTES} bytes`));
  });

  test('413 for a body over the limit, on its Content-Length, before a byte of it is read', BOUND, async () => {
    const connection = await rawConnection(port);
    connection.socket.write(
      `POST /generate_qr/ HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${DEFAULT_MAX_BODY_BYTES + 1}\r\nExpect: 100-continue\r\n\r\n`,
    );
    const response = parseRawResponse(await connection.closed);
    assert.equal(response.status, 413);
    assert.doesNotMatch(connection.received(), /100 Continue/);
    const problem = JSON.parse(response.body) as { code: string; detail: string };
    assert.equal(problem.code, 'BODY_TOO_LARGE');
    assert.match(problem.detail, new RegExp(`at most ${DEFAULT_MAX_BODY_BYTES} bytes.*file part`));
  });

  test('400s: a URL instead of the image, wrong JSON types, a bad logoSize, a format PNG cannot take, a broken file', BOUND, async () => {
    const noFetch = /never fetches a URL: send the image itself, as a data: URL .* or as a file part named logo/;
    assert.match(expectProblem(await post(json({ data: 'x', logo: 'https://example.com/logo.png' })), 400, 'INVALID_LOGO'), noFetch);
    assert.match(expectProblem(await call(port, 'GET', `/generate_qr/?data=x&logo=${encodeURIComponent('http://169.254.169.254/latest')}`), 400, 'INVALID_LOGO'), noFetch);
    assert.match(expectProblem(await post(json({ data: 'x', logo: 42 })), 400, 'INVALID_FIELD'), /logo in the JSON body is the number 42; give a string/);
    assert.match(expectProblem(await post(json({ data: 'x', logo: { url: 'x' } })), 400, 'INVALID_FIELD'), /logo in the JSON body is an object; give a string/);
    assert.match(expectProblem(await post(json({ data: 'x', logo: dataUrl(LOGO), logoSize: '0.2' })), 400, 'INVALID_FIELD'), /logoSize in the JSON body is the string "0.2"; give a number/);
    for (const size of [0, 1.5, -0.1]) {
      assert.match(expectProblem(await post(json({ data: 'x', logo: dataUrl(LOGO), logoSize: size })), 400, 'INVALID_OPTION'), /logoSize is .*above 0 and at most 1/);
    }
    assert.match(expectProblem(await post(await multipart({ data: 'x', logo: file(LOGO), logoSize: 'big' })), 400, 'INVALID_OPTION'), /logoSize is big/);
    assert.match(expectProblem(await post(json({ data: 'x', logoSize: 0.2 })), 400, 'INVALID_FIELD'), /logoSize is given without a logo/);
    assert.match(expectProblem(await post(await multipart({ data: 'x', logo: file(JPEG_START, 'logo.jpg', 'image/jpeg') })), 400, 'INVALID_LOGO'), /PNG output takes PNG logos only.*SVG/);
    assert.match(expectProblem(await post(await multipart({ data: 'x', logo: file(new TextEncoder().encode('hello'), 'logo.txt', 'text/plain') })), 400, 'INVALID_LOGO'), /not a PNG, JPEG, WebP or SVG file/);
    const corrupt = LOGO.slice();
    corrupt[45] = (corrupt[45] ?? 0) ^ 0xff; // inside IDAT's data: its CRC no longer matches
    assert.match(expectProblem(await post(await multipart({ data: 'x', logo: file(corrupt) })), 400, 'INVALID_LOGO'), /corrupt/);
    assert.match(expectProblem(await post(await multipart({ data: 'x', format: 'svg', logo: file(corrupt) })), 400, 'INVALID_LOGO'), /corrupt/, 'also for SVG output');
    assert.match(expectProblem(await post(await multipart({ data: file(LOGO), logo: file(LOGO) })), 400, 'INVALID_FIELD'), /data in the multipart body is a file; .*only logo may be a file/);
  });

  test('422: a logo larger than the symbol can lose names the largest size; one with more pixels than the cap names the cap', BOUND, async () => {
    assert.match(expectProblem(await post(json({ data: 'x', logo: dataUrl(LOGO), logoSize: 0.9 })), 422, 'LOGO_TOO_LARGE'), /too large for this symbol .*the largest is 0\.\d+/);
    const tooManyPixels = rgbaPng(1025, 1024, () => [0, 0, 0, 255]);
    assert.ok(tooManyPixels.length < MAX_LOGO_BYTES, 'small as a file: only its pixels are too many');
    for (const format of ['png', 'svg']) {
      const detail = expectProblem(await post(await multipart({ data: 'x', format, logo: file(tooManyPixels) })), 422, 'LOGO_TOO_MANY_PIXELS');
      assert.match(detail, new RegExp(`1025 × 1024 px .*the limit is ${MAX_LOGO_PIXELS} pixels`));
    }
  });

  test('a logo is decoded once: requests with the same logo and other text use the cached pixels', BOUND, async () => {
    const logo = discLogo(40, [10, 20, 200]);
    const before = decodes;
    for (const data of ['cached 1', 'cached 2', 'cached 3']) {
      const answer = await post(await multipart({ data, logo: file(logo) }));
      assert.equal(await decodeImage(answer.body), data);
    }
    const asJson = await post(json({ data: 'cached 4', logo: dataUrl(logo) }));
    assert.equal(asJson.status, 200);
    assert.equal(decodes - before, 1, 'the same file, however sent, is decoded once');
    await post(await multipart({ data: 'cached 5', logo: file(discLogo(40, [10, 20, 201])) }));
    assert.equal(decodes - before, 2, 'another file is decoded');
  });

  test('the ETag covers the logo: its bytes and its size; a match is a 304', BOUND, async () => {
    const data = 'https://example.com/etag';
    const etagOf = async (query: string): Promise<string> => {
      const answer = await call(port, 'GET', `/generate_qr/?data=${encodeURIComponent(data)}${query}`);
      assert.equal(answer.status, 200, answer.body.toString());
      return String(answer.headers['etag']);
    };
    const logo = `&logo=${encodeURIComponent(dataUrl(LOGO))}`;
    const withLogo = await etagOf(logo);
    assert.equal(await etagOf(logo), withLogo, 'the same request, the same tag');
    assert.notEqual(await etagOf(`&logo=${encodeURIComponent(dataUrl(OTHER_LOGO))}`), withLogo, 'other bytes');
    const smaller = Math.floor(maxLogoSize(encode(data, { ecl: 'H' })) * 100) / 100;
    assert.notEqual(await etagOf(`${logo}&logoSize=${smaller}`), withLogo, 'another size');
    assert.notEqual(await etagOf(''), withLogo, 'no logo');
    const revalidated = await call(port, 'GET', `/generate_qr/?data=${encodeURIComponent(data)}${logo}`, { headers: { 'if-none-match': withLogo } });
    assert.equal(revalidated.status, 304);
  });

  test('a logo in a GET query fits under the 16 KiB of request line and headers; beyond, the 431 says to POST it', BOUND, async () => {
    const small = await call(port, 'GET', `/generate_qr/?data=query+logo&logo=${encodeURIComponent(dataUrl(LOGO))}`);
    assert.equal(await decodeImage(small.body), 'query logo');
    const connection = await rawConnection(port);
    connection.socket.write(`GET /generate_qr/?data=x&logo=${encodeURIComponent(dataUrl(noiseLogo(64, 64)))} HTTP/1.1\r\nHost: t\r\n\r\n`);
    const response = parseRawResponse(await connection.closed);
    assert.equal(response.status, 431);
    const problem = JSON.parse(response.body) as { code: string; detail: string };
    assert.equal(problem.code, 'HEADERS_TOO_LARGE');
    assert.match(problem.detail, /the query included.*a logo, in a POST body/);
  });

  test('a file input left empty, as a browser sends it, is no logo', BOUND, async () => {
    const boundary = 'EmptyFileInput';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\nno file chosen\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n` +
      `--${boundary}--\r\n`;
    const answer = await post({ headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    assert.equal(answer.status, 200, answer.body.toString());
    assert.equal(readPng(answer.body).width, sidePx('no file chosen', 'M'), 'the default ECL: there is no logo');
  });
});
