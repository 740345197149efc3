// @ts-check
/**
 * The runtime matrix's one script (src/runtimes.test.ts): the same inputs encoded and rendered by
 * whatever runtime imports it — Node, Deno, Bun, workerd, Chromium — handed qr-core's portable
 * entry. It returns plain JSON: SVG and terminal text as they are, PNGs in base64.
 */

/** @type {readonly [string, string | Uint8Array, Record<string, unknown>][]} */
export const CASES = [
  ['url', 'https://example.com/products/12345?ref=qr', {}],
  ['utf-8 with emoji', 'Grüße aus Köln 👋🏽 — ça va? 😀', {}],
  ['kanji', '漢字のテスト、日本語', {}],
  ['kanji mode', '漢字', { mode: 'kanji' }],
  ['numeric', '31415926535897932384626433832795028841971693993751', {}],
  ['binary', Uint8Array.from({ length: 96 }, (_, i) => (i * 151 + 7) & 0xff), {}],
  ['version 40', 'Version 40 at ECL H. '.repeat(60), { ecl: 'H' }],
];

/** PNG options: the plain 1-bit file at two scales, a palette with alpha, a styled palette. */
const PNG_OPTIONS = [{}, { scale: 2, margin: 1, dark: '#1a237e', light: '#fff0' }, { scale: 4, moduleShape: 'dots', finderShape: 'rounded' }];

/** @param {Uint8Array} bytes */
function base64(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * @param {typeof import('../dist/index.js')} qr the portable entry
 * @param {string} runtime the name reported back
 */
export async function run(qr, runtime) {
  const cases = [];
  for (const [name, data, options] of CASES) {
    try {
      const symbol = qr.encode(data, options);
      const pngs = [];
      for (const png of PNG_OPTIONS) pngs.push(base64(await qr.toPNGAsync(symbol, png)));
      cases.push({ name, version: symbol.version, ecl: symbol.ecl, mask: symbol.mask, svg: qr.toSVG(symbol), terminal: qr.toTerminal(symbol), pngs });
    } catch (error) {
      const { name: type, code, message } = /** @type {{ name: string, code?: string, message: string }} */ (error);
      cases.push({ name, error: { type, code, message } });
    }
  }
  return { runtime, cases };
}
