/**
 * Kanji mode characters, §7.4.6: the double-byte Shift JIS codes 0x8140..0x9FFC and 0xE040..0xEBBF
 * (JIS X 0208), each written as a 13-bit value.
 *
 * No table ships with qr-core: at the first non-ASCII input the Unicode → Shift JIS map is built once
 * from the platform's own `TextDecoder('shift_jis')` (WHATWG Encoding; Node and browsers both have it).
 */

/** 13-bit kanji-mode value + 1 for each UTF-16 code unit, 0 where the character has no kanji-mode code. */
let kanjiValues: Uint16Array | undefined;
let shiftJis = true;

/** Whether this runtime's TextDecoder knows Shift JIS, without which kanji mode cannot be used. */
export function hasShiftJis(): boolean {
  kanjiValues ??= buildKanjiValues();
  return shiftJis;
}

/** The 13-bit value of a Shift JIS code in the kanji ranges, §7.4.6 steps 1–3. */
export function kanjiValueOfShiftJis(code: number): number {
  const offset = code - (code >= 0xe040 ? 0xc140 : 0x8140);
  return (offset >>> 8) * 0xc0 + (offset & 0xff);
}

function buildKanjiValues(): Uint16Array {
  const values = new Uint16Array(0x10000);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder('shift_jis');
  } catch {
    // A runtime without Shift JIS (e.g. Node built with small-icu): kanji mode is unavailable; in
    // mode 'auto' byte mode serves (a valid symbol of the same text, not the same symbol), and an
    // explicit mode 'kanji' fails saying why ({@link hasShiftJis}).
    shiftJis = false;
    return values;
  }
  // Decode every lead/trail pair at once, each pair followed by a newline so that an invalid pair
  // (one U+FFFD, possibly followed by an ASCII trail byte) cannot shift the ones after it.
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xeb; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const code = (lead << 8) | trail;
      if (code <= 0x9ffc || (code >= 0xe040 && code <= 0xebbf)) codes.push(code);
    }
  }
  const bytes = new Uint8Array(codes.length * 3);
  codes.forEach((code, i) => {
    bytes[i * 3] = code >>> 8;
    bytes[i * 3 + 1] = code & 0xff;
    bytes[i * 3 + 2] = 0x0a;
  });
  const decoded = decoder.decode(bytes).split('\n');
  codes.forEach((code, i) => {
    const text = decoded[i]!;
    const unit = text.charCodeAt(0);
    // Keep the first (lowest) code of a character that several codes decode to.
    if (text.length === 1 && unit !== 0xfffd && values[unit] === 0) values[unit] = kanjiValueOfShiftJis(code) + 1;
  });
  return values;
}

/** The 13-bit kanji-mode value of a UTF-16 code unit, or −1 when kanji mode cannot encode it. */
export function kanjiValue(codeUnit: number): number {
  if (codeUnit < 0x80) return -1; // ASCII is never double-byte Shift JIS; skip building the map
  kanjiValues ??= buildKanjiValues();
  return kanjiValues[codeUnit]! - 1;
}
