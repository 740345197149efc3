/**
 * A big-endian bit writer over a given byte array: the data bit stream of §7.4 is written most
 * significant bit first, and its length is known (the data codewords of the chosen version).
 * Every byte up to the last bit written is assigned; bytes after it are left as they were.
 */
export class BitWriter {
  readonly bytes: Uint8Array;
  /** Bits written so far. */
  bitLength = 0;
  private accumulator = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** Appends the low `count` bits of `value` (count 0..24), most significant first. */
  write(value: number, count: number): void {
    const used = this.bitLength & 7;
    let accumulator = (this.accumulator << count) | value;
    let pending = used + count;
    let index = this.bitLength >>> 3;
    while (pending >= 8) {
      pending -= 8;
      this.bytes[index++] = accumulator >>> pending;
    }
    this.accumulator = accumulator & ((1 << pending) - 1);
    this.bitLength += count;
    if (pending > 0) this.bytes[index] = this.accumulator << (8 - pending);
  }
}
