/**
 * Checks one element's value against its AI's format (application-identifiers.ts): length,
 * character set, check digits, dates and times. Every failure is a QrError('INVALID_DATA') whose
 * message names the AI, the rule broken and what to do.
 */
import { QrError, unreachable } from '../errors.js';
import type { Gs1ApplicationIdentifier, Gs1CharacterSet, Gs1Component } from './application-identifiers.js';

/** What each character set accepts (General Specifications §7.11). */
const SETS: Readonly<Record<Gs1CharacterSet, { readonly name: string; readonly pattern: RegExp }>> = {
  N: { name: 'digits 0–9', pattern: /[0-9]/ },
  // Figure 7.11-1, GS1 AI encodable character set 82: printable ASCII less space # $ @ [ \ ] ^ ` { | } ~.
  X: { name: "GS1's character set 82 (A–Z a–z 0–9 and ! \" % & ' ( ) * + , - . / : ; < = > ? _)", pattern: /[!"%-?A-Z_a-z]/ },
  // Figure 7.11-2, set 39: upper-case letters, digits, # - /.
  Y: { name: "GS1's character set 39 (A–Z 0–9 # - /)", pattern: /[#\-/0-9A-Z]/ },
  // Figure 7.11-3, set 64: the file-safe, URI-safe base64 alphabet (RFC 4648 §5), with = as padding.
  Z: { name: "GS1's character set 64 (A–Z a–z 0–9 - _, with = padding at the end)", pattern: /[-0-9A-Z_a-z]/ },
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function fail(spec: Gs1ApplicationIdentifier, message: string): never {
  throw new QrError('INVALID_DATA', `GS1 AI (${spec.ai}) ${spec.title}: ${message}`);
}

/** A character for a message: printable ASCII as itself, anything else as U+XXXX. */
export function showChar(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[!-~]$/.test(char) ? `'${char}'` : char === ' ' ? `a space (${code})` : code;
}

/** The GS1 mod-10 check digit of `digits` (§7.9.1): weights 3, 1, 3, … from the right. */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) sum += Number(digits[i]) * weight;
  return (10 - (sum % 10)) % 10;
}

/**
 * The year a two-digit YY stands for (§7.12, "Determination of century in dates"): at most 50
 * years after the current year or 49 before it, so in 2026, 76 is 2076 and 77 is 1977.
 */
export function fullYear(yy: number, currentYear: number): number {
  const difference = yy - (currentYear % 100);
  const century = currentYear - (currentYear % 100) + (difference >= 51 ? -100 : difference <= -50 ? 100 : 0);
  return century + yy;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The lengths a value may have, as inclusive ranges: `N6 [N6]` is 6 or 12, `N13 [X..17]` 13 to 30. */
function allowedLengths(spec: Gs1ApplicationIdentifier): [number, number][] {
  const ranges: [number, number][] = [];
  let min = 0;
  let max = 0;
  for (const component of spec.components) {
    if (component.optional) ranges.push([min, max]);
    min += component.min;
    max += component.max;
  }
  ranges.push([min, max]);
  // Merge touching ranges, e.g. 13 and 14–30 into 13–30.
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range[0] <= previous[1] + 1) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function describeLengths(ranges: [number, number][]): string {
  const parts = ranges.map(([min, max]) => (min === max ? String(min) : `${min} to ${max}`));
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
  return ranges.length === 1 && ranges[0]![0] === ranges[0]![1] ? `exactly ${list}` : list;
}

function checkLength(spec: Gs1ApplicationIdentifier, value: string): void {
  const ranges = allowedLengths(spec);
  if (ranges.some(([min, max]) => value.length >= min && value.length <= max)) return;
  const unit = spec.components.every((c) => c.set === 'N') && /^\d*$/.test(value) ? 'digits' : 'characters';
  const has = value.length === 0 ? 'the value is empty' : `${JSON.stringify(value)} has ${value.length} ${unit.replace(/s$/, value.length === 1 ? '' : 's')}`;
  const fix = value.length === 0
    ? 'give a value'
    : value.length > spec.maxLength && spec.minLength !== spec.maxLength
      ? 'shorten it; in the raw form, end it with GS (U+001D) if another element follows'
      : 'correct the value';
  // A '(' that does not open a known AI belongs to the value (element-string.ts): say so when it made the value too long.
  const stray = /\((\d{2,4})\)/.exec(value);
  const hint = stray ? ` ("(${stray[1]})" inside it is not a GS1 AI, so it was read as part of the value)` : '';
  fail(spec, `${has}${hint} but needs ${describeLengths(ranges)} ${unit}: ${fix}`);
}

function checkCharacters(spec: Gs1ApplicationIdentifier, component: Gs1Component, part: string, offset: number): void {
  const { name, pattern } = SETS[component.set];
  let end = part.length;
  if (component.set === 'Z') {
    // Base64 padding: one or two '=' at the end of the whole value, whose length is then a multiple of 3 (as GS1's cset64 linter has it).
    const pads = /=*$/.exec(part)![0].length;
    if (pads > 2 || (pads > 0 && (offset + part.length) % 3 !== 0)) {
      fail(spec, `the value ends in ${pads} '=' but base64 padding is one or two '=' making the length a multiple of 3: correct the padding`);
    }
    end -= pads;
  }
  for (let i = 0; i < end; i++) {
    // Every character before the first bad one is ASCII, so i + 1 counts characters; a bad one may be astral.
    const char = String.fromCodePoint(part.codePointAt(i)!);
    if (!pattern.test(char)) {
      fail(spec, `character ${offset + i + 1} is ${showChar(char)}, which is not in ${name}: replace or remove it`);
    }
  }
}

function checkDate(spec: Gs1ApplicationIdentifier, part: string, longYear: boolean, dayZero: boolean, currentYear: number): void {
  const year = longYear ? Number(part.slice(0, 4)) : fullYear(Number(part.slice(0, 2)), currentYear);
  const month = Number(part.slice(-4, -2));
  const day = Number(part.slice(-2));
  const form = longYear ? 'YYYYMMDD' : 'YYMMDD';
  if (month < 1 || month > 12) fail(spec, `${part} is not a date ${form}: month ${part.slice(-4, -2)} is not 01 to 12: correct the month`);
  const days = daysInMonth(year, month);
  if (day === 0 && dayZero) return;
  if (day < 1 || day > days) {
    const why = day === 0
      ? `day 00 ("no particular day") is allowed only in AIs 11 to 17, 4324 and 4325`
      : `${MONTHS[month - 1]} ${year} has ${days} days`;
    fail(spec, `${part} is not a date ${form}: ${why}: give a day from 01 to ${days}${dayZero ? ' (or 00)' : ''}`);
  }
}

function checkClock(spec: Gs1ApplicationIdentifier, part: string, what: 'hour' | 'minute' | 'second', highest: number): void {
  if (Number(part) > highest) fail(spec, `${what} ${part} is not 00 to ${highest}: correct the time`);
}

/**
 * Throws unless `value` is a valid data field for `spec`. `currentYear` fixes the century of
 * YYMMDD dates, which only matters for 29 February of YY = 00 (2000 was a leap year, 2100 is not).
 */
export function validateValue(spec: Gs1ApplicationIdentifier, value: string, currentYear: number): void {
  checkLength(spec, value);
  let offset = 0;
  for (const component of spec.components) {
    if (offset === value.length && component.optional) break;
    // Only the last component is variable, so it takes the rest.
    const part = value.slice(offset, component.min === component.max ? offset + component.max : undefined);
    checkCharacters(spec, component, part, offset);
    switch (component.check) {
      case undefined:
        break;
      case 'checkDigit': {
        const body = part.slice(0, -1);
        const expected = String(gs1CheckDigit(body));
        const given = part.slice(-1);
        if (given !== expected) {
          const where = offset + part.length === value.length ? 'the last digit' : `digit ${offset + part.length}`;
          fail(spec, `the check digit is ${given} but ${body} needs ${expected} (GS1 mod-10, General Specifications §7.9.1): correct ${where} to ${expected}, or check the digits before it`);
        }
        break;
      }
      case 'yymmdd':
      case 'yymmd0':
      case 'yyyymmdd':
        checkDate(spec, part, component.check === 'yyyymmdd', component.check === 'yymmd0', currentYear);
        break;
      case 'hh':
        checkClock(spec, part, 'hour', 23);
        break;
      case 'mi':
        checkClock(spec, part, 'minute', 59);
        break;
      case 'ss':
        checkClock(spec, part, 'second', 59);
        break;
      case 'hhmi':
        checkClock(spec, part.slice(0, 2), 'hour', 23);
        checkClock(spec, part.slice(2), 'minute', 59);
        break;
      case 'zero':
        if (part !== '0') fail(spec, `digit ${offset + 1} is ${part} but must be 0 (a filler digit): correct it to 0`);
        break;
      case 'nonZero':
        if (/^0+$/.test(part)) fail(spec, `digits ${offset + 1} to ${offset + part.length} are all zeros, which GS1 forbids there: give a non-zero number`);
        break;
      case 'winding':
        if (!'019'.includes(part)) fail(spec, `digit ${offset + 1} is the winding direction: 0 (face out), 1 (face in) or 9 (undefined), not ${part}`);
        break;
      case 'yesNo':
        if (part !== '0' && part !== '1') fail(spec, `the value is ${part} but must be 0 (no) or 1 (yes)`);
        break;
      case 'minus':
        if (part !== '-') fail(spec, `character ${offset + 1} is ${showChar(part)}: after the six digits only '-' (a negative temperature) may follow`);
        break;
      case 'pieceOfTotal': {
        const piece = Number(part.slice(0, 2));
        const total = Number(part.slice(2));
        if (piece === 0 || total === 0 || piece > total) {
          fail(spec, `piece ${part.slice(0, 2)} of ${part.slice(2)} is not a piece of a whole: the piece number (digits ${offset + 1}–${offset + 2}) must be 01 to the total (digits ${offset + 3}–${offset + 4}), which is 01 or more`);
        }
        break;
      }
      case 'noLeadingZero':
        if (part.length > 1 && part.startsWith('0')) fail(spec, `${part} starts with 0, which GS1 forbids (0 alone is allowed): remove the leading zeros`);
        break;
      default:
        unreachable(component.check);
    }
    offset += part.length;
  }
}
