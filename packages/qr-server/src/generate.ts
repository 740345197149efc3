/**
 * The /generate_qr/ handlers: POST (the original contract, plus JSON, form and text bodies)
 * and GET (for `<img src>`, cacheable). Both read a QrRequest, then qr-core encodes and renders.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { OutgoingHttpHeaders } from 'node:http';
import { encode, toPNG, toSVG, type QrSymbol } from 'qr-core';
import { negotiateFormat, type ImageFormat } from './accept.js';
import type { ApiRequest, Reply } from './handler.js';
import { ImageCache, type Image } from './image-cache.js';
import { ApiError } from './problem.js';
import {
  fieldsFromJson,
  fieldsFromUrlEncoded,
  mergeFields,
  toQrRequest,
  type QrRequest,
  type TextFields,
} from './qr-request.js';
import { parseUrlEncoded } from './urlencoded.js';

/** The widest image served, in pixels (both formats): version 40 at the default scale is 1850. */
export const MAX_IMAGE_PX = 4096;

/** The body types POST accepts; anything else is a 415 that lists them. */
export const BODY_TYPES = Object.freeze(['application/json', 'application/x-www-form-urlencoded', 'text/plain'] as const);

const CONTENT_TYPES: Readonly<Record<ImageFormat, string>> = { png: 'image/png', svg: 'image/svg+xml' };

// SVG is a document that can carry script; this forbids everything but the inline styling a
// renderer may use, so an SVG opened directly cannot run or load anything.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";

// A given request always yields the same image from the same qr-core, so a GET answer may be
// cached for a year without revalidation (RFC 8246 `immutable`); the qr-core version is part
// of the ETag so that an upgrade that changes output changes the tag.
const CACHE_FOREVER = 'public, max-age=31536000, immutable';
const QR_CORE_VERSION = (createRequire(import.meta.url)('qr-core/package.json') as { version: string }).version;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** 8 MiB holds some 13 000 PNGs at the default look: the popular ones, on a task with 1 GiB. */
export const IMAGE_CACHE_BYTES = 8 * 1024 * 1024;
const images = new ImageCache(IMAGE_CACHE_BYTES);

/** POST /generate_qr/: fields from the query, and from the body when there is one. */
export function generateFromPost(request: ApiRequest): Reply {
  const query = fieldsFromUrlEncoded(parseUrlEncoded(request.rawQuery, 'query'), 'query');
  const fields = request.body.length === 0 ? query : mergeFields(query, bodyFields(request));
  const qr = toQrRequest(fields);
  const format = qr.format ?? negotiateFormat(request.headers.accept);
  return render(qr, format, imageKey(qr, format), { 'cache-control': 'no-store' });
}

/** GET and HEAD /generate_qr/: fields from the query; strong ETag, 304 on a match. */
export function generateFromQuery(request: ApiRequest): Reply {
  const qr = toQrRequest(fieldsFromUrlEncoded(parseUrlEncoded(request.rawQuery, 'query'), 'query'));
  const format = qr.format ?? negotiateFormat(request.headers.accept);
  const key = imageKey(qr, format);
  const etag = entityTag(key);
  // The answer differs by Accept only when the query leaves the format open.
  const headers: OutgoingHttpHeaders = { 'cache-control': CACHE_FOREVER, etag, ...(qr.format ? {} : { vary: 'Accept' }) };
  if (matches(request.headers['if-none-match'], etag)) {
    // RFC 9110 §15.4.5: a 304 carries the headers a 200 would have had for caching.
    return { status: 304, headers, body: '' };
  }
  return render(qr, format, key, headers);
}

function bodyFields(request: ApiRequest): TextFields {
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
    throw new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${contentType === undefined ? 'the body has no Content-Type' : `the body is ${contentType}`}; send it as one of ${BODY_TYPES.join(', ')}, or send no body and give the text in the query`,
    );
  }
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'us-ascii') {
    throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `the body's charset is ${charset}; send UTF-8`);
  }
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
    throw new ApiError('INVALID_DATA', 'the body is not valid UTF-8; send text encoded as UTF-8');
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError('MALFORMED_JSON', `the body is not valid JSON (${error instanceof Error ? error.message : String(error)}); send an object such as {"data": "https://example.com"}`);
  }
}

function render(qr: QrRequest, format: ImageFormat, key: string, headers: OutgoingHttpHeaders): Reply {
  let image = images.get(key);
  if (image === undefined) {
    image = draw(qr, format);
    images.set(key, image);
  }
  return {
    status: 200,
    headers: {
      ...headers,
      'content-type': CONTENT_TYPES[format],
      ...(format === 'svg' ? { 'content-security-policy': SVG_CSP } : {}),
      ...(qr.download ? { 'content-disposition': `attachment; filename="qr.${format}"` } : {}),
    },
    body: image,
  };
}

function draw(qr: QrRequest, format: ImageFormat): Image {
  const symbol = encode(qr.data, { ecl: qr.ecl });
  const widthPx = imageWidth(symbol, qr);
  return format === 'svg'
    ? toSVG(symbol, { margin: qr.margin, dark: qr.dark, light: qr.light, size: widthPx })
    : toPNG(symbol, { scale: qr.scale, margin: qr.margin, dark: qr.dark, light: qr.light });
}

function imageWidth(symbol: QrSymbol, qr: QrRequest): number {
  const modules = symbol.size + 2 * qr.margin;
  const widthPx = modules * qr.scale;
  if (widthPx > MAX_IMAGE_PX) {
    throw new ApiError(
      'IMAGE_TOO_LARGE',
      `the image would be ${widthPx} px wide (${modules} modules, version ${symbol.version} with margin ${qr.margin}, at scale ${qr.scale}); the limit is ${MAX_IMAGE_PX} px, so give scale ${Math.floor(MAX_IMAGE_PX / modules)} or less`,
    );
  }
  return widthPx;
}

/** Everything the image depends on (not `download`, which changes only a header). */
function imageKey(qr: QrRequest, format: ImageFormat): string {
  return JSON.stringify([format, qr.ecl, qr.scale, qr.margin, qr.dark, qr.light, qr.data]);
}

/** A strong validator (RFC 9110 §8.8.3): a hash of the image's key and of the qr-core that made it. */
function entityTag(key: string): string {
  return `"${createHash('sha256').update(QR_CORE_VERSION).update(key).digest('base64url')}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
