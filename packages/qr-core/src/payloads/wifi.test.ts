/**
 * wifi(): the `WIFI:` format as ZXing reads it (wifi.ts cites the sources). Expected strings are
 * written out; each is also parsed by a line-for-line port of ZXing's WifiResultParser and read
 * back from a symbol by ZXing-C++.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { payload } from './index.js';
import { throwsPayload } from './test-support/assert.js';
import { androidSsid, roundTrip, zxingWifi } from './test-support/readers.js';
import { wifi, type WifiPayload } from './wifi.js';

const cases: [string, WifiPayload, string][] = [
  ["the design's example", { ssid: 'home', password: 's3cret', security: 'WPA', hidden: false }, 'WIFI:T:WPA;S:home;P:s3cret;;'],
  ['WPA is the default with a password', { ssid: 'home', password: 's3cret' }, 'WIFI:T:WPA;S:home;P:s3cret;;'],
  ['nopass is the default without one', { ssid: 'Café guests' }, 'WIFI:T:nopass;S:Café guests;;'],
  ['nopass given', { ssid: 'open', security: 'nopass' }, 'WIFI:T:nopass;S:open;;'],
  ['WEP', { ssid: 'old', password: '0123456789', security: 'WEP' }, 'WIFI:T:WEP;S:old;P:0123456789;;'],
  ['hidden', { ssid: 'home', password: 's3cret', hidden: true }, 'WIFI:T:WPA;S:home;P:s3cret;H:true;;'],
  ['every special character escaped, in the SSID and the password', { ssid: 'a\\b;c,d:e"f', password: '\\;,:"' }, 'WIFI:T:WPA;S:a\\\\b\\;c\\,d\\:e\\"f;P:\\\\\\;\\,\\:\\";;'],
  ['a password that holds another field\'s prefix', { ssid: 'home', password: 'xS:evil;T:nopass' }, 'WIFI:T:WPA;S:home;P:xS\\:evil\\;T\\:nopass;;'],
  ['an SSID of hex digits is quoted (ZXing Android would take CAFE as the bytes CA FE)', { ssid: 'CAFE', password: 's3cret' }, 'WIFI:T:WPA;S:"CAFE";P:s3cret;;'],
  ['digits are hex digits too', { ssid: '1234', password: 's3cret' }, 'WIFI:T:WPA;S:"1234";P:s3cret;;'],
  ['mixed-case hex', { ssid: 'BeeF00d' }, 'WIFI:T:nopass;S:"BeeF00d";;'],
  ['not all hex: not quoted', { ssid: 'CAFE!' }, 'WIFI:T:nopass;S:CAFE!;;'],
  ['a hex-looking password is not quoted: 64 hex digits are the WPA key itself', { ssid: 'home', password: 'a'.repeat(64) }, `WIFI:T:WPA;S:home;P:${'a'.repeat(64)};;`],
  ['non-ASCII, 32 bytes exactly', { ssid: 'é'.repeat(16), password: 'пароль🔑' }, `WIFI:T:WPA;S:${'é'.repeat(16)};P:пароль🔑;;`],
  ['spaces are kept, leading and trailing too', { ssid: ' a b ', password: ' p ' }, 'WIFI:T:WPA;S: a b ;P: p ;;'],
  ['empty optional fields are absent', { ssid: 'home', password: '', security: undefined, hidden: false }, 'WIFI:T:nopass;S:home;;'],
];

describe('wifi', () => {
  for (const [name, input, expected] of cases) {
    test(`${name}: ${JSON.stringify(expected)}`, async () => {
      assert.equal(wifi(input), expected);
      assert.equal(payload({ type: 'wifi', ...input }), expected);
      // As ZXing parses it: the fields come back as given (an SSID in quotes keeps them: see androidSsid).
      const parsed = zxingWifi(expected);
      assert.ok(parsed, 'ZXing reads it as Wi-Fi');
      const security = input.security ?? (input.password ? 'WPA' : 'nopass');
      assert.equal(parsed.type, security);
      assert.deepEqual(androidSsid(parsed.ssid), { text: input.ssid });
      assert.equal(parsed.password, input.password ? input.password : null);
      assert.equal(parsed.hidden, input.hidden === true);
      assert.equal(await roundTrip(expected), expected);
    });
  }

  test('without the quotes, ZXing Android would join the network named by the hex bytes', () => {
    assert.deepEqual(androidSsid(zxingWifi('WIFI:S:CAFE;;')!.ssid), { hex: 'CAFE' });
    assert.deepEqual(androidSsid(zxingWifi(wifi({ ssid: 'CAFE' }))!.ssid), { text: 'CAFE' });
  });

  test('every wrong field is INVALID_PAYLOAD naming it', () => {
    const w = (input: unknown) => () => wifi(input as WifiPayload);
    throwsPayload(w({}), 'wifi: ssid is missing: it is required', 'ssid');
    throwsPayload(w({ ssid: '' }), 'wifi: ssid is empty: it is required', 'ssid');
    throwsPayload(w({ ssid: 42 }), 'wifi: ssid 42 must be a string', 'ssid');
    throwsPayload(w({ ssid: 'é'.repeat(17) }), `wifi: ssid "${'é'.repeat(17)}" is 34 bytes in UTF-8: an SSID has at most 32 (IEEE 802.11)`, 'ssid');
    throwsPayload(w({ ssid: 'a\nb' }), 'wifi: ssid "a\\nb" holds a line break: it must be one line', 'ssid');
    throwsPayload(w({ ssid: 'a\u0000b' }), 'wifi: ssid "a\\u0000b" holds the control character U+0000: it must be printable text', 'ssid');
    throwsPayload(w({ ssid: 'a\ud800' }), 'wifi: ssid "a\\ud800" holds a lone UTF-16 surrogate: it must be well-formed Unicode text', 'ssid');
    throwsPayload(w({ ssid: 'home', security: 'WPA2' }), 'wifi: security "WPA2" must be one of "WPA", "WEP", "nopass"', 'security');
    throwsPayload(w({ ssid: 'home', security: 'wpa' }), 'wifi: security "wpa" must be one of "WPA", "WEP", "nopass"', 'security');
    throwsPayload(w({ ssid: 'home', security: 'WPA' }), 'wifi: password is missing: a WPA network needs one (or set security to "nopass" for an open network)', 'password');
    throwsPayload(w({ ssid: 'home', security: 'WEP', password: '' }), 'wifi: password is missing: a WEP network needs one (or set security to "nopass" for an open network)', 'password');
    throwsPayload(w({ ssid: 'home', security: 'nopass', password: 'x' }), 'wifi: password is given but security is "nopass" (an open network): leave the password out, or set security to "WPA" or "WEP"', 'password');
    throwsPayload(w({ ssid: 'home', password: ['a'] }), 'wifi: password a list ["a"] must be a string', 'password');
    throwsPayload(w({ ssid: 'home', password: 'a\rb' }), 'wifi: password "a\\rb" holds a line break: it must be one line', 'password');
    throwsPayload(w({ ssid: 'home', hidden: 'yes' }), 'wifi: hidden "yes" must be true or false', 'hidden');
    throwsPayload(w({ ssid: 'home', hidden: 1 }), 'wifi: hidden 1 must be true or false', 'hidden');
    throwsPayload(w({ ssid: 'home', Password: 'x' }), 'wifi: Password is not a field of wifi: the fields are ssid, password, security, hidden', 'Password');
    throwsPayload(w('home'), 'wifi: payload "home" must be an object of fields: ssid, password, security, hidden', undefined);
    throwsPayload(w(['home']), 'wifi: payload a list ["home"] must be an object of fields: ssid, password, security, hidden', undefined);
  });

  test('a tab is text, not a control character to refuse', () => {
    assert.equal(wifi({ ssid: 'a\tb' }), 'WIFI:T:nopass;S:a\tb;;');
  });
});
