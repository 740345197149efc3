/**
 * Text helpers the formats share: UTF-8 lengths, backslash escaping, content-line folding
 * (vCard 3.0 and iCalendar) and percent-encoding (mailto:).
 */

const encoder = new TextEncoder();

/** The number of bytes of `text` in UTF-8. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** The UTF-8 length of one code point. */
function codePointBytes(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Puts a backslash before every character of `special` (which holds single characters). */
export function backslashEscape(text: string, special: string): string {
  let out = '';
  for (const ch of text) out += special.includes(ch) ? `\\${ch}` : ch;
  return out;
}

/**
 * The TEXT escaping of vCard 3.0 (RFC 2426 §4, "text" values, and §5.8.4 of RFC 2425) and of
 * iCalendar (RFC 5545 §3.3.11): `\` → `\\`, `;` → `\;`, `,` → `\,`, and every line break (CRLF,
 * CR or LF) → `\n`. Colons are not escaped: both RFCs leave them as they are.
 */
export function escapeContentText(text: string): string {
  return backslashEscape(text, '\\;,').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * One content line folded as RFC 2425 §5.8.1 / RFC 2426 §2.6 and RFC 5545 §3.1 say: no line longer
 * than 75 octets excluding the line break, each continuation line starting with one space (which
 * counts in its 75), the break being CRLF. Lines are split between characters, never inside a
 * UTF-8 sequence (RFC 5545: "care must be taken to not split a multi-octet character") nor inside
 * a UTF-16 surrogate pair, and never between a backslash and the character it escapes (the RFCs
 * allow that split; some readers unescape before they unfold, so it is avoided).
 */
export function foldLine(line: string, limit = 75): string {
  if (utf8Length(line) <= limit) return line;
  const pieces: string[] = [];
  let current = '';
  let currentBytes = 0;
  let room = limit;
  const chars = Array.from(line);
  for (let i = 0; i < chars.length; i++) {
    // An escape pair `\x` is one unit.
    let unit = chars[i]!;
    if (unit === '\\' && i + 1 < chars.length) unit += chars[++i]!;
    let bytes = 0;
    for (const ch of unit) bytes += codePointBytes(ch.codePointAt(0)!);
    if (currentBytes + bytes > room) {
      pieces.push(current);
      current = '';
      currentBytes = 0;
      room = limit - 1; // the continuation line's leading space
    }
    current += unit;
    currentBytes += bytes;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** Content lines joined and ended by CRLF, each folded: the body of a vCard or a VEVENT. */
export function contentLines(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

/**
 * Percent-encodes `text` as UTF-8 (RFC 3986 §2.1), leaving unreserved characters and those of
 * `keep` as they are. encodeURIComponent leaves `! ' ( ) *` too, which RFC 3986 counts as
 * sub-delims; they are encoded here as well, so the result holds nothing but unreserved characters,
 * `%XX` and `keep`.
 */
export function percentEncode(text: string, keep = ''): string {
  let out = '';
  for (const ch of text) {
    if (/[A-Za-z0-9\-._~]/.test(ch) || keep.includes(ch)) out += ch;
    else out += Array.from(encoder.encode(ch), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}
