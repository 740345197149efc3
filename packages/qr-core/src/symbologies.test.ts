/**
 * Micro QR, rMQR and GS1 QR end to end, against the two oracles of issue 13: zxing-cpp (zxing-wasm) reads every
 * symbol back to exactly its input from the PNG qr-core draws, and Debian's zint makes the same matrix for the
 * same segments, size and mask. Capacities at every edge come from the standards' tables (Micro QR: ISO/IEC
 * 18004:2015 Table 7) or, for rMQR, from zint refusing one character more at a forced size.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { zxingReader } from '../../../test-support/zxing.mjs';
import { capacityOf, encode, type EncodeOptions } from './encode.js';
import { encodeQR } from './encode-qr.js';
import { toPNG } from './png.js';
import { toSVG } from './svg.js';
import { toTerminal } from './terminal.js';
import type { DataMode } from './segments.js';
import type { Ecl, QrSymbol } from './symbol.js';
import { zintMatrix, zintRun } from './test-support/zint.js';

const readBarcodes = await zxingReader();

const FORMAT = { qr: 'QRCode', micro: 'MicroQRCode', rmqr: 'rMQRCode' } as const;

/** zxing's reading of the PNG qr-core draws of `qr` (scale 4, the symbology's quiet zone). */
async function read(qr: QrSymbol, png = toPNG(qr, { scale: 4 })) {
  const results = await readBarcodes(new Blob([new Uint8Array(png)]), { formats: [FORMAT[qr.symbology]], tryHarder: true, maxNumberOfSymbols: 1 });
  const result = results[0];
  assert.ok(result?.isValid, `zxing reads ${qr.designator}${result?.error ? `: ${result.error}` : ''}`);
  const extra = JSON.parse(result.extra) as { Version?: string; ECLevel?: string; DataMask?: number };
  return { text: result.text, symbologyIdentifier: result.symbologyIdentifier, contentType: result.contentType, version: extra.Version, ecl: extra.ECLevel, mask: extra.DataMask };
}

function rows(qr: QrSymbol): boolean[][] {
  return Array.from({ length: qr.height }, (_, y) => Array.from({ length: qr.width }, (_, x) => qr.get(x, y)));
}

/** Text of `length` characters that 'auto' encodes as one segment of `mode`. */
function textOf(mode: DataMode, length: number): string {
  const alphabet = { numeric: '0123456789', alphanumeric: 'ABCXYZ $%*+-./:', byte: 'abcxyz', kanji: '点茗漢字' }[mode];
  return Array.from({ length }, (_, i) => alphabet[(i * 7) % alphabet.length]).join('');
}

/** ISO/IEC 18004:2015 Table 7, the Micro QR rows: the most characters of each mode per symbol. */
const MICRO_CAPACITY: readonly (readonly [number, Ecl, Partial<Record<DataMode, number>>])[] = [
  [1, 'L', { numeric: 5 }],
  [2, 'L', { numeric: 10, alphanumeric: 6 }],
  [2, 'M', { numeric: 8, alphanumeric: 5 }],
  [3, 'L', { numeric: 23, alphanumeric: 14, byte: 9, kanji: 6 }],
  [3, 'M', { numeric: 18, alphanumeric: 11, byte: 7, kanji: 4 }],
  [4, 'L', { numeric: 35, alphanumeric: 21, byte: 15, kanji: 9 }],
  [4, 'M', { numeric: 30, alphanumeric: 18, byte: 13, kanji: 8 }],
  [4, 'Q', { numeric: 21, alphanumeric: 13, byte: 9, kanji: 5 }],
];

const ZINT_SECURE: Readonly<Record<Ecl, number>> = { L: 1, M: 2, Q: 3, H: 4 };

