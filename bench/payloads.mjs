// The benchmark's inputs: fixed strings, so that every run and every library encodes the same data.

const PROSE =
  'A QR code stores text in a square grid of dark and light modules. Readers find it by its three ' +
  'finder patterns, read the format information, undo the mask and correct errors with Reed-Solomon ' +
  'codes, so that a symbol still scans when part of it is dirty or torn. ';

function prose(length) {
  return PROSE.repeat(Math.ceil(length / PROSE.length)).slice(0, length);
}

/** Decimal digits from a linear congruential generator (Numerical Recipes' constants). */
function digits(length) {
  let state = 12345;
  let text = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    text += String(state % 10);
  }
  return text;
}

/** @type {readonly {name: string, text: string}[]} */
export const ENCODE_PAYLOADS = [
  { name: 'URL', text: 'https://example.com/products/1234?ref=qr' },
  { name: 'text 300 B', text: prose(300) },
  { name: 'text 2000 B', text: prose(2000) },
  { name: '1000 digits', text: digits(1000) },
];

/**
 * The other symbologies' rows (issue 13): a part's 20-digit serial in Micro QR, and a 30-character
 * alphanumeric cable label in rMQR, each in the symbol the encoder chooses at ECL M.
 */
export const SYMBOLOGY_PAYLOADS = [
  { name: 'Micro QR, 20-digit serial', text: digits(20), options: { symbology: 'micro', ecl: 'M' }, zint: ['-b', '97', '--secure=2'] },
  { name: 'rMQR, 30-character label', text: 'CABLE 0042/PORT 17 RACK B3-A.9', options: { symbology: 'rmqr', ecl: 'M' }, zint: ['-b', '145', '--secure=2'] },
];

/** The original service's test URL, rendered at its look (ECL M, 10 px per module, 4-module margin). */
export const PNG_PAYLOAD = 'https://example.com/products/12345?ref=qr';
export const PNG_LOOK = { scale: 10, margin: 4 };
