/**
 * How readers take the payloads apart, for the payload tests (not part of the build).
 *
 * zxing-wasm (ZXing-C++) decodes the symbol to its text, but has no result parsers: its
 * `contentType` only says Text, Binary, Mixed, GS1, ISO15434 or UnknownECI, never Wi-Fi or vCard.
 * The parsers phones' scanner apps derive from are ZXing's Java ones
 * (core/src/main/java/com/google/zxing/client/result/), so the few the tests need are ported here
 * line for line: `ResultParser.matchPrefixedField` and `unescapeBackslash`, `WifiResultParser`,
 * `AddressBookDoCoMoResultParser` (MeCard) and `SMSTOMMSTOResultParser`. vCard and iCalendar are
 * read by the RFCs' own rules (unfold, split, unescape), independently of the code under test.
 */
import { encode } from '../../encode.js';
import type { Ecl } from '../../symbol.js';
import { decodeMatrix } from '../../test-support/decode.js';

/** Encodes `text` with qr-core and reads it back with ZXing-C++ (charset guessed, as phones do). */
export async function roundTrip(text: string, ecl: Ecl = 'M'): Promise<string> {
  return (await decodeMatrix(encode(text, { ecl }))).text;
}

// ---------------------------------------------------------------------------------------------
// ZXing's ResultParser, ported

function countPrecedingBackslashes(s: string, pos: number): number {
  let count = 0;
  for (let i = pos - 1; i >= 0 && s[i] === '\\'; i--) count++;
  return count;
}

export function unescapeBackslash(escaped: string): string {
  const backslash = escaped.indexOf('\\');
  if (backslash < 0) return escaped;
  let out = escaped.slice(0, backslash);
  let nextIsEscaped = false;
  for (let i = backslash; i < escaped.length; i++) {
    const c = escaped[i]!;
    if (nextIsEscaped || c !== '\\') {
      out += c;
      nextIsEscaped = false;
    } else {
      nextIsEscaped = true;
    }
  }
  return out;
}

export function matchPrefixedField(prefix: string, rawText: string, endChar: string, trim: boolean): string[] | null {
  let matches: string[] | null = null;
  let i = 0;
  const max = rawText.length;
  while (i < max) {
    i = rawText.indexOf(prefix, i);
    if (i < 0) break;
    i += prefix.length;
    const start = i;
    let more = true;
    while (more) {
      i = rawText.indexOf(endChar, i);
      if (i < 0) {
        i = rawText.length;
        more = false;
      } else if (countPrecedingBackslashes(rawText, i) % 2 !== 0) {
        i++;
      } else {
        matches ??= [];
        let element = unescapeBackslash(rawText.slice(start, i));
        if (trim) element = element.trim();
        if (element !== '') matches.push(element);
        i++;
        more = false;
      }
    }
  }
  return matches === null || matches.length === 0 ? null : matches;
}

function matchSinglePrefixedField(prefix: string, rawText: string, endChar: string, trim: boolean): string | null {
  return matchPrefixedField(prefix, rawText, endChar, trim)?.[0] ?? null;
}

export interface ZxingWifi {
  type: string;
  ssid: string;
  password: string | null;
  hidden: boolean;
}

/** WifiResultParser.parse (the EAP fields left out). */
export function zxingWifi(text: string): ZxingWifi | null {
  if (!text.startsWith('WIFI:')) return null;
  const raw = text.slice('WIFI:'.length);
  const ssid = matchSinglePrefixedField('S:', raw, ';', false);
  if (ssid === null || ssid === '') return null;
  const password = matchSinglePrefixedField('P:', raw, ';', false);
  const type = matchSinglePrefixedField('T:', raw, ';', false) ?? 'nopass';
  const phase2 = matchSinglePrefixedField('PH2:', raw, ';', false);
  const h = matchSinglePrefixedField('H:', raw, ';', false);
  const hidden = h !== null && (phase2 !== null || /^(true|false)$/i.test(h)) ? h.toLowerCase() === 'true' : false;
  return { type, ssid, password, hidden };
}

