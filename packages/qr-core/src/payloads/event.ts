/**
 * An event for a calendar: an iCalendar `VEVENT`, RFC 5545, as QR readers take it (ZXing's
 * `VEventResultParser` looks for `BEGIN:VEVENT` and reads SUMMARY, DTSTART, DTEND, LOCATION,
 * DESCRIPTION; the ZXing wiki's "Barcode Contents" shows the bare VEVENT, without VCALENDAR).
 *
 * - Lines end with CRLF and are folded at 75 octets, never inside a UTF-8 sequence (§3.1; text.ts).
 * - TEXT values escape `\`, `;` and `,` and write line breaks as `\n` (§3.3.11).
 * - `start` and `end` are ISO 8601: a date `2025-06-01` is a DATE (`DTSTART;VALUE=DATE:20250601`,
 *   §3.3.4), a date-time `2025-06-01T18:30` (seconds optional) a floating local time
 *   (`DTSTART:20250601T183000`, §3.3.5 form #1), one ending in `Z` UTC (`…T183000Z`, form #2), and
 *   one with an offset (`+02:00`) is converted to UTC, which needs no VTIMEZONE. `end` must be of
 *   the same kind as `start` and later (§3.8.2.2: DTEND's value type "MUST be the same as the
 *   DTSTART property, and its value MUST be later in time", and it is a date with local time if and
 *   only if DTSTART is); for dates, DTEND is the day after the last one (§3.6.1: the end is
 *   non-inclusive).
 * - UID and DTSTAMP, which §3.6.1 makes REQUIRED in a VEVENT (§3.8.4.7, §3.8.7.2), are derived from the fields, never
 *   taken from a clock or a random source: the same fields always give the same text (and so the
 *   same symbol, the same ETag at the API, the same cached image, tests that hold). UID is
 *   `<16 hex digits>@qr-core`, an FNV-1a 64-bit hash of the other lines: unique for each event
 *   (§3.8.4.7 asks for a globally unique identifier, and RFC 7986 §5.3 for one that leaks nothing),
 *   and a changed event gets another one, so importing it never overwrites a different event.
 *   DTSTAMP is the start, in UTC form (a date at 00:00:00, a floating time taken as UTC): it means
 *   "when this object was created", which only matters to iTIP scheduling (RFC 5546), which a
 *   scanned event takes no part in; a fixed date derived from the event keeps it deterministic.
 */
import { daysInMonth } from './checks.js';
import { checkFields, checkText, fail, show, str } from './fields.js';
import { defineSchema } from './schema.js';
import { contentLines, escapeContentText } from './text.js';

export interface EventPayload {
  summary: string;
  /** ISO 8601 date (2025-06-01) or date-time (2025-06-01T18:30, …Z, …+02:00). */
  start: string;
  /** Same kind as `start`, later; for dates, the day after the last one. */
  end?: string;
  location?: string;
  description?: string;
}

export const EVENT_SCHEMA = defineSchema({
  type: 'event',
  label: 'Event',
  fields: [
    { name: 'summary', kind: 'string', required: true, label: 'Title', description: 'What the event is, one line.' },
    { name: 'start', kind: 'string', required: true, label: 'Start', description: 'ISO 8601 date or date-time: 2025-06-01 (all day), 2025-06-01T18:30 (local time), 2025-06-01T16:30Z or 2025-06-01T18:30+02:00.' },
    { name: 'end', kind: 'string', required: false, label: 'End', description: 'ISO 8601 date or date-time of the same kind as the start and later; for all-day events the day after the last one.' },
    { name: 'location', kind: 'string', required: false, label: 'Place', description: 'Where the event takes place.' },
    { name: 'description', kind: 'string', required: false, label: 'Description', description: 'More about the event; line breaks allowed.' },
  ],
});

