/** The /generate_qr/ handlers, called directly: no socket needed. */
import { strict as assert } from 'node:assert';
import type { IncomingHttpHeaders } from 'node:http';
import { test } from 'node:test';
import { capacityOf, encode } from 'qr-core';
import { toHttpError, type ErrorCode } from '../http/problem.js';
import type { HttpRequest, Reply } from '../http/reply.js';
import { decodeImage } from '../test-support/decode-image.js';
import { generateHandlers } from './generate.js';
import { fieldsFromUrlEncoded, toQrRequest } from './qr-request.js';
import { imageKey } from './render.js';
import { parseUrlEncoded } from './urlencoded.js';
import { ImageCache } from './image-cache.js';
import { LogoCache } from './logo-cache.js';
import { API_MAX_IMAGE_SIDE_PX as MAX_IMAGE_PX } from './limits.js';

/** Fresh caches for this file, as each server gets them. */
const { post: generateFromPost, get: generateFromQuery } = generateHandlers({ images: new ImageCache(8 * 1024 * 1024), logos: new LogoCache(8 * 1024 * 1024) });

function post(rawQuery: string, body = '', headers: IncomingHttpHeaders = {}): Reply {
  return generateFromPost({ method: 'POST', path: '/generate_qr/', rawQuery, headers, body: Buffer.from(body) });
}

function get(rawQuery: string, headers: IncomingHttpHeaders = {}): Reply {
  return generateFromQuery({ method: 'GET', path: '/generate_qr/', rawQuery, headers, body: Buffer.alloc(0) });
}

/** Errors as the server will answer them: qr-core's QrError goes through the same mapping. */
function rejects(run: () => unknown, code: ErrorCode, message: RegExp): void {
  assert.throws(run, (error: unknown) => toHttpError(error).code === code && message.test(toHttpError(error).message));
}

/** Width and height from the PNG's IHDR chunk (PNG spec §11.2.2), which follows the 8-byte signature. */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  return [view.getUint32(16), view.getUint32(20)];
}

const bytes = (reply: Reply): Uint8Array => (typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body);

test("the original contract: POST ?url= answers a PNG of the URL at the original look", async () => {
  const reply = post('url=https://example.com');
  assert.equal(reply.status, 200);
  assert.equal(reply.headers['content-type'], 'image/png');
  assert.equal(await decodeImage(bytes(reply)), 'https://example.com');
  // ECL M, 10 px per module, 4-module margin: the size follows from the symbol.
  const modules = encode('https://example.com', { ecl: 'M' }).size + 2 * 4;
  assert.deepEqual(pngSize(bytes(reply)), [modules * 10, modules * 10]);
});

test('POST bodies: JSON, form and text/plain carry the text', async () => {
  const json = post('', JSON.stringify({ data: 'from json' }), { 'content-type': 'application/json' });
  assert.equal(await decodeImage(bytes(json)), 'from json');
  const form = post('', 'text=from+form%21', { 'content-type': 'application/x-www-form-urlencoded' });
  assert.equal(await decodeImage(bytes(form)), 'from form!');
  const text = post('', 'line one\nline two, é', { 'content-type': 'text/plain; charset=utf-8' });
  assert.equal(await decodeImage(bytes(text)), 'line one\nline two, é');
});

test('an empty body falls back to the query, whatever its Content-Type', async () => {
  const reply = post('data=hello', '', { 'content-type': 'application/json' });
  assert.equal(await decodeImage(bytes(reply)), 'hello');
});

test('options change the image: scale and margin set its size', () => {
  const reply = post('data=hello&scale=3&margin=1&ecl=H&dark=%23123456&light=%23fedcba');
  const modules = encode('hello', { ecl: 'H' }).size + 2;
  assert.deepEqual(pngSize(bytes(reply)), [modules * 3, modules * 3]);
});

