/**
 * Reed-Solomon error correction codewords, ISO/IEC 18004:2015 §7.5.2.
 * Arithmetic is in GF(2^8) with the prime polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D) and α = 2;
 * the generator polynomial of degree n is (x − α^0)(x − α^1)…(x − α^(n−1)) (Annex A).
 */

const EXP = new Uint8Array(510); // α^i for i in 0..509, doubled so that EXP[LOG[a] + LOG[b]] needs no modulo
const LOG = new Uint8Array(256); // LOG[α^i] = i; LOG[0] is unused

for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = EXP[i + 255] = x;
  LOG[x] = i;
  x <<= 1;
  if (x & 0x100) x ^= 0x11d;
}

/** Product in GF(2^8). */
export function gfMultiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!;
}

/**
 * The generator polynomial of a degree, without its leading coefficient (which is 1),
 * coefficients from the highest power down: degree 2 is x² + 3x + 2 → [3, 2].
 */
export function generatorPolynomial(degree: number): Uint8Array {
  const coefficients = new Uint8Array(degree);
  coefficients[degree - 1] = 1; // start from the polynomial 1, stored right-aligned
  for (let i = 0, root = 1; i < degree; i++) {
    // Multiply by (x − α^i): shift up one degree and add root × the previous coefficients.
    for (let j = 0; j < degree; j++) {
      coefficients[j] = gfMultiply(coefficients[j]!, root) ^ (j + 1 < degree ? coefficients[j + 1]! : 0);
    }
    root = gfMultiply(root, 2);
  }
  return coefficients;
}

/**
 * For each error correction length (7..30 codewords), the products of the generator's coefficients with
 * every byte f, four coefficients to a big-endian 32-bit word, eight words per f (zero past the last
 * coefficient): the division then shifts and XORs the whole remainder, held in eight local words, a word
 * at a time. Built on first use of each length.
 */
const productTables = new Map<number, Int32Array>();

function productTable(degree: number): Int32Array {
  let table = productTables.get(degree);
  if (table === undefined) {
    const generator = generatorPolynomial(degree);
    table = new Int32Array(256 * 8);
    for (let f = 1; f < 256; f++) {
      for (let j = 0; j < degree; j++) table[f * 8 + (j >>> 2)]! |= gfMultiply(generator[j]!, f) << (24 - 8 * (j & 3));
    }
    productTables.set(degree, table);
  }
  return table;
}

const remainder = new Int32Array(8);

/**
 * Writes the `degree` (≤ 30) error correction codewords of `data[start, end)` into `out[outStart, outStart + degree)`:
 * the remainder of data(x) · x^degree divided by the generator polynomial (long division, a byte per step).
 */
export function reedSolomonRemainder(
  data: Uint8Array,
  start: number,
  end: number,
  degree: number,
  out: Uint8Array,
  outStart: number,
): void {
  const t = productTable(degree);
  let r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0;
  for (let i = start; i < end; i++) {
    const row = (data[i]! ^ (r0 >>> 24)) << 3;
    r0 = ((r0 << 8) | (r1 >>> 24)) ^ t[row]!;
    r1 = ((r1 << 8) | (r2 >>> 24)) ^ t[row + 1]!;
    r2 = ((r2 << 8) | (r3 >>> 24)) ^ t[row + 2]!;
    r3 = ((r3 << 8) | (r4 >>> 24)) ^ t[row + 3]!;
    r4 = ((r4 << 8) | (r5 >>> 24)) ^ t[row + 4]!;
    r5 = ((r5 << 8) | (r6 >>> 24)) ^ t[row + 5]!;
    r6 = ((r6 << 8) | (r7 >>> 24)) ^ t[row + 6]!;
    r7 = (r7 << 8) ^ t[row + 7]!;
  }
  const r = remainder;
  r[0] = r0; r[1] = r1; r[2] = r2; r[3] = r3; r[4] = r4; r[5] = r5; r[6] = r6; r[7] = r7;
  for (let j = 0; j < degree; j++) out[outStart + j] = r[j >>> 2]! >>> (24 - 8 * (j & 3));
}