/** A parsed `start` or `end`: its iCalendar form, its kind and a number that orders it among its kind. */
interface When {
  kind: 'date' | 'floating' | 'utc';
  /** `20250601`, `20250601T183000` or `20250601T163000Z`. */
  value: string;
  /** Seconds since 0000-01-01 (as UTC for floating times): only compared among one kind. */
  order: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

function parseWhen(field: 'start' | 'end', text: string): When {
  const m = ISO.exec(text);
  if (!m) fail('event', field, `${show(text)} is not an ISO 8601 date or date-time: it must be YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS], optionally ending in Z or an offset such as +02:00`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) fail('event', field, `${show(text)} is not a day of the calendar: the date must exist`);
  if (m[4] === undefined) return { kind: 'date', value: `${m[1]}${m[2]}${m[3]}`, order: daysFromCivil(year, month, day) * 86400 };
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  // RFC 5545 §3.3.12: a second of 60 is a leap second.
  if (hour > 23 || minute > 59 || second > 60) fail('event', field, `${show(text)} is not a time of day: hours are 00..23, minutes 00..59, seconds 00..60`);
  let seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  const zone = m[7];
  const literal = `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6] ?? '00'}`;
  if (zone === undefined) return { kind: 'floating', value: literal, order: seconds };
  if (zone === 'Z') return { kind: 'utc', value: `${literal}Z`, order: seconds };
  {
    const [oh, om] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (oh > 23 || om > 59) fail('event', field, `${show(text)} has the offset ${zone}: an offset is ±HH:MM with HH up to 23`);
    seconds -= (zone[0] === '-' ? -1 : 1) * (oh * 3600 + om * 60);
  }
  if (seconds < 0 || seconds >= daysFromCivil(10000, 1, 1) * 86400) fail('event', field, `${show(text)} is outside the years 0000..9999 in UTC`);
  return { kind: 'utc', value: `${stamp(seconds)}Z`, order: seconds };
}

/** Days from 0000-03-01-based civil date arithmetic (H. Hinnant's days_from_civil), shifted so 0000-01-01 is 0. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 60;
}

/** `YYYYMMDDTHHMMSS` of a count of seconds since 0000-01-01. */
function stamp(total: number): string {
  const days = Math.floor(total / 86400);
  let rest = total - days * 86400;
  // Inverse of daysFromCivil (Hinnant's civil_from_days).
  const z = days + 60;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(year, 4)}${p(month)}${p(day)}T${p(hour)}${p(minute)}${p(second)}`;
}

/** The `BEGIN:VEVENT … END:VEVENT` text of an event, CRLF line ends, folded at 75 octets. */
export function event(input: EventPayload): string {
  const f = checkFields(EVENT_SCHEMA, input);
  const summary = str(f, 'summary')!;
  checkText('event', 'summary', summary, { lineBreaks: false });
  const start = parseWhen('start', str(f, 'start')!);
  const endText = str(f, 'end');
  const end = endText === undefined ? undefined : parseWhen('end', endText);
  if (end !== undefined) {
    if ((end.kind === 'date') !== (start.kind === 'date') || (start.kind !== 'date' && end.kind !== start.kind)) {
      const kinds = { date: 'a date', floating: 'a local (floating) date-time', utc: 'a date-time in UTC or with an offset' };
      fail('event', 'end', `${show(endText)} is ${kinds[end.kind]} but the start is ${kinds[start.kind]}: both must be of one kind (RFC 5545 §3.8.2.2)`);
    }
    if (end.order <= start.order) {
      fail('event', 'end', `${show(endText)} is not after the start ${show(str(f, 'start'))}${start.kind === 'date' ? ': for an all-day event the end is the day after the last one' : ''}`);
    }
  }
  const location = str(f, 'location');
  if (location !== undefined) checkText('event', 'location', location, { lineBreaks: true });
  const description = str(f, 'description');
  if (description !== undefined) checkText('event', 'description', description, { lineBreaks: true });

  const when = (name: string, w: When): string => (w.kind === 'date' ? `${name};VALUE=DATE:${w.value}` : `${name}:${w.value}`);
  const body = [`SUMMARY:${escapeContentText(summary)}`, when('DTSTART', start)];
  if (end !== undefined) body.push(when('DTEND', end));
  if (location !== undefined) body.push(`LOCATION:${escapeContentText(location)}`);
  if (description !== undefined) body.push(`DESCRIPTION:${escapeContentText(description)}`);
  const dtstamp = start.kind === 'date' ? `${start.value}T000000Z` : start.kind === 'floating' ? `${start.value}Z` : start.value;
  const uid = `${fnv1a64(body.join('\r\n'))}@qr-core`;
  return contentLines(['BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:${dtstamp}`, ...body, 'END:VEVENT']);
}

/** FNV-1a, 64 bits, over the UTF-8 bytes of `text`, as 16 hex digits (Fowler, Noll, Vo; draft-eastlake-fnv). */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
