/**
 * A QrRequest → the image: qr-core encodes once, then its renderer draws; recently made images
 * come from the cache instead, and decoded logos from theirs. Also the key every image is known
 * by (for the cache and the ETag).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { encode, imageSidePx, largestScale, QrError, toPNG, toSVG, type QrSymbol, type RgbaImage } from 'qr-core';
import { HttpError } from '../http/problem.js';
import type { Image, ImageCache } from './image-cache.js';
import { API_MAX_IMAGE_SIDE_PX } from './limits.js';
import type { LogoCache } from './logo-cache.js';
import type { Logo, QrRequest } from './qr-request.js';
import { withheld } from './secrets.js';

// The qr-core version is part of the ETag, so that an upgrade that changes output changes the tag.
const QR_CORE_VERSION = (createRequire(import.meta.url)('qr-core/package.json') as { version: string }).version;

/** The caches a server keeps: made images, and decoded logos. */
export interface Caches {
  readonly images: ImageCache;
  readonly logos: LogoCache;
}

/**
 * The image for `qr`, from the cache when it was made recently; `key` is {@link imageKey}(qr).
 * An image of a secret is made afresh every time and never kept: the cache would hold the
 * secret's text in its key for as long as the entry lives.
 */
export function renderImage(qr: QrRequest, key: string, caches: Caches): Image {
  if (qr.secret) {
    try {
      return draw(qr, caches.logos);
    } catch (error) {
      throw error instanceof HttpError || error instanceof QrError ? error : withheld(error);
    }
  }
  let image = caches.images.get(key);
  if (image === undefined) {
    image = draw(qr, caches.logos);
    caches.images.set(key, image);
  }
  return image;
}

function draw(qr: QrRequest, logos: LogoCache): Image {
  const { symbology, gs1, maxHeight, maxWidth } = qr;
  const symbol = encode(qr.data, {
    ecl: qr.ecl,
    ...(symbology === 'qr' ? {} : { symbology }),
    ...(gs1 ? { gs1 } : {}),
    ...(maxHeight === undefined ? {} : { maxHeight }),
    ...(maxWidth === undefined ? {} : { maxWidth }),
  });
  const sizePx = checkedSidePx(symbol, qr);
  const { margin, dark, light, moduleShape, finderShape, finderColor, logo, logoSize } = qr;
  const drawing = { margin, dark, light, moduleShape, finderShape, ...(finderColor === undefined ? {} : { finderColor }) };
  const size = logoSize === undefined ? {} : { size: logoSize };
  if (qr.format === 'svg') return toSVG(symbol, { ...drawing, size: sizePx, ...(logo ? { logo: { image: svgLogo(logo, logos), ...size } } : {}) });
  return toPNG(symbol, { ...drawing, scale: qr.scale, ...(logo ? { logo: { image: pngLogo(logo, logos), ...size } } : {}) });
}

/**
 * A PNG logo's pixels, decoded once per file (the logo cache); other formats go to toPNG as
 * they are, and its INVALID_LOGO says that SVG output takes them.
 */
function pngLogo(logo: Logo, logos: LogoCache): Uint8Array | RgbaImage {
  return logo.type === 'image/png' ? logos.pixels(logo) : logo.bytes;
}

/**
 * The file the SVG embeds as it is. A PNG logo is decoded all the same (once, through the
 * cache), so that a damaged one or one over the pixel cap is refused whatever the output format.
 */
function svgLogo(logo: Logo, logos: LogoCache): Uint8Array {
  if (logo.type === 'image/png') logos.pixels(logo);
  return logo.bytes;
}

function checkedSidePx(symbol: QrSymbol, qr: QrRequest): number {
  const sidePx = imageSidePx(symbol, qr);
  if (sidePx > API_MAX_IMAGE_SIDE_PX) {
    throw new HttpError(
      'IMAGE_TOO_LARGE',
      `the image would be ${sidePx} px wide (${symbol.width + 2 * qr.margin} modules, ${symbol.symbology === 'qr' ? `version ${symbol.version}` : symbol.designator.replace(/-[LMQH]$/, '')} with margin ${qr.margin}, at scale ${qr.scale}); the limit is ${API_MAX_IMAGE_SIDE_PX} px, so give scale ${largestScale(symbol, { margin: qr.margin, limitPx: API_MAX_IMAGE_SIDE_PX })} or less`,
    );
  }
  return sidePx;
}

/**
 * Everything the image depends on (not `download`, which changes only a header): every option,
 * a logo's content hash and size, and the symbology with its options (gs1, maxHeight, maxWidth).
 * The logo's are added only with a logo, and the symbology's (as one object, which no other
 * member of the key can be) only for other than a plain QR code, so the images that were made
 * before keep the keys (and ETags) they had.
 */
export function imageKey(qr: QrRequest): string {
  const key: unknown[] = [qr.format, qr.ecl, qr.scale, qr.margin, qr.dark, qr.light, qr.moduleShape, qr.finderShape, qr.finderColor ?? null, qr.data];
  if (qr.logo !== undefined) key.push(qr.logo.sha256, qr.logoSize ?? null);
  if (qr.symbology !== 'qr' || qr.gs1) key.push({ symbology: qr.symbology, gs1: qr.gs1, maxHeight: qr.maxHeight ?? null, maxWidth: qr.maxWidth ?? null });
  return JSON.stringify(key);
}

/** A strong validator (RFC 9110 §8.8.3): a hash of the image's key and of the qr-core that made it. */
export function entityTag(key: string): string {
  return `"${createHash('sha256').update(QR_CORE_VERSION).update(key).digest('base64url')}"`;
}
