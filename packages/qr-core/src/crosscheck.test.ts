/**
 * Differential test against the reference encoder (Project Nayuki's, see test-support/reference.ts):
 * where one segment is the optimal encoding, the module matrix — version, ECL, mask and every
 * module — is fully determined by ISO/IEC 18004:2015, so ours must equal the reference's bit for bit.
 * Inputs are random but seeded: a failure prints its seed; QR_TEST_SEED=<seed> replays it.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { encode } from './index.js';
import { ECLS } from './tables.js';
import type { EncodeOptions } from './encode.js';
import type { Ecl } from './symbol.js';
import { capacity, type Capacity } from './test-support/capacity-table.js';
import {
  ALPHANUMERIC,
  ALPHANUMERIC_LETTERS,
  DIGITS,
  LOWERCASE_TEXT,
  PRINTABLE_ASCII,
  UNICODE_TEXT,
  UTF8_OUTSIDE_SHIFT_JIS,
  randomInt,
  randomKanji,
  randomString,
  randomTextOfBytes,
  seededRandom,
  testSeed,
  type Random,
} from './test-support/random.js';
import { referenceSymbol, type ReferenceOptions, type ReferenceSegment, type ReferenceSymbol } from './test-support/reference.js';

const utf8 = new TextEncoder();

/** One input, as we are asked to encode it and as the reference is. */
interface Case {
  input: string;
  options: EncodeOptions;
  segments: ReferenceSegment[];
  reference: ReferenceOptions;
}

function describe(seed: number, index: number, testCase: Case): string {
  const input = testCase.input.length > 120 ? `${JSON.stringify(testCase.input.slice(0, 120))}… (${testCase.input.length} chars)` : JSON.stringify(testCase.input);
  return `seed ${seed}, case ${index}: encode(${input}, ${JSON.stringify(testCase.options)})`;
}

function assertSameSymbol(ours: ReturnType<typeof encode>, reference: ReferenceSymbol, context: string): void {
  assert.deepEqual(
    { version: ours.version, ecl: ours.ecl, mask: ours.mask },
    { version: reference.version, ecl: reference.ecl, mask: reference.mask },
    `${context}: version/ECL/mask differ from the reference`,
  );
  assert.equal(ours.size, reference.size, context);
  let differing = 0;
  let first = -1;
  for (let i = 0; i < reference.modules.length; i++) {
    if (ours.modules[i] !== reference.modules[i]) {
      differing++;
      if (first < 0) first = i;
    }
  }
  if (differing > 0) {
    const x = first % reference.size;
    const y = Math.floor(first / reference.size);
    assert.fail(`${context}: ${differing} modules differ from the reference, the first at x=${x}, y=${y}`);
  }
}

function check(seed: number, cases: Iterable<Case>): number {
  let count = 0;
  for (const testCase of cases) {
    const context = describe(seed, count, testCase);
    let ours: ReturnType<typeof encode>;
    try {
      ours = encode(testCase.input, testCase.options);
    } catch (error) {
      assert.fail(`${context} threw ${String(error)}`);
    }
    assertSameSymbol(ours, referenceSymbol(testCase.segments, testCase.reference), context);
    count++;
  }
  return count;
}

type Kind = 'numeric' | 'alphanumeric' | 'ascii' | 'utf8' | 'kanji' | 'utf8-eci';

/** A random input of `kind` in one segment, `size` characters (bytes for byte mode) long. */
function singleSegmentInput(random: Random, kind: Kind, size: number, auto: boolean): { input: string; mode: EncodeOptions['mode']; segments: ReferenceSegment[] } {
  switch (kind) {
    case 'numeric': {
      const text = randomString(random, DIGITS, size);
      return { input: text, mode: auto ? 'auto' : 'numeric', segments: [{ mode: 'numeric', text }] };
    }
    case 'alphanumeric': {
      // Digits among letters could make a numeric segment the cheaper choice for 'auto'.
      const text = randomString(random, auto ? ALPHANUMERIC_LETTERS : ALPHANUMERIC, size);
      return { input: text, mode: auto ? 'auto' : 'alphanumeric', segments: [{ mode: 'alphanumeric', text }] };
    }
    case 'ascii': {
      // Lower-case text has no run of alphanumeric characters long enough to pay for a segment.
      const text = randomString(random, auto ? LOWERCASE_TEXT : PRINTABLE_ASCII, size);
      return { input: text, mode: auto ? 'auto' : 'byte', segments: [{ mode: 'byte', data: utf8.encode(text) }] };
    }
    case 'utf8':
    case 'utf8-eci': {
      // For 'auto', no character that kanji mode could take.
      const text = randomTextOfBytes(random, auto ? UTF8_OUTSIDE_SHIFT_JIS : UNICODE_TEXT, size);
      const bytes: ReferenceSegment = { mode: 'byte', data: utf8.encode(text) };
      return {
        input: text,
        mode: auto ? 'auto' : 'byte',
        segments: kind === 'utf8-eci' ? [{ mode: 'eci', assignment: 26 }, bytes] : [bytes],
      };
    }
    case 'kanji': {
      const { text, sjisCodes } = randomKanji(random, size);
      return { input: text, mode: auto ? 'auto' : 'kanji', segments: [{ mode: 'kanji', sjisCodes }] };
    }
  }
}

