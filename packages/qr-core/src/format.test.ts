import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatBits, versionBits } from './format.js';

test('Annex C Table C.1: format information bit sequences (after the XOR mask)', () => {
  const expected = {
    L: ['111011111000100', '111001011110011', '111110110101010', '111100010011101', '110011000101111', '110001100011000', '110110001000001', '110100101110110'],
    M: ['101010000010010', '101000100100101', '101111001111100', '101101101001011', '100010111111001', '100000011001110', '100111110010111', '100101010100000'],
    Q: ['011010101011111', '011000001101000', '011111100110001', '011101000000110', '010010010110100', '010000110000011', '010111011011010', '010101111101101'],
    H: ['001011010001001', '001001110111110', '001110011100111', '001100111010000', '000011101100010', '000001001010101', '000110100001100', '000100000111011'],
  } as const;
  for (const [ecl, rows] of Object.entries(expected)) {
    rows.forEach((bits, mask) => assert.equal(formatBits(ecl as keyof typeof expected, mask), parseInt(bits, 2), `${ecl} mask ${mask}`));
  }
});

test('Annex D Table D.1: version information bit sequences', () => {
  const expected: Record<number, number> = { 7: 0x07c94, 8: 0x085bc, 9: 0x09a99, 10: 0x0a4d3, 20: 0x149a6, 32: 0x209d5, 39: 0x27541, 40: 0x28c69 };
  for (const [version, bits] of Object.entries(expected)) assert.equal(versionBits(Number(version)), bits, `version ${version}`);
});