/** What ZXing's Android app hands to Android for an SSID (WifiConfigManager.quoteNonHex): the SSID as Android reads it. */
export function androidSsid(ssid: string): { hex: string } | { text: string } {
  if (/^[0-9A-Fa-f]+$/.test(ssid)) return { hex: ssid };
  return { text: ssid.length >= 2 && ssid.startsWith('"') && ssid.endsWith('"') ? ssid.slice(1, -1) : ssid };
}

export interface ZxingMecard {
  name: string;
  phones: string[] | null;
  emails: string[] | null;
  note: string | null;
  addresses: string[] | null;
  birthday: string | null;
  urls: string[] | null;
}

/** AddressBookDoCoMoResultParser.parse. */
export function zxingMecard(text: string): ZxingMecard | null {
  if (!text.startsWith('MECARD:')) return null;
  const rawName = matchPrefixedField('N:', text, ';', true);
  if (rawName === null) return null;
  const name0 = rawName[0]!;
  const comma = name0.indexOf(',');
  const name = comma >= 0 ? `${name0.slice(comma + 1)} ${name0.slice(0, comma)}` : name0;
  let birthday = matchSinglePrefixedField('BDAY:', text, ';', true);
  if (birthday !== null && !/^\d{8}$/.test(birthday)) birthday = null;
  return {
    name,
    phones: matchPrefixedField('TEL:', text, ';', true),
    emails: matchPrefixedField('EMAIL:', text, ';', true),
    note: matchSinglePrefixedField('NOTE:', text, ';', false),
    addresses: matchPrefixedField('ADR:', text, ';', true),
    birthday,
    urls: matchPrefixedField('URL:', text, ';', true),
  };
}

/** SMSTOMMSTOResultParser.parse. */
export function zxingSmsto(text: string): { number: string; body: string | null } | null {
  if (!/^(smsto|SMSTO|mmsto|MMSTO):/.test(text)) return null;
  let number = text.slice(6);
  let body: string | null = null;
  const bodyStart = number.indexOf(':');
  if (bodyStart >= 0) {
    body = number.slice(bodyStart + 1);
    number = number.slice(0, bodyStart);
  }
  return { number, body };
}

// ---------------------------------------------------------------------------------------------
// RFC 2425 / RFC 5545 content lines, read by the RFCs

export interface ContentLine {
  name: string;
  params: string[];
  value: string;
}

/**
 * Unfolds (CRLF followed by one space or tab is removed, RFC 5545 §3.1, RFC 2425 §5.8.1) and splits
 * the lines of `text`, which must end every line with CRLF; throws on a bare LF or CR, or a line
 * over 75 octets.
 */
export function contentLines(text: string): ContentLine[] {
  if (!text.endsWith('\r\n')) throw new Error('the last line does not end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (/[\r\n]/.test(line)) throw new Error(`a bare CR or LF in ${JSON.stringify(line)}`);
    const octets = new TextEncoder().encode(line).length;
    if (octets > 75) throw new Error(`a line of ${octets} octets: ${JSON.stringify(line)}`);
    // A fold never splits a character: each physical line is valid UTF-8 on its own (no lone surrogate).
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(line)) throw new Error(`a split character in ${JSON.stringify(line)}`);
  }
  const unfolded = text.slice(0, -2).replace(/\r\n[ \t]/g, '').split('\r\n');
  return unfolded.map((line) => {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`no colon in ${JSON.stringify(line)}`);
    const [name, ...params] = line.slice(0, colon).split(';');
    return { name: name!, params, value: line.slice(colon + 1) };
  });
}

/** Splits a structured value at unescaped `;` (or `,`). */
export function splitValue(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[++i]!;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** The TEXT unescaping of RFC 2426 §4 / RFC 5545 §3.3.11: `\\`, `\;`, `\,`, `\n` / `\N`. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
