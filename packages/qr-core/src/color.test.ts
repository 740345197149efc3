import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { parseColor } from './color.js';
import { QrError } from './errors.js';

describe('parseColor', () => {
  test('the four hexadecimal forms, in either case, short forms doubled (CSS Color 4 §5.2)', () => {
    assert.deepEqual(parseColor('#f80'), { r: 0xff, g: 0x88, b: 0x00, a: 255 });
    assert.deepEqual(parseColor('#F808'), { r: 0xff, g: 0x88, b: 0x00, a: 0x88 });
    assert.deepEqual(parseColor('#1a237E'), { r: 0x1a, g: 0x23, b: 0x7e, a: 255 });
    assert.deepEqual(parseColor('#1A237e80'), { r: 0x1a, g: 0x23, b: 0x7e, a: 0x80 });
    assert.deepEqual(parseColor('  #000000 '), { r: 0, g: 0, b: 0, a: 255 });
  });

  test("'transparent' in any case is black with alpha 0", () => {
    assert.deepEqual(parseColor('transparent'), { r: 0, g: 0, b: 0, a: 0 });
    assert.deepEqual(parseColor('Transparent'), { r: 0, g: 0, b: 0, a: 0 });
  });

  test('anything else is INVALID_OPTION naming the option and listing the accepted forms', () => {
    for (const bad of ['', '#', '#12', '#12345', '#1234567', '#123456789', '#ggg', 'red', 'rgb(0,0,0)', '000000', '#12 3']) {
      assert.throws(() => parseColor(bad, 'light'), (error: unknown) => {
        assert.ok(error instanceof QrError);
        assert.equal(error.code, 'INVALID_OPTION');
        assert.equal(error.message, `light must be '#rgb', '#rgba', '#rrggbb', '#rrggbbaa' or 'transparent'; got ${JSON.stringify(bad)}`);
        return true;
      });
    }
    for (const [bad, shown] of [[42, 'number 42'], [null, 'null'], [undefined, 'undefined'], [{}, 'an object']] as const) {
      assert.throws(() => parseColor(bad, 'dark'), new QrError('INVALID_OPTION', `dark must be a colour string ('#rgb', '#rgba', '#rrggbb', '#rrggbbaa' or 'transparent'); got ${shown}`));
    }
  });
});
