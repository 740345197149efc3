/**
 * Recently made images, kept by the key of everything they depend on (see render.ts), so a
 * repeated request — the same `<img>` on a busy page, a client that asks again — is answered
 * without encoding and compressing again. Bounded in bytes; the least recently used go first.
 */

export type Image = Uint8Array | string;

export class ImageCache {
  readonly budgetBytes: number;
  // A Map iterates in insertion order: re-inserting on every hit keeps the oldest first.
  readonly #entries = new Map<string, Image>();
  #bytes = 0;

  constructor(budgetBytes: number) {
    this.budgetBytes = budgetBytes;
  }

  /** Bytes held, counting strings (keys, SVG) at two bytes a character, as V8 may store them. */
  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): Image | undefined {
    const image = this.#entries.get(key);
    if (image !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, image);
    }
    return image;
  }

  set(key: string, image: Image): void {
    const cost = costOf(key, image);
    // One entry may take an eighth of the budget at most, so a few big SVGs cannot empty it.
    if (cost > this.budgetBytes / 8 || this.#entries.has(key)) return;
    this.#entries.set(key, image);
    this.#bytes += cost;
    for (const [oldKey, oldImage] of this.#entries) {
      if (this.#bytes <= this.budgetBytes) break;
      this.#entries.delete(oldKey);
      this.#bytes -= costOf(oldKey, oldImage);
    }
  }
}

function costOf(key: string, image: Image): number {
  return 2 * key.length + (typeof image === 'string' ? 2 * image.length : image.byteLength);
}