function capacityOf(kind: Kind, cell: Capacity): number {
  switch (kind) {
    case 'numeric':
    case 'alphanumeric':
    case 'kanji':
      return cell[kind];
    case 'ascii':
    case 'utf8':
      return cell.byte;
    case 'utf8-eci':
      return cell.byte - 2; // the ECI designator takes 12 bits (§7.4.2.1)
  }
}

/**
 * A case whose data needs a random version (so versions 1..40 come up alike): its size lies
 * between what the previous version and this one hold. Options are drawn at random too.
 */
function randomCase(random: Random, kind: Kind, ecl: Ecl, auto: boolean): Case {
  const version = randomInt(random, 1, 40);
  const smaller = version === 1 ? 0 : capacityOf(kind, capacity(version - 1, ecl));
  const size = randomInt(random, smaller + 1, Math.max(smaller + 1, capacityOf(kind, capacity(version, ecl))));
  const { input, mode, segments } = singleSegmentInput(random, kind, size, auto);
  const options: EncodeOptions = { ecl, mode };
  const reference: ReferenceOptions = { ecl };
  if (kind === 'utf8-eci') options.eci = 26;
  if (random() < 0.4) options.mask = reference.mask = randomInt(random, 0, 7);
  if (random() < 0.25) options.minVersion = reference.minVersion = randomInt(random, version, 40);
  if (random() < 0.5) options.boostEcl = reference.boostEcl = random() < 0.5;
  return { input, options, segments, reference };
}

const EXPLICIT_KINDS: readonly Kind[] = ['numeric', 'alphanumeric', 'ascii', 'utf8', 'kanji', 'utf8-eci'];
const AUTO_KINDS: readonly Kind[] = ['numeric', 'alphanumeric', 'ascii', 'utf8', 'kanji'];

test('single segments in their own mode: every ECL, random versions, masks, minVersion and boostEcl', () => {
  const seed = testSeed(0x5eed0001);
  const random = seededRandom(seed);
  function* cases(): Generator<Case> {
    for (let i = 0; i < 240; i++) yield randomCase(random, EXPLICIT_KINDS[i % EXPLICIT_KINDS.length]!, ECLS[(i >> 1) % 4]!, false);
  }
  assert.equal(check(seed, cases()), 240);
});

test("mode 'auto' where one segment is optimal: pure digits, alphanumeric, lower-case, non-Japanese UTF-8, kanji", () => {
  const seed = testSeed(0x5eed0002);
  const random = seededRandom(seed);
  function* cases(): Generator<Case> {
    for (let i = 0; i < 150; i++) yield randomCase(random, AUTO_KINDS[i % AUTO_KINDS.length]!, ECLS[(i >> 1) % 4]!, true);
  }
  assert.equal(check(seed, cases()), 150);
});

test('every forced mask 0..7 at every ECL', () => {
  const seed = testSeed(0x5eed0003);
  const random = seededRandom(seed);
  function* cases(): Generator<Case> {
    for (const ecl of ECLS) {
      for (let mask = 0; mask < 8; mask++) {
        for (const kind of ['numeric', 'ascii', 'kanji'] as const) {
          const { input, mode, segments } = singleSegmentInput(random, kind, randomInt(random, 1, 80), false);
          yield { input, options: { ecl, mode, mask }, segments, reference: { ecl, mask } };
        }
      }
    }
  }
  assert.equal(check(seed, cases()), 4 * 8 * 3);
});

test('every version 1..40 through minVersion, each at two ECLs, best mask', () => {
  const seed = testSeed(0x5eed0004);
  const random = seededRandom(seed);
  function* cases(): Generator<Case> {
    for (let version = 1; version <= 40; version++) {
      for (const ecl of version % 2 === 1 ? (['L', 'Q'] as const) : (['M', 'H'] as const)) {
        const { input, mode, segments } = singleSegmentInput(random, 'alphanumeric', randomInt(random, 1, 20), false);
        yield { input, options: { ecl, mode, minVersion: version }, segments, reference: { ecl, minVersion: version } };
      }
    }
  }
  assert.equal(check(seed, cases()), 80);
});

test('boostEcl raises the ECL exactly as far as the reference does, and not at all when false', () => {
  const seed = testSeed(0x5eed0005);
  const random = seededRandom(seed);
  let boosted = 0;
  function* cases(): Generator<Case> {
    for (let i = 0; i < 80; i++) {
      const testCase = randomCase(random, EXPLICIT_KINDS[i % EXPLICIT_KINDS.length]!, ECLS[i % 4]!, false);
      const boostEcl = i % 2 === 0;
      testCase.options.boostEcl = testCase.reference.boostEcl = boostEcl;
      if (boostEcl && referenceSymbol(testCase.segments, testCase.reference).ecl !== testCase.options.ecl) boosted++;
      yield testCase;
    }
  }
  assert.equal(check(seed, cases()), 80);
  assert.ok(boosted > 10, `only ${boosted} of 40 boosted cases raised the ECL: the test needs inputs with room to spare`);
});
