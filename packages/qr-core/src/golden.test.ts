/**
 * Golden symbols: whole symbols drawn as text, '#' dark and '.' light, one line per row from the top, so that
 * a reader sees what is checked; each is compared module for module with what `encode` makes.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { encode, encodeSegments } from './encode.js';
import { makeNumeric } from './segments.js';
import type { QrSymbol } from './symbol.js';
import { readFormat, readVersion, type Dark } from './test-support/read-back.js';
import { referenceSymbol, type ReferenceSymbol } from './test-support/reference.js';

/**
 * ISO/IEC 18004:2015 Annex I, the worked example: "01234567" in numeric mode at version 1-M, drawn in the
 * standard with data mask 010. How the mask was checked: zint's test suite transcribes the standard's figure
 * module by module and labels it "mask 010" (backend/tests/test_qr.c, "ISO 18004 Annex I I.2"); the
 * format information in that picture reads 101111001111100, which Table C.1 gives for M with mask 010
 * (checked below); and zint 2.11.1 (Debian) draws exactly this picture when told that mask:
 * `zint --barcode=58 --vers=1 --secure=2 --mask=2 --dump -d 01234567`, the source of the text here.
 * The penalty rules pick mask 000 for these codewords (nayuki's encoder agrees), hence the forced mask.
 */
const ANNEX_I = `
  #######..#.##.#######
  #.....#..####.#.....#
  #.###.#.#.....#.###.#
  #.###.#.##....#.###.#
  #.###.#.#.###.#.###.#
  #.....#.#...#.#.....#
  #######.#.#.#.#######
  ........#..##........
  #.#####..#..#.#####..
  ...#.#.##.#.#..#.##..
  ..#...##.#.#.#..#####
  ....#....#.....####..
  ...######..#.#..#....
  ........#.#####..##..
  #######..##.#.##.....
  #.....#.#.#####...#.#
  #.###.#.#...#..#.##..
  #.###.#.##..#..#.....
  #.###.#.#.##.#..#.#..
  #.....#........##.##.
  #######.####.#..#.#..
`;

/**
 * Version 7, the first with version information (§7.10): 85 bytes of text at ECL Q, the mask left to the
 * penalty rules (all three encoders below choose 010). From zint 2.11.1 (Debian),
 * `zint --barcode=58 --secure=3 --dump -d '<the text>'`; nayuki-qr-code-generator draws the same, which the
 * test checks again at run time.
 */
const VERSION_7_TEXT = 'Version 7 is the first to carry version information: two 6 x 3 blocks by the finders.';
const VERSION_7 = `
  #######.#.......#.#.#.#..#.#..####..#.#######
  #.....#...##.#..#####.....##...#.#.#..#.....#
  #.###.#...#.##.####...#######.#.##.#..#.###.#
  #.###.#..##..###.######.#.#...##...##.#.###.#
  #.###.#.####....#..######...###...###.#.###.#
  #.....#.#...##..#..##...#....#.#.#....#.....#
  #######.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#######
  ..........#.#########...#.###...##.##........
  .#######...#..#.###.######...###.#.....##...#
  .##..........#......##..##.#.####..###.######
  ..#..##..####....##..##.#.##...####..###...#.
  #...#...#...#..##..#.#.######..##..##..#####.
  .###..#....##....#......###......###.........
  ##.###...##.##.##..#.......#..#.#..###.#.##.#
  .#....#..#.#.###...#.###..##...######.###..#.
  .#.#.#.##..#.##.###.#.#.#..##.#.#.#...###.#..
  .######.#.###..#####.###..##.#.#..#..#.#...#.
  .#..#..##...####......#..#..#####..##..#..##.
  #....###.###..#.##.#.##.####.....####.###.##.
  ..#..#.#.#.#..#..#..#....######.##...#######.
  ..#######....##.#..######.##.##..##.######.#.
  .##.#...##......#...#...###.###....##...###.#
  .##.#.#.#....#.#...##.#.#..#.#.#..###.#.#....
  .#..#...#...###..##.#...#####.###...#...####.
  ##.########.#...###.######.#..#.....#####...#
  ...#.#.##...#.##.#.###..###.###.....##.....##
  ...#.##..####...#.##...##..#......#.##.##.#..
  .#.##...########..##...#....###.#####.##.##..
  ##.#.####....#..####.#.#.##...##........#....
  .##..#.#.##.....#.#...#...##.##.#..##.....#.#
  .##...#.#.###...##.#.#.##.#....####....##..#.
  ...#.#...#.#.###.##....###.###..##.#.###.##.#
  ..###.##...#.##...##.####.##.#.#.##..#.###.##
  .##.##.#.#.##.#..#.###..#.#####.....##.#.#..#
  ....#.##.###.#.#.##..#....#.#..####......#.#.
  .####...##..#####..#.########.#.####..#..####
  #..##.#.###..#....#.######.#..##....######...
  ........##.####.#...#...##..#####...#...#.###
  #######.##.#..#.#####.#.#...##.####.#.#.#.##.
  #.....#.###..##.#####...###.#..##.#.#...###..
  #.###.#.##.....##########.#..#.#.##.######...
  #.###.#.#.#...#...###.##.#...##.##......####.
  #.###.#.#..###....##...###.###...######...##.
  #.....#.#..#.##....##..##...#.####...#...##..
  #######.....#.#######.##.#.....#..###.#....#.
`;