describe('Micro QR (M1–M4)', () => {
  for (const [version, ecl, capacities] of MICRO_CAPACITY) {
    for (const [mode, most] of Object.entries(capacities) as [DataMode, number][]) {
      const only = { symbology: 'micro', ecl, minVersion: version, maxVersion: version } as const;
      it(`M${version}-${ecl} ${mode}: ${most} fit, read back by zxing, equal zint's for every mask and the chosen one; ${most + 1} do not`, async () => {
        assert.equal(capacityOf(mode, only), most);
        const data = textOf(mode, most);
        const qr = encode(data, only);
        assert.equal(qr.designator, version === 1 ? 'M1' : `M${version}-${ecl}`);
        assert.deepEqual([qr.width, qr.height, qr.size], [2 * version + 9, 2 * version + 9, 2 * version + 9]);
        const decoded = await read(qr);
        assert.deepEqual([decoded.text, decoded.version, decoded.ecl, decoded.mask], [data, `M${version}`, ecl, qr.mask]);
        const args = ['-b', '97', `--vers=${version}`, `--secure=${ZINT_SECURE[ecl]}`];
        // The evaluation of §7.8.3.2 picks the mask: zint's choice is the same.
        assert.deepEqual(rows(qr), zintMatrix(args, data, qr.width), 'the chosen mask');
        for (let mask = 0; mask < 4; mask++) {
          const forced = encode(data, { ...only, mask });
          assert.equal(forced.mask, mask);
          assert.deepEqual(rows(forced), zintMatrix([...args, `--mask=${mask}`], data, qr.width), `mask ${mask}`);
        }
        assert.throws(() => encode(textOf(mode, most + 1), only), { code: 'DATA_TOO_LONG', message: new RegExp(`a Micro QR symbol${version < 4 ? ` up to M${version}` : ''} holds at most ${most} `) });
      });
    }
  }

  it('picks the smallest symbol that holds the data at the ECL, within minVersion..maxVersion', () => {
    assert.equal(encode('12345', { symbology: 'micro', ecl: 'L' }).designator, 'M1');
    assert.equal(encode('12345', { symbology: 'micro' }).designator, 'M2-M', "M1 has no ECL M: the default ECL M starts at M2");
    assert.equal(encode('123456', { symbology: 'micro', ecl: 'L' }).designator, 'M2-L');
    assert.equal(encode('HELLO', { symbology: 'micro', ecl: 'L', minVersion: 3 }).designator, 'M3-L');
    assert.equal(encode('hello', { symbology: 'micro', ecl: 'L' }).designator, 'M3-L', 'byte mode starts at M3');
    assert.equal(encode('1', { symbology: 'micro', ecl: 'Q' }).designator, 'M4-Q');
    assert.equal(encode('12345', { symbology: 'micro', ecl: 'L', boostEcl: true }).designator, 'M1', 'M1 has no stronger level');
    assert.equal(encode('123456', { symbology: 'micro', ecl: 'L', boostEcl: true }).designator, 'M2-M');
    // Mixed data, segmented with each symbol's modes and count lengths: M1 has no alphanumeric mode, and in M2
    // 'ABC' + ten digits take 1 + 3 + 17 and 1 + 4 + 34 bits, 60 > 40; in M3 64 ≤ 84.
    assert.equal(encode('ABC1234567890', { symbology: 'micro', ecl: 'L' }).designator, 'M3-L');
    assert.equal(encode('ABC123', { symbology: 'micro', ecl: 'L' }).designator, 'M2-L');
  });

  it('refuses what Micro QR lacks, saying what to do', () => {
    assert.throws(() => encode('1', { symbology: 'micro', ecl: 'H' }), { code: 'INVALID_OPTION', message: /ecl must be one of "L", "M", "Q"; got string "H"/ });
    assert.throws(() => encode('1', { symbology: 'micro', ecl: 'Q', maxVersion: 3 }), { code: 'INVALID_OPTION', message: /has ECL Q only from M4: allow maxVersion 4/ });
    assert.throws(() => encode('1', { symbology: 'micro', eci: 26 }), { code: 'INVALID_OPTION', message: /no ECI/ });
    assert.throws(() => encode('(01)09506000134352', { symbology: 'micro', gs1: true }), { code: 'INVALID_OPTION', message: /no FNC1 mode/ });
    assert.throws(() => encode('1', { symbology: 'micro', maxVersion: 5 }), { code: 'INVALID_OPTION', message: /maxVersion must be an integer from 1 to 4/ });
    assert.throws(() => encode('1', { symbology: 'micro', mask: 4 }), { code: 'INVALID_OPTION', message: /mask must be an integer from 0 to 3/ });
    assert.throws(() => encode('1', { symbology: 'micro', maxHeight: 9 }), { code: 'INVALID_OPTION', message: /maxHeight and maxWidth bound rMQR symbols/ });
    assert.throws(() => encode('x'.repeat(16), { symbology: 'micro' }), { code: 'DATA_TOO_LONG', message: /at ECL M a Micro QR symbol holds at most 13 bytes in byte mode: .*use symbology 'qr'/ });
    assert.throws(() => encode('12345678', { symbology: 'micro', ecl: 'L', maxVersion: 1 }), { code: 'DATA_TOO_LONG', message: /a Micro QR symbol up to M1 holds at most 5 digits/ });
    assert.throws(() => encode('hi', { symbology: 'micro', ecl: 'L', maxVersion: 2 }), { code: 'DATA_TOO_LONG', message: /a Micro QR symbol up to M2 has no mode for some characters of the data .*allow a larger maxVersion/ });
  });
});

