/**
 * Decoded PNG logos, kept by the SHA-256 of their file, so that requests with the same logo and
 * different text — a brand's logo on the code of each of its pages — read the PNG once and not
 * on every request (the image cache answers only a request repeated exactly). Bounded in bytes
 * of decoded RGBA; the least recently used go first.
 */
import { QrError, readPng, type RgbaImage } from 'qr-core';
import { HttpError } from '../http/problem.js';
import { LruCache } from './lru-cache.js';
import type { Logo } from './qr-request.js';

/** PNG file → pixels: qr-core's readPng, or in a test one that counts its calls. */
export type PngDecoder = (bytes: Uint8Array) => RgbaImage;

export class LogoCache {
  readonly #images: LruCache<RgbaImage>;
  readonly #decode: PngDecoder;

  constructor(budgetBytes: number, decode: PngDecoder = readPng) {
    this.#images = new LruCache(budgetBytes, (image) => image.rgba.byteLength);
    this.#decode = decode;
  }

  /** The pixels of a PNG logo, decoded now or taken from the cache. */
  pixels(logo: Logo): RgbaImage {
    let image = this.#images.get(logo.sha256);
    if (image === undefined) {
      image = this.#decodeChecked(logo.bytes);
      this.#images.set(logo.sha256, image);
    }
    return image;
  }

  #decodeChecked(bytes: Uint8Array): RgbaImage {
    try {
      return this.#decode(bytes);
    } catch (error) {
      // qr-core's reader calls a logo over MAX_LOGO_PIXELS IMAGE_TOO_LARGE, a code this API
      // answers with 400 (a wrong scale). Such a file may be sound and is only more than the
      // server decodes: 422 (RFC 9110 §15.5.21), like a logo too large for the symbol; qr-core's
      // message names the cap.
      if (error instanceof QrError && error.code === 'IMAGE_TOO_LARGE') throw new HttpError('LOGO_TOO_MANY_PIXELS', error.message);
      throw error;
    }
  }
}
