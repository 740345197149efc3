/**
 * A map bounded in bytes that drops the least recently used entries first: the one eviction
 * policy of the API's caches (made images, decoded logos), each of which says what its values
 * cost.
 */

export class LruCache<V> {
  readonly budgetBytes: number;
  readonly #costOf: (value: V) => number;
  // A Map iterates in insertion order: re-inserting on every hit keeps the oldest first.
  readonly #entries = new Map<string, V>();
  #bytes = 0;

  /** `costOf` is a value's size in bytes; each key costs two bytes a character on top. */
  constructor(budgetBytes: number, costOf: (value: V) => number) {
    this.budgetBytes = budgetBytes;
    this.#costOf = costOf;
  }

  /** Bytes held, keys counted at two bytes a character, as V8 may store them. */
  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    const cost = this.#cost(key, value);
    // One entry may take an eighth of the budget at most, so a few big ones cannot empty it.
    if (cost > this.budgetBytes / 8 || this.#entries.has(key)) return;
    this.#entries.set(key, value);
    this.#bytes += cost;
    for (const [oldKey, oldValue] of this.#entries) {
      if (this.#bytes <= this.budgetBytes) break;
      this.#entries.delete(oldKey);
      this.#bytes -= this.#cost(oldKey, oldValue);
    }
  }

  #cost(key: string, value: V): number {
    return 2 * key.length + this.#costOf(value);
  }
}