const RMQR_SIZES = Array.from({ length: 32 }, (_, i) => i + 1);

describe('rMQR (ISO/IEC 23941), every size × ECL', () => {
  for (const version of RMQR_SIZES) {
    for (const ecl of ['M', 'H'] as const) {
      const only = { symbology: 'rmqr', ecl, minVersion: version, maxVersion: version } as const;
      const designator = encode('1', only).designator;
      it(`${designator}: the longest numeric, alphanumeric, byte and kanji data fits, is read back by zxing and equals zint's symbol; one more fails in zint too`, async () => {
        const args = ['-b', '145', `--vers=${version}`, `--secure=${ecl === 'M' ? 2 : 4}`];
        for (const mode of ['numeric', 'alphanumeric', 'byte', 'kanji'] as const) {
          const most = capacityOf(mode, only);
          const data = textOf(mode, most);
          const qr = encode(data, only);
          assert.equal(qr.designator, designator);
          assert.equal(qr.mask, 0, 'rMQR has one mask');
          const decoded = await read(qr);
          assert.deepEqual([decoded.text, `${decoded.version}-${decoded.ecl}`], [data, designator], mode);
          assert.deepEqual(rows(qr), zintMatrix(args, data, qr.width), `${mode}: zint's matrix`);
          const longer = textOf(mode, most + 1);
          assert.throws(() => encode(longer, only), { code: 'DATA_TOO_LONG', message: /an rMQR symbol/ });
          assert.ok(zintRun(args, longer, qr.width).error, `zint refuses ${most + 1} ${mode} characters in ${designator} too`);
        }
      });
    }
  }

  it('picks the smallest area that holds the data, bounded by maxHeight and maxWidth', () => {
    const fits = (data: string, version: number): boolean => {
      try {
        encode(data, { symbology: 'rmqr', minVersion: version, maxVersion: version });
        return true;
      } catch {
        return false;
      }
    };
    for (const data of ['1', 'ABC-123', '12345678901234567890', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123', 'https://example.com/a/longer/path']) {
      const qr = encode(data, { symbology: 'rmqr' });
      const smallest = Math.min(...RMQR_SIZES.filter((v) => fits(data, v)).map((v) => {
        const symbol = encode('1', { symbology: 'rmqr', minVersion: v, maxVersion: v });
        return symbol.width * symbol.height;
      }));
      assert.equal(qr.width * qr.height, smallest, `${data}: ${qr.designator}`);
      const low = encode(data, { symbology: 'rmqr', maxHeight: 9 });
      assert.ok(low.height <= 9, `maxHeight 9: ${low.designator}`);
      const lowest = RMQR_SIZES.filter((v) => fits(data, v)).map((v) => encode('1', { symbology: 'rmqr', minVersion: v, maxVersion: v })).filter((s) => s.height <= 9);
      assert.equal(low.width * low.height, Math.min(...lowest.map((s) => s.width * s.height)));
    }
    assert.equal(encode('1', { symbology: 'rmqr', maxWidth: 43, maxHeight: 7 }).designator, 'R7x43-M');
    assert.throws(() => encode('1', { symbology: 'rmqr', maxWidth: 30, maxHeight: 9 }), { code: 'INVALID_OPTION', message: /no rMQR size is at most 9 modules high and 30 wide/ });
    assert.throws(() => encode('x'.repeat(40), { symbology: 'rmqr', maxHeight: 7, maxWidth: 59 }), { code: 'DATA_TOO_LONG', message: /an rMQR symbol up to R7x59 holds at most \d+ bytes.*allow a larger maxHeight, maxWidth or maxVersion/ });
  });

  it('refuses ECLs L and Q, and maxHeight or maxWidth out of range', () => {
    assert.throws(() => encode('1', { symbology: 'rmqr', ecl: 'L' }), { code: 'INVALID_OPTION', message: /ecl must be one of "M", "H"/ });
    assert.throws(() => encode('1', { symbology: 'rmqr', ecl: 'Q' }), { code: 'INVALID_OPTION', message: /ecl must be one of "M", "H"/ });
    assert.throws(() => encode('1', { symbology: 'rmqr', maxHeight: 5 }), { code: 'INVALID_OPTION', message: /maxHeight must be an integer from 7 to 17/ });
    assert.throws(() => encode('1', { symbology: 'rmqr', mask: 1 }), { code: 'INVALID_OPTION', message: /mask must be an integer from 0 to 0/ });
    assert.throws(() => encode('1', { symbology: 'pdf417' } as unknown as EncodeOptions), { code: 'INVALID_OPTION', message: /symbology must be one of "qr", "micro", "rmqr"/ });
  });
});

describe('GS1 (FNC1 in first position, §7.4.8.2)', () => {
  const cases = [
    '(01)09506000134352(17)201225(10)ABC1',
    '(00)106141412345678908',
    '(01)09506000134352(10)AB%C12(21)XYZ-1',
    '(01)09506000134352(3103)000189(15)241231(21)12345678',
    '(8004)0950600013435SERIAL(17)250101',
  ];
  for (const symbology of ['qr', 'rmqr'] as const) {
    for (const input of cases) {
      it(`${symbology}: ${input} is read as GS1 (]Q3) in bracketed form, and equals zint's symbol`, async () => {
        const qr = encode(input, { symbology, gs1: true });
        const decoded = await read(qr);
        assert.deepEqual([decoded.text, decoded.symbologyIdentifier, decoded.contentType], [input, ']Q3', 'GS1']);
        const zint = symbology === 'qr' ? ['-b', '58', `--vers=${qr.version}`, '--secure=2', `--mask=${qr.mask}`] : ['-b', '145', `--vers=${qr.version}`, '--secure=2'];
        assert.deepEqual(rows(qr), zintMatrix([...zint, '--gs1'], input.replace(/\((\d+)\)/g, '[$1]'), qr.width));
      });
    }
  }

  it('the raw form with GS gives the same symbol as the bracketed form', () => {
    assert.deepEqual(rows(encode('10ABC1\u001d17201225', { gs1: true })), rows(encode('(10)ABC1(17)201225', { gs1: true })));
  });

  it('a wrong element string is INVALID_DATA naming the AI; GS1 takes text and no ECI', () => {
    assert.throws(() => encode('(01)09506000134353', { gs1: true }), { code: 'INVALID_DATA', message: /AI \(01\).*check digit/ });
    assert.throws(() => encode(new Uint8Array([0x30]), { gs1: true }), { code: 'INVALID_DATA', message: /gs1 data must be a string/ });
    assert.throws(() => encode('(01)09506000134352', { gs1: true, eci: 26 }), { code: 'INVALID_OPTION', message: /leave out eci/ });
  });
});

describe('renderers draw every symbology, with its quiet zone', () => {
  const rmqr = encode('ABC-123', { symbology: 'rmqr' });
  const micro = encode('12345', { symbology: 'micro' });

  it('PNG: width and height in the IHDR, 2 modules of quiet zone by default', () => {
    const png = toPNG(rmqr, { scale: 3 });
    const view = new DataView(png.buffer, png.byteOffset);
    assert.deepEqual([view.getUint32(16), view.getUint32(20)], [(rmqr.width + 4) * 3, (rmqr.height + 4) * 3]);
    const withMargin = toPNG(micro, { scale: 2, margin: 4 });
    assert.equal(new DataView(withMargin.buffer, withMargin.byteOffset).getUint32(16), (micro.width + 8) * 2);
  });

  it('SVG: a viewBox of the rectangle with its quiet zone, and a width and height in proportion', () => {
    const svg = toSVG(rmqr, { size: 310 });
    assert.match(svg, new RegExp(`viewBox="0 0 ${rmqr.width + 4} ${rmqr.height + 4}" width="310" height="${Math.round((310 * (rmqr.height + 4)) / (rmqr.width + 4))}"`));
    assert.match(toSVG(micro), new RegExp(`viewBox="0 0 ${micro.width + 4} ${micro.width + 4}"`));
  });

  it('terminal: one line per two module rows, each as wide as the symbol and its quiet zone', () => {
    const lines = toTerminal(rmqr).split('\n');
    assert.equal(lines.length, Math.ceil((rmqr.height + 4) / 2));
    assert.ok(lines.every((line) => [...line].length === rmqr.width + 4));
  });

  it('the styles that readers find are drawn and read back; the others are refused', async () => {
    for (const moduleShape of ['square', 'rounded', 'dots'] as const) {
      for (const scale of [4, 6, 10]) {
        assert.equal((await read(micro, toPNG(micro, { scale, moduleShape, finderColor: '#1a4fa0' }))).text, '12345', `Micro QR ${moduleShape} at scale ${scale}`);
      }
    }
    for (const scale of [4, 6, 10]) assert.equal((await read(rmqr, toPNG(rmqr, { scale, moduleShape: 'dots' }))).text, 'ABC-123', `rMQR dots at scale ${scale}`);
    assert.throws(() => toSVG(micro, { finderShape: 'circle' }), { code: 'INVALID_OPTION', message: /Micro QR symbols are found by their one finder pattern/ });
    assert.throws(() => toPNG(rmqr, { finderShape: 'rounded' }), { code: 'INVALID_OPTION', message: /rMQR symbols are found by their one finder pattern/ });
    assert.throws(() => toPNG(rmqr, { moduleShape: 'rounded' }), { code: 'INVALID_OPTION', message: /moduleShape 'square' or 'dots'/ });
    assert.throws(() => toSVG(micro, { logo: { image: 'data:image/svg+xml,<svg/>' } }), { code: 'INVALID_OPTION', message: /logos are drawn on QR codes only/ });
  });
});

describe('encodeQR: encode for QR codes alone', () => {
  it('makes the same symbols as encode, and sends other symbologies and GS1 to encode', () => {
    for (const [data, options] of [['https://example.com', {}], ['HELLO 123', { ecl: 'H', mask: 3 }], ['点茗', { minVersion: 5 }]] as const) {
      assert.deepEqual(rows(encodeQR(data, options)), rows(encode(data, options)));
    }
    assert.throws(() => encodeQR('1', { symbology: 'micro' }), { code: 'INVALID_OPTION', message: /this encoder makes no Micro QR symbols: use encode/ });
    assert.throws(() => encodeQR('(01)09506000134352', { gs1: true }), { code: 'INVALID_OPTION', message: /reads no GS1 element strings: use encode/ });
  });
});