/** A symbol as a picture in the form above. */
function picture(size: number, dark: Dark): string {
  const lines: string[] = [];
  for (let y = 0; y < size; y++) {
    let line = '';
    for (let x = 0; x < size; x++) line += dark(x, y) ? '#' : '.';
    lines.push(line);
  }
  return lines.join('\n');
}

/** The picture's modules, from the text between the backquotes (indentation and blank lines dropped). */
function parse(golden: string): { size: number; dark: Dark } {
  const lines = golden.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const size = lines.length;
  for (const line of lines) assert.match(line, new RegExp(`^[#.]{${size}}$`), 'a golden picture is square, of # and .');
  return { size, dark: (x, y) => lines[y]?.[x] === '#' };
}

function referenceDark(reference: ReferenceSymbol): Dark {
  return (x, y) => reference.modules[y * reference.size + x] === 1;
}

/** Module for module; a failure names the first modules that differ and shows both pictures. */
function assertPicture(qr: QrSymbol, golden: string): void {
  const { size, dark } = parse(golden);
  assert.equal(qr.size, size, 'symbol size');
  const differing: string[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (qr.get(x, y) !== dark(x, y)) differing.push(`(${x}, ${y})`);
  }
  assert.equal(
    differing.length,
    0,
    `${differing.length} modules differ, first ${differing.slice(0, 8).join(' ')}:\nexpected\n${picture(size, dark)}\nencoded\n${picture(size, (x, y) => qr.get(x, y))}`,
  );
}

test('Annex I: "01234567" at 1-M with mask 010 is the standard\'s symbol', () => {
  const { size, dark } = parse(ANNEX_I);
  // Table C.1, M with mask 010, in both copies of the format information: the picture's own mask.
  assert.equal(readFormat(dark, size, 0), '101111001111100');
  assert.equal(readFormat(dark, size, 1), '101111001111100');
  const qr = encode('01234567', { ecl: 'M', mask: 2 });
  assert.deepEqual([qr.version, qr.ecl, qr.mask], [1, 'M', 2]);
  assertPicture(qr, ANNEX_I);
  assertPicture(encodeSegments([makeNumeric('01234567')], { ecl: 'M', mask: 2 }), ANNEX_I);
  assert.equal(picture(size, referenceDark(referenceSymbol([{ mode: 'numeric', text: '01234567' }], { ecl: 'M', mask: 2 }))), picture(size, dark));
});

test('version 7: version information (Annex D) in both blocks, the mask the penalty rules choose', () => {
  const { size, dark } = parse(VERSION_7);
  assert.equal(size, 45);
  // Table D.1, version 7.
  assert.equal(readVersion(dark, size, 'bottom-left'), '000111110010010100');
  assert.equal(readVersion(dark, size, 'top-right'), '000111110010010100');
  // Table C.1, Q with mask 010.
  assert.equal(readFormat(dark, size, 0), '011111100110001');
  assert.equal(readFormat(dark, size, 1), '011111100110001');
  const qr = encode(VERSION_7_TEXT, { ecl: 'Q' });
  assert.deepEqual([qr.version, qr.ecl, qr.mask], [7, 'Q', 2]);
  assertPicture(qr, VERSION_7);
  const reference = referenceSymbol([{ mode: 'byte', data: new TextEncoder().encode(VERSION_7_TEXT) }], { ecl: 'Q' });
  assert.equal(picture(size, referenceDark(reference)), picture(size, dark));
});
