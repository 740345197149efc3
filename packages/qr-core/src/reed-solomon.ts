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
 * every byte f, four coefficients to a big-endian 32-bit word: words [f × W, f × W + W) with W = ⌈degree / 4⌉,
 * zero past the last coefficient. The division then shifts and XORs the whole remainder a word at a time.
 * Built on first use of each length.
 */
const productTables = new Map<number, Int32Array>();

function productTable(degree: number): Int32Array {
  let table = productTables.get(degree);
  if (table === undefined) {
    const generator = generatorPolynomial(degree);
    const width = (degree + 3) >>> 2;
    table = new Int32Array(256 * width);
    for (let f = 1; f < 256; f++) {
      for (let j = 0; j < degree; j++) table[f * width + (j >>> 2)]! |= gfMultiply(generator[j]!, f) << (24 - 8 * (j & 3));
    }
    productTables.set(degree, table);
  }
  return table;
}

/** The remainder being divided, a word per four codewords plus a zero word that shifts in. */
const remainder = new Int32Array(9);

/**
 * Writes the `degree` error correction codewords of `data[start, end)` into `out[outStart, outStart + degree)`:
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
  const table = productTable(degree);
  const width = (degree + 3) >>> 2;
  const r = remainder;
  r.fill(0);
  for (let i = start; i < end; i++) {
    const row = (data[i]! ^ (r[0]! >>> 24)) * width;
    for (let w = 0; w < width; w++) r[w] = ((r[w]! << 8) | (r[w + 1]! >>> 24)) ^ table[row + w]!;
  }
  for (let j = 0; j < degree; j++) out[outStart + j] = r[j >>> 2]! >>> (24 - 8 * (j & 3));
}
