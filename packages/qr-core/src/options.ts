/**
 * Checks of the options objects that callers pass (the encoder's and the renderers'): a JavaScript
 * caller may pass anything, so each option is checked and a mistake is an INVALID_OPTION QrError
 * that names the option, what is accepted and what was given.
 */
import { QrError } from './errors.js';

/** What was given, for a message: numbers as they are, anything else with its type. */
function given(value: unknown): string {
  return typeof value === 'number' || value === undefined ? String(value) : `${typeof value} ${JSON.stringify(value)}`;
}

/** Throws INVALID_OPTION unless `options` is an object. */
export function checkOptionsObject(options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    throw new QrError('INVALID_OPTION', `options must be an object; got ${String(options)}`);
  }
}

/** `value` as an integer in min..max, or `fallback` when undefined (without one, undefined is a mistake). */
export function integerOption(option: string, value: unknown, min: number, max: number, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new QrError('INVALID_OPTION', `${option} must be an integer from ${min} to ${max}; got ${given(value)}`);
  }
  return value;
}

/** `value` if it is one of `allowed`, or `fallback` when undefined (without one, undefined is a mistake). */
export function choiceOption<T extends string | boolean>(option: string, value: unknown, allowed: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw new QrError('INVALID_OPTION', `${option} must be one of ${allowed.map((choice) => JSON.stringify(choice)).join(', ')}; got ${given(value)}`);
  }
  return value as T;
}
