/**
 * Wi-Fi network credentials: the `WIFI:` format readers share, as ZXing reads it.
 *
 * Source: ZXing's `WifiResultParser` (core/src/main/java/com/google/zxing/client/result/
 * WifiResultParser.java) and `ResultParser.matchPrefixedField`, and the ZXing wiki page
 * "Barcode Contents" (github.com/zxing/zxing/wiki/Barcode-Contents#wi-fi-network-config-android-ios-11):
 *
 *     WIFI:T:WPA;S:mynetwork;P:mypass;;
 *
 * Fields are `T:` (WPA, WEP or nopass), `S:` (the SSID, the one field ZXing requires), `P:` and
 * `H:true` for a hidden network, each ended by `;`, the whole by one more `;`. How the reader
 * finds them, and what follows from it:
 * - `matchPrefixedField` takes each value up to the first `;` that has an even number of
 *   backslashes before it, then removes every backslash that escapes the next character
 *   (`unescapeBackslash`): so `\`, `;`, `,`, `:` and `"` are written `\\`, `\;`, `\,`, `\:` and
 *   `\"` (the wiki's list). `:` matters because the parser finds a field by searching the text
 *   for its prefix (`indexOf("S:")`), anywhere: a password `xS:y` unescaped would be found as an SSID.
 *   For the same reason `T:` comes first, before any value that could hold `T:` (as the wiki's example).
 * - The parser keeps double quotes as they are: `S:"CAFE"` gives the SSID `"CAFE"` with its quotes.
 *   ZXing's Android app (android/…/wifi/WifiConfigManager.java, `quoteNonHex`) hands an SSID made
 *   only of hex digits to Android as hex bytes, and quotes any other one; an SSID that is quoted
 *   already is used as it is. So an SSID such as `CAFE` or `1234` would join the network whose
 *   name is the bytes 0xCA 0xFE: it is written `S:"CAFE";` (unescaped quotes), which every reader
 *   that knows the convention (ZXing, Android's Settings) takes as the text `CAFE`.
 * - Passwords: WifiConfigManager takes a password of hex digits as a raw key only at the lengths
 *   where IEEE 802.11 makes it one (WEP: 10, 26 or 58 digits; WPA: 64, which no WPA passphrase of
 *   8 to 63 characters can have), and quotes every other one itself. A hex-looking password is
 *   therefore read as the person means it in either case — the same as typed into a phone's
 *   password box — and is not quoted (quoting a 64-digit PSK would turn it into a 64-character
 *   passphrase, which WPA does not allow).
 * - The password's length is not checked: WPA2 asks for 8 to 63 characters, but WPA3's SAE takes
 *   any length, routers differ, and a code that holds exactly what the person typed is the one
 *   that works wherever their network does.
 */
import { checkFields, checkText, fail, show, str } from './fields.js';
import { defineSchema } from './schema.js';
import { backslashEscape, utf8Length } from './text.js';

export interface WifiPayload {
  /** The network name, 1 to 32 bytes in UTF-8 (IEEE 802.11). */
  ssid: string;
  /** The passphrase or key; required for WPA and WEP, refused for nopass. */
  password?: string;
  /** Default: WPA with a password, nopass without. WPA covers WPA, WPA2 and WPA3 (personal). */
  security?: 'WPA' | 'WEP' | 'nopass';
  /** A network that does not broadcast its name. */
  hidden?: boolean;
}

export const WIFI_SECURITY = Object.freeze(['WPA', 'WEP', 'nopass'] as const);

export const WIFI_SCHEMA = defineSchema({
  type: 'wifi',
  label: 'Wi-Fi',
  fields: [
    { name: 'ssid', kind: 'string', required: true, label: 'Network name (SSID)', description: 'The name of the Wi-Fi network, exactly as the router broadcasts it (1 to 32 bytes).' },
    { name: 'password', kind: 'string', required: false, secret: true, label: 'Password', description: 'The network password or key, as typed on a phone; none for an open network.' },
    { name: 'security', kind: 'choice', required: false, choices: WIFI_SECURITY, label: 'Security', description: 'WPA (WPA, WPA2 and WPA3 personal), WEP or nopass (an open network); default WPA with a password, nopass without.' },
    { name: 'hidden', kind: 'boolean', required: false, label: 'Hidden network', description: 'True when the network does not broadcast its name.' },
  ],
});

/** The characters ZXing's reader unescapes, escaped with a backslash (ZXing wiki, "Barcode Contents"). */
const SPECIAL = '\\;,:"';
const HEX = /^[0-9A-Fa-f]+$/;

/** The `WIFI:` text for a network: `WIFI:T:WPA;S:home;P:s3cret;;`. */
export function wifi(input: WifiPayload): string {
  const f = checkFields(WIFI_SCHEMA, input);
  const ssid = str(f, 'ssid')!;
  const password = str(f, 'password');
  const security = (str(f, 'security') ?? (password === undefined ? 'nopass' : 'WPA')) as WifiPayload['security'];
  const hidden = f['hidden'] === true;

  checkText('wifi', 'ssid', ssid, { lineBreaks: false });
  const ssidBytes = utf8Length(ssid);
  if (ssidBytes > 32) fail('wifi', 'ssid', `${show(ssid)} is ${ssidBytes} bytes in UTF-8: an SSID has at most 32 (IEEE 802.11)`);

  if (security === 'nopass') {
    if (password !== undefined) fail('wifi', 'password', `is given but security is "nopass" (an open network): leave the password out, or set security to "WPA" or "WEP"`);
  } else {
    if (password === undefined) fail('wifi', 'password', `is missing: a ${security} network needs one (or set security to "nopass" for an open network)`);
    checkText('wifi', 'password', password, { lineBreaks: false });
  }

  let text = `WIFI:T:${security};S:${HEX.test(ssid) ? `"${ssid}"` : backslashEscape(ssid, SPECIAL)};`;
  if (password !== undefined) text += `P:${backslashEscape(password, SPECIAL)};`;
  if (hidden) text += 'H:true;';
  return `${text};`;
}
