/**
 * Recently made images, kept by the key of everything they depend on (see render.ts), so a
 * repeated request — the same `<img>` on a busy page, a client that asks again — is answered
 * without encoding and compressing again. Bounded in bytes; the least recently used go first.
 */
import { LruCache } from './lru-cache.js';

export type Image = Uint8Array | string;

export class ImageCache extends LruCache<Image> {
  /** Strings (SVG) count two bytes a character, as V8 may store them. */
  constructor(budgetBytes: number) {
    super(budgetBytes, (image) => (typeof image === 'string' ? 2 * image.length : image.byteLength));
  }
}
