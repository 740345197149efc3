/**
 * event(): an iCalendar VEVENT (RFC 5545) — its own examples' lines, dates and date-times (UTC,
 * floating, offsets converted), escaping and folding, the derived UID and DTSTAMP, read back by
 * the RFC's rules and from a symbol by ZXing-C++.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { event, fnv1a64, type EventPayload } from './event.js';
import { payload } from './index.js';
import { throwsPayload } from './test-support/assert.js';
import { contentLines, roundTrip, unescapeText } from './test-support/readers.js';

/** The lines of a VEVENT after UID and DTSTAMP, for comparing with the RFC's examples. */
function body(text: string): string[] {
  const lines = text.split('\r\n');
  assert.equal(lines[0], 'BEGIN:VEVENT');
  assert.match(lines[1]!, /^UID:[0-9a-f]{16}@qr-core$/);
  assert.match(lines[2]!, /^DTSTAMP:\d{8}T\d{6}Z$/);
  assert.equal(lines.at(-2), 'END:VEVENT');
  assert.equal(lines.at(-1), '');
  return lines.slice(3, -2);
}

describe('event', () => {
  test("RFC 5545 §3.6.1's first example: UTC date-times", async () => {
    const text = event({ summary: 'Annual Employee Review', start: '1997-09-03T16:30:00Z', end: '1997-09-03T19:00:00Z' });
    assert.deepEqual(body(text), ['SUMMARY:Annual Employee Review', 'DTSTART:19970903T163000Z', 'DTEND:19970903T190000Z']);
    assert.equal(await roundTrip(text), text);
  });

  test("RFC 5545 §3.6.1's anniversary and multi-day examples: DATE values, DTEND the day after the last", () => {
    assert.deepEqual(body(event({ summary: 'Our Blissful Anniversary', start: '1997-11-02' })), ['SUMMARY:Our Blissful Anniversary', 'DTSTART;VALUE=DATE:19971102']);
    // "The event ... from June 28th, 2007 to July 8th, 2007 inclusively".
    assert.deepEqual(body(event({ summary: 'Festival International de Jazz de Montreal', start: '2007-06-28', end: '2007-07-09' })), [
      'SUMMARY:Festival International de Jazz de Montreal',
      'DTSTART;VALUE=DATE:20070628',
      'DTEND;VALUE=DATE:20070709',
    ]);
  });

  test("RFC 5545 §3.3.11's TEXT example: line breaks as \\n; §3.3.5's floating time", () => {
    const text = event({ summary: 'Review', start: '1998-01-18T23:00', description: 'Project XYZ Final Review\nConference Room - 3B\nCome Prepared.' });
    assert.deepEqual(body(text), ['SUMMARY:Review', 'DTSTART:19980118T230000', 'DESCRIPTION:Project XYZ Final Review\\nConference Room - 3B\\nCome Prepared.']);
  });

  test('every field; the exact text, UID and DTSTAMP included', async () => {
    const input: EventPayload = { summary: 'Launch party', start: '2025-06-01T18:30', end: '2025-06-01T23:00:30', location: 'Rooftop, 5th floor', description: 'Bring friends; food provided.' };
    const text = event(input);
    const uid = fnv1a64('SUMMARY:Launch party\r\nDTSTART:20250601T183000\r\nDTEND:20250601T230030\r\nLOCATION:Rooftop\\, 5th floor\r\nDESCRIPTION:Bring friends\\; food provided.');
    assert.equal(
      text,
      [
        'BEGIN:VEVENT',
        `UID:${uid}@qr-core`,
        'DTSTAMP:20250601T183000Z',
        'SUMMARY:Launch party',
        'DTSTART:20250601T183000',
        'DTEND:20250601T230030',
        'LOCATION:Rooftop\\, 5th floor',
        'DESCRIPTION:Bring friends\\; food provided.',
        'END:VEVENT',
        '',
      ].join('\r\n'),
    );
    assert.equal(payload({ type: 'event', ...input }), text);
    assert.equal(await roundTrip(text), text);
  });

  test('FNV-1a 64: the published test vectors', () => {
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
  });

  test('UID and DTSTAMP are deterministic: the same fields give the same text; other fields another UID', () => {
    const input = { summary: 'A', start: '2025-01-01T10:00Z' };
    assert.equal(event(input), event({ ...input }));
    const uid = (e: EventPayload): string => event(e).split('\r\n')[1]!;
    assert.notEqual(uid(input), uid({ ...input, description: 'x' }));
    assert.notEqual(uid(input), uid({ ...input, start: '2025-01-01T10:01Z' }));
  });

  test('DTSTAMP is the start as UTC: a date at midnight, a floating time read as UTC, a UTC time as it is', () => {
    const stamp = (start: string): string => event({ summary: 'x', start }).split('\r\n')[2]!;
    assert.equal(stamp('2025-06-01'), 'DTSTAMP:20250601T000000Z');
    assert.equal(stamp('2025-06-01T09:15'), 'DTSTAMP:20250601T091500Z');
    assert.equal(stamp('2025-06-01T09:15:07Z'), 'DTSTAMP:20250601T091507Z');
    assert.equal(stamp('2025-06-01T09:15+02:00'), 'DTSTAMP:20250601T071500Z');
  });

  test('offsets are converted to UTC, across days, months, years and leap days', () => {
    const start = (value: string): string => body(event({ summary: 'x', start: value }))[1]!;
    assert.equal(start('2025-06-01T01:30+02:00'), 'DTSTART:20250531T233000Z');
    assert.equal(start('2024-12-31T23:30-01:00'), 'DTSTART:20250101T003000Z');
    assert.equal(start('2024-03-01T00:30+01:00'), 'DTSTART:20240229T233000Z');
    assert.equal(start('2023-03-01T00:30+01:00'), 'DTSTART:20230228T233000Z');
    assert.equal(start('2000-02-29T23:59:59-00:01'), 'DTSTART:20000301T000059Z');
    assert.equal(start('2025-06-01T12:00+05:45'), 'DTSTART:20250601T061500Z');
    assert.equal(start('2025-06-01T12:00-00:00'), 'DTSTART:20250601T120000Z');
    // A UTC end may be given with another offset than the start.
    assert.deepEqual(body(event({ summary: 'x', start: '2025-06-01T12:00+02:00', end: '2025-06-01T11:00Z' })).slice(1), ['DTSTART:20250601T100000Z', 'DTEND:20250601T110000Z']);
  });

  test('escaping: \\ ; , and line breaks in every text property; colons stay', () => {
    const nasty = 'a\\b;c,d:e\r\nf\rg\nh';
    const text = event({ summary: 'a\\b;c,d:e', start: '2025-01-01', location: nasty, description: nasty });
    assert.deepEqual(body(text), ['SUMMARY:a\\\\b\\;c\\,d:e', 'DTSTART;VALUE=DATE:20250101', 'LOCATION:a\\\\b\\;c\\,d:e\\nf\\ng\\nh', 'DESCRIPTION:a\\\\b\\;c\\,d:e\\nf\\ng\\nh']);
    const description = contentLines(text).find((line) => line.name === 'DESCRIPTION')!;
    assert.equal(unescapeText(description.value), 'a\\b;c,d:e\nf\ng\nh');
  });

  test('folding at 75 octets with multi-byte characters on the boundary, read back whole', async () => {
    // 'DESCRIPTION:' is 12 octets; 62 'a' make 74, so 'ü' (2 bytes) moves to the next line.
    const description = `${'a'.repeat(62)}ü${'日本'.repeat(40)}🎉`;
    const text = event({ summary: 'Fold', start: '2025-01-01', description });
    const lines = text.split('\r\n');
    const at = lines.findIndex((line) => line.startsWith('DESCRIPTION:'));
    assert.equal(lines[at], `DESCRIPTION:${'a'.repeat(62)}`);
    assert.equal(lines[at + 1], ` ü${'日本'.repeat(12)}`); // 1 + 2 + 72 = 75 octets
    const read = contentLines(text).find((line) => line.name === 'DESCRIPTION')!;
    assert.equal(unescapeText(read.value), description);
    assert.equal(await roundTrip(text), text);
  });

  test('empty optional fields are absent', () => {
    assert.deepEqual(body(event({ summary: 'x', start: '2025-01-01', end: '', location: '', description: undefined })), ['SUMMARY:x', 'DTSTART;VALUE=DATE:20250101']);
  });

  test('every wrong field is INVALID_PAYLOAD naming it', () => {
    const e = (input: unknown) => () => event(input as EventPayload);
    throwsPayload(e({ start: '2025-01-01' }), 'event: summary is missing: it is required', 'summary');
    throwsPayload(e({ summary: 'x' }), 'event: start is missing: it is required', 'start');
    throwsPayload(e({ summary: 'a\nb', start: '2025-01-01' }), 'event: summary "a\\nb" holds a line break: it must be one line', 'summary');
    const notIso = 'is not an ISO 8601 date or date-time: it must be YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS], optionally ending in Z or an offset such as +02:00';
    for (const start of ['2025/01/01', '01.06.2025', '2025-1-1', '20250101', '2025-06-01 18:30', '2025-06-01T18', '2025-06-01T18:30:00.5Z', '2025-06-01T18:30+0200', 'tomorrow']) {
      throwsPayload(e({ summary: 'x', start }), `event: start ${JSON.stringify(start)} ${notIso}`, 'start');
    }
    throwsPayload(e({ summary: 'x', start: '2025-02-29' }), 'event: start "2025-02-29" is not a day of the calendar: the date must exist', 'start');
    throwsPayload(e({ summary: 'x', start: '2025-04-31T10:00' }), 'event: start "2025-04-31T10:00" is not a day of the calendar: the date must exist', 'start');
    throwsPayload(e({ summary: 'x', start: '2025-06-01T24:00' }), 'event: start "2025-06-01T24:00" is not a time of day: hours are 00..23, minutes 00..59, seconds 00..60', 'start');
    throwsPayload(e({ summary: 'x', start: '2025-06-01T23:60' }), /^event: start "2025-06-01T23:60" is not a time of day/, 'start');
    throwsPayload(e({ summary: 'x', start: '2025-06-01T10:00+24:00' }), 'event: start "2025-06-01T10:00+24:00" has the offset +24:00: an offset is ±HH:MM with HH up to 23', 'start');
    throwsPayload(e({ summary: 'x', start: 1748771400000 }), 'event: start 1748771400000 must be a string', 'start');
    throwsPayload(e({ summary: 'x', start: '2025-06-01', end: '2025-06-01' }), 'event: end "2025-06-01" is not after the start "2025-06-01": for an all-day event the end is the day after the last one', 'end');
    throwsPayload(e({ summary: 'x', start: '2025-06-01T10:00', end: '2025-06-01T09:59' }), 'event: end "2025-06-01T09:59" is not after the start "2025-06-01T10:00"', 'end');
    throwsPayload(e({ summary: 'x', start: '2025-06-01T10:00Z', end: '2025-06-01T11:00+02:00' }), 'event: end "2025-06-01T11:00+02:00" is not after the start "2025-06-01T10:00Z"', 'end');
    throwsPayload(e({ summary: 'x', start: '2025-06-01', end: '2025-06-02T10:00' }), 'event: end "2025-06-02T10:00" is a local (floating) date-time but the start is a date: both must be of one kind (RFC 5545 §3.8.2.2)', 'end');
    throwsPayload(e({ summary: 'x', start: '2025-06-01T10:00', end: '2025-06-01T11:00Z' }), 'event: end "2025-06-01T11:00Z" is a date-time in UTC or with an offset but the start is a local (floating) date-time: both must be of one kind (RFC 5545 §3.8.2.2)', 'end');
    throwsPayload(e({ summary: 'x', start: '2025-06-01T10:00Z', end: '2025-06-02' }), 'event: end "2025-06-02" is a date but the start is a date-time in UTC or with an offset: both must be of one kind (RFC 5545 §3.8.2.2)', 'end');
    throwsPayload(e({ summary: 'x', start: '2025-06-01', location: 'a\u0000' }), 'event: location "a\\u0000" holds the control character U+0000: it must be printable text', 'location');
    throwsPayload(e({ summary: 'x', start: '2025-06-01', dtstart: '2025-06-01' }), 'event: dtstart is not a field of event: the fields are summary, start, end, location, description', 'dtstart');
  });

  test('a leap second is kept as written (RFC 5545 §3.3.12 allows second 60)', () => {
    assert.equal(body(event({ summary: 'x', start: '2016-12-31T23:59:60Z' }))[1], 'DTSTART:20161231T235960Z');
  });
});
