/**
 * The edges of the capacity table, ISO/IEC 18004:2015 Table 7: for every version, ECL and mode
 * (kanji included), the longest input encodes at that version, and one character more does not
 * fit it and fails with DATA_TOO_LONG, naming the size given and the size that fits.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { encode, QrError } from './index.js';
import { ECLS } from './tables.js';
import { capacity, type Capacity } from './test-support/capacity-table.js';

const MODES = ['numeric', 'alphanumeric', 'byte', 'kanji'] as const;
type TestedMode = (typeof MODES)[number];

/** One character of each mode, repeated (「あ」 is Shift JIS 0x82A0, in kanji mode's range). */
const FILLER: Readonly<Record<TestedMode, string>> = { numeric: '7', alphanumeric: 'Q', byte: 'q', kanji: 'あ' };

/** The numbers in a message, with any thousands separators removed. */
function numbersIn(message: string): number[] {
  return (message.replace(/(\d)[,\u202f\u00a0](?=\d{3}\b)/g, '$1').match(/\d+/g) ?? []).map(Number);
}

function assertTooLong(run: () => unknown, given: number, fits: number, context: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof QrError, `${context}: expected a QrError, got ${String(error)}`);
    assert.equal(error.code, 'DATA_TOO_LONG', context);
    const numbers = numbersIn(error.message);
    assert.ok(numbers.includes(given), `${context}: the message should state the size given (${given}): "${error.message}"`);
    assert.ok(numbers.includes(fits), `${context}: the message should state what fits (${fits}): "${error.message}"`);
    return true;
  });
}

for (const ecl of ECLS) {
  test(`Table 7 edges at ECL ${ecl}, versions 1..40, every mode`, () => {
    for (let version = 1; version <= 40; version++) {
      const cell: Capacity = capacity(version, ecl);
      for (const mode of MODES) {
        const fits = cell[mode];
        const context = `version ${version}-${ecl}, ${mode} mode, capacity ${fits}`;
        const longest = FILLER[mode].repeat(fits);
        const pinned = { ecl, mode, minVersion: version, maxVersion: version };
        assert.equal(encode(longest, pinned).version, version, context);
        // Automatic version choice: the previous version holds fewer, so this is the smallest.
        assert.equal(encode(longest, { ecl, mode }).version, version, `${context}, version chosen automatically`);
        assertTooLong(() => encode(longest + FILLER[mode], pinned), fits + 1, fits, context);
      }
    }
  });
}

test('one byte more than version 40 holds fails without any version bounds', () => {
  for (const ecl of ECLS) {
    const fits = capacity(40, ecl).byte;
    assertTooLong(() => encode(new Uint8Array(fits + 1), { ecl }), fits + 1, fits, `ECL ${ecl}, Uint8Array`);
    assertTooLong(() => encode('q'.repeat(fits + 1), { ecl }), fits + 1, fits, `ECL ${ecl}, text`);
  }
});
