import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { ZINT } from '../test-support/zint.js';
import { describe, it } from 'node:test';
import { QrError } from '../errors.js';
import { applicationIdentifier, applicationIdentifiers, gs1CheckDigit, GS, parseGs1, PREDEFINED_LENGTHS } from './index.js';
import { fullYear, validateValue } from './validate.js';

/** Asserts that parsing `input` fails with INVALID_DATA and a message matching `message`. */
function rejects(input: string, message: RegExp): void {
  assert.throws(() => parseGs1(input), (error: unknown) => {
    assert.ok(error instanceof QrError, `${JSON.stringify(input)} threw ${String(error)}`);
    assert.equal(error.code, 'INVALID_DATA');
    assert.match(error.message, message);
    return true;
  });
}

describe('parseGs1: GS1 examples', () => {
  it('reads GS1’s GTIN, expiry and batch example; no GS after the predefined-length (01) and (17)', () => {
    const result = parseGs1('(01)09506000134352(17)201225(10)ABC1');
    assert.deepEqual(result.elements, [
      { ai: '01', value: '09506000134352' },
      { ai: '17', value: '201225' },
      { ai: '10', value: 'ABC1' },
    ]);
    assert.equal(result.encoded, '01095060001343521720122510ABC1');
    assert.equal(result.bracketed, '(01)09506000134352(17)201225(10)ABC1');
  });

  it('reads an SSCC', () => {
    assert.equal(parseGs1('(00)106141412345678908').encoded, '00106141412345678908');
  });

  it('puts GS after a variable-length element another follows, not after the last', () => {
    assert.equal(parseGs1('(10)ABC1(17)201225').encoded, `10ABC1${GS}17201225`);
    assert.equal(parseGs1('(01)09506000134352(21)12345(10)A1').encoded, `01095060001343522112345${GS}10A1`);
  });

  it('puts GS after a fixed-length element of no predefined length, e.g. (422) N3', () => {
    assert.equal(parseGs1('(422)250(01)09506000134352').encoded, `422250${GS}0109506000134352`);
  });

  it('puts GS after (235), whose prefix 23 is in the predefined-length table but which is variable-length', () => {
    assert.equal(parseGs1('(01)09506000134352(235)X7(10)B').encoded, `0109506000134352235X7${GS}10B`);
  });

  it('reads a net weight with 3 decimals, (3103)000189', () => {
    assert.equal(parseGs1('(01)09506000134352(3103)000189').encoded, '01095060001343523103000189');
    assert.equal(applicationIdentifier('3103')?.decimals, 3);
    assert.equal(applicationIdentifier('3922')?.decimals, 2);
    assert.equal(applicationIdentifier('10')?.decimals, undefined);
  });
});

describe('parseGs1: the raw form', () => {
  const vectors = [
    '(01)09506000134352(17)201225(10)ABC1',
    '(10)ABC1(17)201225',
    '(00)106141412345678908(400)PO-1(3303)001234',
    '(422)250(8008)2301011230(90)x(91)y',
    '(253)1234567890128abc(8030)ab=',
  ];
  for (const bracketed of vectors) {
    it(`round-trips ${bracketed}`, () => {
      const parsed = parseGs1(bracketed);
      const raw = parseGs1(parsed.encoded);
      assert.deepEqual(raw.elements, parsed.elements);
      assert.equal(raw.encoded, parsed.encoded);
      assert.equal(raw.bracketed, bracketed);
    });
  }

  it('accepts a GS after a predefined-length element and drops it from encoded', () => {
    assert.equal(parseGs1(`0109506000134352${GS}10ABC1`).encoded, '010950600013435210ABC1');
  });

  it('refuses a GS with no element before it, and a trailing GS', () => {
    rejects(`${GS}10ABC`, /character 1 is a GS .* no element before it/);
    rejects(`10ABC${GS}${GS}21X`, /character 7 is a GS/);
    rejects(`10ABC${GS}`, /ends with a GS/);
  });

  it('refuses digits that are no AI', () => {
    rejects('1912345', /no GS1 Application Identifier starts at character 1 \("1912…"\)/);
    rejects(`10ABC${GS}0412`, /character 7 \("0412…"\)/);
  });

  it('reads a variable-length value up to GS or the end, so one too long says to end it with GS', () => {
    rejects(`10${'A'.repeat(20)}17201225`, /\(10\) BATCH\/LOT: .* has 28 characters but needs 1 to 20 characters: shorten it; in the raw form, end it with GS/);
  });

  it('ends a fixed-length value at GS when it comes early', () => {
    rejects(`01095060001343${GS}10A`, /\(01\) GTIN: "095060001343" has 12 digits but needs exactly 14 digits/);
  });
});