test('format=svg answers SVG under a Content-Security-Policy that forbids script', () => {
  const reply = post('', JSON.stringify({ data: 'hello', format: 'svg' }), { 'content-type': 'application/json' });
  assert.equal(reply.status, 200);
  assert.equal(reply.headers['content-type'], 'image/svg+xml');
  assert.equal(reply.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'");
  assert.match(String(reply.body), /^(<\?xml[^>]*>\s*)?<svg[\s>]/);
  assert.doesNotMatch(String(reply.body), /<script/i);
});

test('Accept: image/svg+xml picks SVG when no format is given; format wins over Accept', () => {
  assert.equal(post('data=a', '', { accept: 'image/svg+xml' }).headers['content-type'], 'image/svg+xml');
  assert.equal(post('data=a&format=png', '', { accept: 'image/svg+xml' }).headers['content-type'], 'image/png');
  assert.equal(post('data=a', '', { accept: '*/*' }).headers['content-type'], 'image/png');
});

test('download=1 names the file after the format actually sent', () => {
  assert.equal(post('data=a&download=1').headers['content-disposition'], 'attachment; filename="qr.png"');
  assert.equal(get('data=a&download=true', { accept: 'image/svg+xml' }).headers['content-disposition'], 'attachment; filename="qr.svg"');
  assert.equal(post('data=a').headers['content-disposition'], undefined);
});

test('bodies the server cannot read are refused with what to send instead', () => {
  rejects(() => post('', '<data/>', { 'content-type': 'application/xml' }), 'UNSUPPORTED_MEDIA_TYPE', /the body is application\/xml; send it as one of application\/json, application\/x-www-form-urlencoded, multipart\/form-data, text\/plain/);
  rejects(() => post('', 'hello'), 'UNSUPPORTED_MEDIA_TYPE', /the body has no Content-Type/);
  rejects(() => post('', 'hello', { 'content-type': 'text/plain; charset=iso-8859-1' }), 'UNSUPPORTED_MEDIA_TYPE', /charset is iso-8859-1; send UTF-8/);
  rejects(() => post('', '{"data": "a",}', { 'content-type': 'application/json' }), 'MALFORMED_JSON', /not valid JSON .*; send an object/);
  rejects(() => post('', '{"data": 5}', { 'content-type': 'application/json' }), 'INVALID_FIELD', /data in the JSON body is the number 5/);
  rejects(() => post('', 'data=%zz', { 'content-type': 'application/x-www-form-urlencoded' }), 'BAD_PERCENT_ENCODING', /form body/);
  rejects(
    () => generateFromPost({ method: 'POST', path: '/generate_qr/', rawQuery: '', headers: { 'content-type': 'text/plain' }, body: Buffer.from([0x61, 0xff, 0x62]) }),
    'INVALID_DATA',
    /not valid UTF-8/,
  );
});

test('data longer than any QR code holds is DATA_TOO_LONG, saying how much fits at that ECL', () => {
  rejects(() => post(`data=${'x'.repeat(3000)}&ecl=M`), 'DATA_TOO_LONG', /3000 bytes.*2331/);
  rejects(() => post(`data=${'x'.repeat(2000)}&ecl=H`), 'DATA_TOO_LONG', /2000 bytes.*1273/);
});

test('an image wider than the limit is refused with the largest scale that fits', () => {
  const data = 'x'.repeat(2300); // version 40 at ECL M: 177 + 8 modules wide
  const maxScale = Math.floor(MAX_IMAGE_PX / 185);
  rejects(() => post(`data=${data}&scale=${maxScale + 1}`), 'IMAGE_TOO_LARGE', new RegExp(`${185 * (maxScale + 1)} px wide .*version 40.*limit is ${MAX_IMAGE_PX} px, so give scale ${maxScale} or less`));
  assert.equal(post(`data=${data}&scale=${maxScale}`).status, 200);
});

test('an rMQR image wider than the limit names its size and the largest scale that fits', () => {
  const data = 'x'.repeat(capacityOf('byte', { symbology: 'rmqr', maxHeight: 7 })); // R7x139: 139 + 2 · 2 modules wide
  const maxScale = Math.floor(MAX_IMAGE_PX / 143);
  rejects(() => post(`data=${data}&symbology=rmqr&maxHeight=7&scale=${maxScale + 1}`), 'IMAGE_TOO_LARGE', new RegExp(`${143 * (maxScale + 1)} px wide \\(143 modules, R7x139 with margin 2, at scale ${maxScale + 1}\\).*give scale ${maxScale} or less`));
  const reply = post(`data=${data}&symbology=rmqr&maxHeight=7&scale=${maxScale}`);
  assert.deepEqual(pngSize(bytes(reply)), [143 * maxScale, 11 * maxScale]);
});

test('the image key of a plain QR code is what it was; the symbology and its options are in every other', () => {
  const plain = imageKey(toQrRequest(fieldsFromUrlEncoded(parseUrlEncoded('data=a', 'query'), 'query')));
  assert.equal(plain, JSON.stringify(['png', 'M', 10, 4, '#000000', '#ffffff', 'square', 'square', null, 'a']));
  const key = (query: string) => imageKey(toQrRequest(fieldsFromUrlEncoded(parseUrlEncoded(query, 'query'), 'query')));
  assert.equal(key('data=a&symbology=qr&gs1=false'), plain);
  const keys = new Set([plain, key('data=a&symbology=micro'), key('data=a&symbology=rmqr'), key('data=a&symbology=rmqr&maxHeight=9'), key('data=a&symbology=rmqr&maxWidth=43'), key('data=a&gs1=1'), key('data=a&symbology=micro&margin=4')]);
  assert.equal(keys.size, 7);
});

test('GET is cacheable for ever, with a strong ETag that follows the options', () => {
  const reply = get('data=hello');
  assert.equal(reply.status, 200);
  assert.equal(reply.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.match(String(reply.headers['etag']), /^"[\w-]+"$/);
  assert.equal(reply.headers['vary'], 'Accept');
  assert.equal(get('data=hello').headers['etag'], reply.headers['etag'], 'same request, same tag');
  assert.equal(get('data=hello&download=1').headers['etag'], reply.headers['etag'], 'download changes the headers, not the image');
  for (const other of ['data=hello2', 'data=hello&ecl=Q', 'data=hello&scale=4', 'data=hello&margin=2', 'data=hello&dark=%23f00', 'data=hello&light=%23ff0', 'data=hello&format=svg']) {
    assert.notEqual(get(other).headers['etag'], reply.headers['etag'], other);
  }
  assert.notEqual(get('data=hello', { accept: 'image/svg+xml' }).headers['etag'], reply.headers['etag'], 'SVG is another representation');
  assert.equal(get('data=hello&format=png').headers['vary'], undefined, 'an explicit format does not depend on Accept');
});

test('If-None-Match with the current tag is a 304 with no body and the caching headers', () => {
  const etag = String(get('data=hello').headers['etag']);
  for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
    const reply = get('data=hello', { 'if-none-match': ifNoneMatch });
    assert.equal(reply.status, 304, ifNoneMatch);
    assert.equal(reply.body, '');
    assert.equal(reply.headers['etag'], etag);
    assert.equal(reply.headers['cache-control'], 'public, max-age=31536000, immutable');
  }
  assert.equal(get('data=hello', { 'if-none-match': '"stale"' }).status, 200);
});

test('GET reads only the query; bad input there is refused like in a POST', () => {
  rejects(() => get(''), 'MISSING_DATA', /no text to encode/);
  rejects(() => get('data=%E0%A4%A'), 'BAD_PERCENT_ENCODING', /query/);
});

test('a repeated request is answered from the image cache; any change in the options is another image', () => {
  const first = post('data=cache+me&scale=3');
  assert.equal(post('data=cache+me&scale=3&download=1').body, first.body, 'the same image, not a new one');
  assert.equal(get('data=cache+me&scale=3&format=png').body, first.body, 'GET and POST share it');
  assert.notEqual(post('data=cache+me&scale=4').body, first.body);
  assert.notEqual(post('data=cache+me&scale=3&format=svg').body, first.body);
});

test('an image cache of 0 bytes keeps nothing: every answer is made anew, and the same', () => {
  const uncached = generateHandlers({ images: new ImageCache(0), logos: new LogoCache(0) });
  const request: HttpRequest = { method: 'POST', path: '/generate_qr/', rawQuery: 'data=fresh', headers: {}, body: Buffer.alloc(0) };
  const first = uncached.post(request).body;
  const second = uncached.post(request).body;
  assert.notEqual(first, second, 'not the same object: made twice');
  assert.deepEqual(first, second);
});

test('styled codes: every module and finder shape, in PNG and SVG, and a finder colour', async () => {
  for (const moduleShape of ['square', 'rounded', 'dots']) {
    for (const finderShape of ['square', 'rounded', 'circle']) {
      const query = `data=styled&moduleShape=${moduleShape}&finderShape=${finderShape}&finderColor=%231a237e`;
      const png = post(query);
      assert.equal(png.headers['content-type'], 'image/png');
      assert.equal(await decodeImage(bytes(png)), 'styled', `${moduleShape}/${finderShape}`);
      const svg = String(post(`${query}&format=svg`).body);
      assert.match(svg, /fill="#1a237e"/, 'the finders in their colour');
    }
  }
  assert.deepEqual(post('data=plain&moduleShape=square&finderShape=square').body, post('data=plain').body, 'the defaults are the plain code');
  const etag = (query: string) => get(query).headers['etag'];
  assert.notEqual(etag('data=s&moduleShape=dots'), etag('data=s'));
  assert.notEqual(etag('data=s&finderShape=circle'), etag('data=s'));
  assert.notEqual(etag('data=s&finderColor=%23f00'), etag('data=s'));
});

test('POST answers are not stored by caches', () => {
  assert.equal(post('data=a').headers['cache-control'], 'no-store');
});

/** Keeps the request shape honest: HEAD goes through the same handler as GET. */
test('HEAD reaches the GET handler and gets the same headers', () => {
  const request: HttpRequest = { method: 'HEAD', path: '/generate_qr/', rawQuery: 'data=a', headers: {}, body: Buffer.alloc(0) };
  assert.deepEqual(generateFromQuery(request).headers, get('data=a').headers);
});
