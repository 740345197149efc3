/**
 * GS1 element strings (GS1 General Specifications §3, §7.8): a run of elements, each an
 * Application Identifier and its data, read from either of the two forms people hold them in, then
 * validated and written out as the characters a GS1 QR Code carries after FNC1 in first position
 * (ISO/IEC 18004 §7.4.8.2).
 *
 * - Bracketed (the human-readable interpretation under a GS1 symbol, and what zxing-cpp reports):
 *   `(01)09506000134352(17)201225(10)ABC1`. Values may contain '(' and ')' (both are in character
 *   set 82): a '(' starts the next element only when it opens a known AI, i.e. '(' then 2 to 4 digits
 *   forming an AI of the table then ')'; any other '(' belongs to the value, so `(10)AB(C)` is batch
 *   `AB(C)`. A value that itself contains a known "(AI)", such as batch `A(17)B`, cannot be written
 *   in this form: give the raw form instead.
 * - Raw (what a scanner transmits after the symbology identifier):
 *   `01095060001343521720122510ABC1`, with GS (U+001D) after each element not of predefined
 *   length that another element follows.
 *   Each AI is found by the table (AIs are prefix-free, so at most one of the 2-, 3- and 4-digit
 *   prefixes is an AI); a fixed-length element ends after its length, a variable-length one at
 *   GS or the end. A GS after a fixed-length element is accepted, since an encoder puts one after
 *   every element not of predefined length, fixed-length or not (AI 422 N3, for one).
 */
import { QrError } from '../errors.js';
import { applicationIdentifier, type Gs1ApplicationIdentifier } from './application-identifiers.js';
import { showChar, validateValue } from './validate.js';

/** The ASCII group separator, which stands for FNC1 as a separator inside GS1 data (§7.8.5). */
export const GS = '\u001d';

export interface Gs1Element {
  /** The Application Identifier's digits, e.g. `'17'`. */
  readonly ai: string;
  /** The data field, e.g. `'201225'`. */
  readonly value: string;
}

export interface Gs1ElementString {
  readonly elements: readonly Gs1Element[];
  /**
   * The AIs and values concatenated, with GS (U+001D) after every element that is not of
   * predefined length (§7.8.5, Figure 7.8.5-2) and not the last: exactly the characters to encode
   * after FNC1 in first position (ISO/IEC 18004 §7.4.8.2).
   */
  readonly encoded: string;
  /** The (AI)value form, e.g. `(01)09506000134352(10)ABC1`: what zxing-cpp's reader reports. */
  readonly bracketed: string;
}

function invalid(message: string): never {
  throw new QrError('INVALID_DATA', `GS1 element string: ${message}`);
}

function lookup(ai: string): Gs1ApplicationIdentifier {
  const spec = applicationIdentifier(ai);
  if (!spec) invalid(`(${ai}) is not a GS1 Application Identifier (General Specifications §3.2): check the AI's digits`);
  return spec;
}

/** True when a known "(AI)" starts at `index`. */
function opensAi(input: string, index: number): boolean {
  const match = /^\((\d{2,4})\)/.exec(input.slice(index, index + 6));
  return match !== null && applicationIdentifier(match[1]!) !== undefined;
}

function splitBracketed(input: string): Gs1Element[] {
  const gs = input.indexOf(GS);
  if (gs >= 0) {
    invalid(`character ${gs + 1} is a GS (U+001D), but in the bracketed form the brackets separate the elements: remove the GS, or give the raw form without brackets`);
  }
  const elements: Gs1Element[] = [];
  let position = 0;
  while (position < input.length) {
    // Every loop starts at a '(': the input's first character, or one opensAi found.
    const close = input.indexOf(')', position);
    const ai = input.slice(position + 1, close < 0 ? undefined : close);
    if (close < 0 || !/^\d{2,4}$/.test(ai)) {
      invalid(`the '(' at character ${position + 1} must open an AI of 2 to 4 digits closed by ')', as in (01)09506000134352(10)ABC1`);
    }
    lookup(ai);
    let end = close + 1;
    while (end < input.length && !opensAi(input, end)) end++;
    elements.push({ ai, value: input.slice(close + 1, end) });
    position = end;
  }
  return elements;
}

function splitRaw(input: string): Gs1Element[] {
  const elements: Gs1Element[] = [];
  let position = 0;
  while (position < input.length) {
    if (input[position] === GS) {
      invalid(`character ${position + 1} is a GS (U+001D) with no element before it: remove it (a GS only ends a variable-length element that another element follows)`);
    }
    const spec = [2, 3, 4].map((n) => applicationIdentifier(input.slice(position, position + n))).find((found) => found !== undefined);
    if (!spec) {
      const start = [...input.slice(position, position + 4)].map((char) => (/^[!-~]$/.test(char) ? char : showChar(char))).join('');
      invalid(`no GS1 Application Identifier starts at character ${position + 1} ("${start}…"): check the AI, or give the bracketed form, e.g. (01)09506000134352(10)ABC1`);
    }
    const start = position + spec.ai.length;
    const gs = input.indexOf(GS, start);
    const stop = gs < 0 ? input.length : gs;
    const end = spec.minLength === spec.maxLength ? Math.min(start + spec.maxLength, stop) : stop;
    elements.push({ ai: spec.ai, value: input.slice(start, end) });
    position = end;
    if (input[position] === GS) {
      position++;
      if (position === input.length) invalid('the input ends with a GS (U+001D), which separates nothing: remove it');
    }
  }
  return elements;
}

/**
 * Reads a GS1 element string in the bracketed form (input starting with '(') or the raw form
 * (input starting with an AI's digits), validates every element against GS1's AI table, and
 * returns its elements, the characters to encode after FNC1 in first position and the bracketed
 * form. Throws QrError('INVALID_DATA') naming the AI and the rule for anything GS1 forbids.
 */
export function parseGs1(input: string): Gs1ElementString {
  if (input.length === 0) invalid('the input is empty: give at least one element, e.g. (01)09506000134352');
  const elements = input.startsWith('(') ? splitBracketed(input) : splitRaw(input);
  const currentYear = new Date().getUTCFullYear();
  let encoded = '';
  elements.forEach(({ ai, value }, i) => {
    const spec = lookup(ai);
    validateValue(spec, value, currentYear);
    encoded += ai + value + (spec.predefinedLength || i === elements.length - 1 ? '' : GS);
  });
  return Object.freeze({
    elements: Object.freeze(elements.map((element) => Object.freeze(element))),
    encoded,
    bracketed: elements.map(({ ai, value }) => `(${ai})${value}`).join(''),
  });
}
