/**
 * A QrRequest → the image: qr-core encodes once, then its renderer draws; recently made images
 * come from the cache instead. Also the key every image is known by (for the cache and the ETag).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { encode, imageSidePx, largestScale, toPNG, toSVG, type QrSymbol } from 'qr-core';
import { HttpError } from '../http/problem.js';
import type { Image, ImageCache } from './image-cache.js';
import { API_MAX_IMAGE_SIDE_PX } from './limits.js';
import type { QrRequest } from './qr-request.js';

// The qr-core version is part of the ETag, so that an upgrade that changes output changes the tag.
const QR_CORE_VERSION = (createRequire(import.meta.url)('qr-core/package.json') as { version: string }).version;

/** The image for `qr`, from `images` when it was made recently; `key` is {@link imageKey}(qr). */
export function renderImage(qr: QrRequest, key: string, images: ImageCache): Image {
  let image = images.get(key);
  if (image === undefined) {
    image = draw(qr);
    images.set(key, image);
  }
  return image;
}

function draw(qr: QrRequest): Image {
  const symbol = encode(qr.data, { ecl: qr.ecl });
  const sizePx = checkedSidePx(symbol, qr);
  const { margin, dark, light, moduleShape, finderShape, finderColor } = qr;
  const drawing = { margin, dark, light, moduleShape, finderShape, ...(finderColor === undefined ? {} : { finderColor }) };
  return qr.format === 'svg' ? toSVG(symbol, { ...drawing, size: sizePx }) : toPNG(symbol, { ...drawing, scale: qr.scale });
}

function checkedSidePx(symbol: QrSymbol, qr: QrRequest): number {
  const sidePx = imageSidePx(symbol, qr);
  if (sidePx > API_MAX_IMAGE_SIDE_PX) {
    throw new HttpError(
      'IMAGE_TOO_LARGE',
      `the image would be ${sidePx} px wide (${symbol.size + 2 * qr.margin} modules, version ${symbol.version} with margin ${qr.margin}, at scale ${qr.scale}); the limit is ${API_MAX_IMAGE_SIDE_PX} px, so give scale ${largestScale(symbol, { margin: qr.margin, limitPx: API_MAX_IMAGE_SIDE_PX })} or less`,
    );
  }
  return sidePx;
}

/** Everything the image depends on (not `download`, which changes only a header). */
export function imageKey(qr: QrRequest): string {
  return JSON.stringify([qr.format, qr.ecl, qr.scale, qr.margin, qr.dark, qr.light, qr.moduleShape, qr.finderShape, qr.finderColor ?? null, qr.data]);
}

/** A strong validator (RFC 9110 §8.8.3): a hash of the image's key and of the qr-core that made it. */
export function entityTag(key: string): string {
  return `"${createHash('sha256').update(QR_CORE_VERSION).update(key).digest('base64url')}"`;
}