describe('parseGs1: the bracketed form and parentheses in values', () => {
  it('keeps a "(" that opens no known AI in the value', () => {
    assert.deepEqual(parseGs1('(10)AB(C)').elements, [{ ai: '10', value: 'AB(C)' }]);
    assert.deepEqual(parseGs1('(10)X(19)Y').elements, [{ ai: '10', value: 'X(19)Y' }]);
    assert.deepEqual(parseGs1('(10)((21)))').elements, [{ ai: '10', value: '(' }, { ai: '21', value: '))' }]);
  });

  it('starts a new element at every "(AI)" of a known AI', () => {
    assert.deepEqual(parseGs1('(10)A(21)B').elements, [{ ai: '10', value: 'A' }, { ai: '21', value: 'B' }]);
  });

  it('says when an unknown "(AI)" made a value too long', () => {
    rejects('(01)09506000134352(19)12', /\(01\) GTIN: "09506000134352\(19\)12" has 20 characters \("\(19\)" inside it is not a GS1 AI/);
  });

  it('refuses a GS, an unknown AI, a malformed AI and an empty value', () => {
    rejects(`(10)ABC${GS}(21)1`, /character 8 is a GS \(U\+001D\), but in the bracketed form the brackets separate/);
    rejects('(19)123', /\(19\) is not a GS1 Application Identifier/);
    rejects('(3106)000189', /\(3106\) is not a GS1 Application Identifier/);
    rejects('(1)2', /the '\(' at character 1 must open an AI of 2 to 4 digits/);
    rejects('(01', /the '\(' at character 1 must open an AI/);
    rejects('(10)', /\(10\) BATCH\/LOT: the value is empty but needs 1 to 20 characters: give a value/);
  });

  it('refuses empty input', () => {
    rejects('', /the input is empty/);
  });
});

describe('parseGs1: validation', () => {
  it('checks the GS1 mod-10 check digit of GTINs, SSCCs, GLNs, GSRNs and GDTIs', () => {
    rejects('(01)09506000134353', /^GS1 AI \(01\) GTIN: the check digit is 3 but 0950600013435 needs 2 .*: correct the last digit to 2/);
    rejects('(00)106141412345678907', /\(00\) SSCC: the check digit is 7 but 10614141234567890 needs 8/);
    rejects('(414)5412345000014', /\(414\) LOC No\.: the check digit is 4 but 541234500001 needs 3/);
    rejects('(8018)106141412345678907', /\(8018\) GSRN - RECIPIENT: the check digit is 7/);
    rejects('(253)1234567890127abc', /\(253\) GDTI: the check digit is 7 but 123456789012 needs 8 .*: correct digit 13 to 8/);
    rejects('(8006)095060001343530102', /\(8006\) ITIP: the check digit is 3 .* correct digit 14 to 2/);
    assert.equal(parseGs1('(414)5412345000013(8018)106141412345678908(8003)012345678901280ABC').elements.length, 3);
  });

  it('checks dates: months, days per month, leap years, DD = 00 only where GS1 allows it', () => {
    rejects('(17)230230', /\(17\) USE BY or EXPIRY: 230230 is not a date YYMMDD: February 2023 has 28 days: give a day from 01 to 28 \(or 00\)/);
    rejects('(17)230229', /February 2023 has 28 days/);
    assert.equal(parseGs1('(17)240229').encoded, '17240229');
    rejects('(11)231301', /\(11\) PROD DATE: 231301 is not a date YYMMDD: month 13 is not 01 to 12/);
    rejects('(15)230431', /April 2023 has 30 days/);
    assert.equal(parseGs1('(17)230200').encoded, '17230200');
    rejects('(7006)230100', /\(7006\) FIRST FREEZE DATE: .*day 00 \("no particular day"\) is allowed only in AIs 11 to 17/);
    rejects('(7250)19000229', /\(7250\) DOB: 19000229 is not a date YYYYMMDD: February 1900 has 28 days/);
    assert.equal(parseGs1('(8018)106141412345678908(7250)20000229').elements.length, 2);
  });

  it('applies GS1’s century rule to YYMMDD, which decides 29 February of YY = 00', () => {
    assert.equal(fullYear(76, 2026), 2076);
    assert.equal(fullYear(77, 2026), 1977);
    assert.equal(fullYear(0, 2026), 2000);
    assert.equal(fullYear(99, 2000), 1999);
    assert.equal(fullYear(0, 2051), 2100);
    const expiry = applicationIdentifier('17')!;
    validateValue(expiry, '000229', 2026);
    assert.throws(() => validateValue(expiry, '000229', 2051), /February 2100 has 28 days/);
  });

  it('checks times', () => {
    rejects('(4324)2301002460', /\(4324\) NOT BEF DEL DT: hour 24 is not 00 to 23/);
    rejects('(8008)2301011260', /\(8008\) PROD TIME: minute 60 is not 00 to 59/);
    assert.equal(parseGs1('(8008)23010112').elements[0]!.value, '23010112');
  });

  it('checks the small structural rules of 8001, 8003, 8006, 8011, 4321 and 4330', () => {
    assert.equal(parseGs1('(01)09506000134352(8001)12345123451211').elements.length, 2);
    rejects('(8001)00005123451211', /\(8001\) DIMENSIONS: digits 1 to 4 are all zeros/);
    rejects('(8001)12345123451231', /digit 13 is the winding direction: 0 \(face out\), 1 \(face in\) or 9 \(undefined\), not 3/);
    rejects('(8003)112345678901280ABC', /\(8003\) GRAI: digit 1 is 1 but must be 0/);
    assert.equal(parseGs1('(8006)095060001343520102').elements.length, 1);
    rejects('(8006)095060001343520302', /\(8006\) ITIP: piece 03 of 02 is not a piece of a whole/);
    rejects('(8006)095060001343520000', /piece 00 of 00/);
    assert.equal(parseGs1('(8010)0614141(8011)0').elements.length, 2);
    rejects('(8010)0614141(8011)012', /\(8011\) CPID SERIAL: 012 starts with 0/);
    rejects('(00)106141412345678908(4321)2', /\(4321\) DANGEROUS GOODS: the value is 2 but must be 0 \(no\) or 1 \(yes\)/);
    assert.equal(parseGs1('(00)106141412345678908(4331)001234-').elements.length, 2);
    rejects('(00)106141412345678908(4331)001234+', /\(4331\) MAX TEMP C\.: character 7 is '\+': after the six digits only '-'/);
  });

  it('checks lengths at the edge and one over', () => {
    assert.equal(parseGs1(`(10)${'A'.repeat(20)}`).elements[0]!.value.length, 20);
    rejects(`(10)${'A'.repeat(21)}`, /has 21 characters but needs 1 to 20 characters/);
    assert.equal(parseGs1(`(99)${'z'.repeat(90)}`).elements[0]!.value.length, 90);
    rejects(`(99)${'z'.repeat(91)}`, /\(99\) INTERNAL: .* has 91 characters but needs 1 to 90/);
    assert.equal(parseGs1(`(8030)${'A'.repeat(90)}`).elements[0]!.value.length, 90);
    rejects('(01)0950600013435', /\(01\) GTIN: "0950600013435" has 13 digits but needs exactly 14 digits/);
    rejects('(01)095060001343520', /has 15 digits but needs exactly 14 digits/);
    rejects('(7007)2301012', /\(7007\) HARVEST DATE: .* has 7 digits but needs 6 or 12 digits/);
    rejects('(8008)230101253', /needs 8, 10 or 12 digits/);
    assert.equal(parseGs1('(253)1234567890128').elements[0]!.value, '1234567890128');
    rejects(`(253)1234567890128${'a'.repeat(18)}`, /needs 13 to 30 characters/);
  });

  it('checks character sets: N, X (set 82), Y (set 39), Z (set 64 with padding)', () => {
    rejects('(01)0950600013435A', /\(01\) GTIN: character 14 is 'A', which is not in digits 0–9/);
    rejects('(10)a b', /character 2 is a space \(U\+0020\), which is not in GS1's character set 82/);
    rejects('(10)a#b', /character 2 is '#'/);
    rejects('(10)caf\u00e9', /character 4 is U\+00E9/);
    rejects('(10)\u{1F600}', /character 1 is U\+1F600/);
    assert.equal(parseGs1(`(10)!"%&'()*+,-./09:;(21)<=>?AZ_az`).bracketed, `(10)!"%&'()*+,-./09:;(21)<=>?AZ_az`);
    assert.equal(parseGs1('(8010)AB-/#12(8011)1').elements.length, 2);
    rejects('(8010)ab', /\(8010\) CPID: character 1 is 'a', which is not in GS1's character set 39/);
    rejects('(8030)a+b', /\(8030\) DIGSIG: character 2 is '\+'/);
    assert.equal(parseGs1('(8030)ab=').elements[0]!.value, 'ab=');
    assert.equal(parseGs1('(8030)a==').elements[0]!.value, 'a==');
    rejects('(8030)abc=', /ends in 1 '=' but base64 padding/);
    rejects('(8030)a===', /ends in 3 '='/);
    rejects('(8030)a=b', /character 2 is '='/);
  });

  it('throws QrError INVALID_DATA for every failure', () => {
    for (const input of ['', '(01)1', '(19)1', `(10)A${GS}`, '01A']) {
      assert.throws(() => parseGs1(input), (error: unknown) => error instanceof QrError && error.code === 'INVALID_DATA');
    }
  });
});

describe('the AI table', () => {
  const all = [...applicationIdentifiers()];

  it('holds the current AIs', () => {
    for (const ai of ['00', '01', '02', '03', '10', '11', '17', '20', '21', '22', '235', '240', '254', '255', '30', '3100', '3695', '37', '3909', '3943', '3955', '400', '427', '4300', '4333', '7001', '7041', '710', '716', '7230', '7242', '7259', '8001', '8030', '8110', '8112', '8200', '90', '91', '99']) {
      assert.ok(applicationIdentifier(ai), ai);
    }
    for (const ai of ['04', '14', '18', '19', '23', '3106', '3944', '3956', '100', '1000']) {
      assert.equal(applicationIdentifier(ai), undefined, ai);
    }
    assert.equal(applicationIdentifier('7039')?.title, 'PROCESSOR # 9');
    assert.equal(applicationIdentifier('7239')?.title, 'CERT # 10');
  });

  it('is prefix-free, so the raw form has one reading', () => {
    for (const spec of all) {
      for (let n = 2; n < spec.ai.length; n++) assert.equal(applicationIdentifier(spec.ai.slice(0, n)), undefined, spec.ai);
    }
  });

  it('marks predefined length exactly for the AIs Figure 7.8.5-2 covers with their length, so only (235) of the 23 prefix is not', () => {
    for (const spec of all) {
      const length = PREDEFINED_LENGTHS[spec.ai.slice(0, 2)];
      if (length === undefined) {
        assert.equal(spec.predefinedLength, false, spec.ai);
      } else if (spec.ai === '235') {
        assert.equal(spec.predefinedLength, false);
      } else {
        assert.equal(spec.predefinedLength, true, spec.ai);
        assert.equal(spec.ai.length + spec.maxLength, length, spec.ai);
        assert.equal(spec.minLength, spec.maxLength, spec.ai);
      }
    }
  });

  it('has the formats of GS1’s table for a sample', () => {
    const format = (ai: string): string => applicationIdentifier(ai)!.components
      .map((c) => `${c.optional ? '[' : ''}${c.set}${c.min === c.max ? '' : '..'}${c.max}${c.check ? `,${c.check}` : ''}${c.optional ? ']' : ''}`)
      .join(' ');
    assert.equal(format('00'), 'N18,checkDigit');
    assert.equal(format('15'), 'N6,yymmd0');
    assert.equal(format('253'), 'N13,checkDigit [X..17]');
    assert.equal(format('3932'), 'N3 N..15');
    assert.equal(format('8003'), 'N1,zero N13,checkDigit [X..16]');
    assert.equal(format('8008'), 'N6,yymmdd N2,hh [N2,mi] [N2,ss]');
    assert.equal(format('8010'), 'Y..30');
    assert.equal(format('8030'), 'Z..90');
    assert.equal(format('7251'), 'N8,yyyymmdd N4,hhmi');
    assert.equal(format('8001'), 'N4,nonZero N5,nonZero N3,nonZero N1,winding N1');
    assert.equal(format('8026'), 'N14,checkDigit N4,pieceOfTotal');
  });

  it('computes GS1 mod-10 check digits (§7.9.1)', () => {
    assert.equal(gs1CheckDigit('0950600013435'), 2);
    assert.equal(gs1CheckDigit('10614141234567890'), 8);
    assert.equal(gs1CheckDigit('629104150021'), 3);
    assert.equal(gs1CheckDigit('9638507'), 4);
  });
});

/**
 * Debian's zint validates GS1 data with its own AI tables and prints a warning or an error on
 * stderr for anything wrong. Its tables are older than ours (zint 2.11 lacks e.g. 03, 7041, 8030)
 * and it runs content checks we leave out (code lists, 8010's company prefix), so the cases
 * are AIs both know and rules both apply: there it must object exactly where parseGs1 does.
 */
describe('parseGs1 against zint’s GS1 checks', () => {
  // In zint's syntax: [AI] for (AI). No value holds '[' (it is outside set 82), so the conversion is exact.
  const cases = [
    '[01]09506000134352[17]201225[10]ABC1', '[00]106141412345678908', '[00]106141412345678907',
    '[01]09506000134353', '[01]0950600013435', '[17]230230', '[17]240229', '[17]230229', '[17]231300',
    '[11]230200', '[7006]230100', '[3103]000189', '[3106]000189', '[19]123', `[10]${'1'.repeat(20)}`,
    `[10]${'1'.repeat(21)}`, '[10]a b', '[10]a#b', '[414]5412345000013', '[414]5412345000014',
    '[8018]106141412345678908', '[8018]106141412345678907', '[253]1234567890128abc', '[253]1234567890127',
    '[8006]095060001343520102', '[8006]095060001343530102', '[8008]23010124', '[8008]2301011260',
    '[4324]2301002460', '[21]ABC(19)X', '[99]', '[98]abc', '[8010]ab', '[7007]2301012', '[242]1234567',
    '[402]12345678901234560', '[8003]012345678901280ABC', '[8003]012345678901270ABC', '[3925]5',
    '[8003]112345678901280ABC', '[8001]12345123451231', '[8001]00005123451211', '[8006]095060001343520302',
    '[8011]012', '[8011]0', '[4321]1', '[4321]2',
  ];
  for (const input of cases) {
    it(input, () => {
      const run = spawnSync(ZINT, ['-b', '58', '--gs1', '--dump', '-d', input], { encoding: 'utf8' });
      assert.equal(run.error, undefined, `${ZINT} runs (the root pretest installs it)`);
      const theirs = /(Warning|Error) \d+:.*/.exec(run.stderr)?.[0] ?? '';
      let ours = '';
      try {
        parseGs1(input.replace(/\[(\d+)\]/g, '($1)'));
      } catch (error) {
        ours = (error as Error).message;
      }
      assert.equal(ours !== '', theirs !== '', `zint: ${theirs || 'no objection'}; parseGs1: ${ours || 'no objection'}`);
    });
  }
});
