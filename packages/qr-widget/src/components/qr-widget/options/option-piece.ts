import type { TemplateResult } from 'lit';
import type { Ecl } from 'qr-core';

/** The options the fieldset sets: each is a reactive property of `<qr-widget>` of the same name. */
export interface WidgetOptions {
  ecl: Ecl;
  scale: number;
  dark: string;
  light: string;
}

export type OptionName = keyof WidgetOptions;

/** A form field of the fieldset. */
export type OptionField = HTMLInputElement | HTMLSelectElement;

/** What a changed field says: the options to set, or why its value cannot be used. */
export type OptionReading = { set: Partial<WidgetOptions> } | { problem: string };

/**
 * One piece of the options fieldset: the fields for one option (or for a few that belong
 * together, with what they say about each other), and how to read them when they change. A new
 * option is a new piece in options.ts's list; the element only passes its values in and applies
 * what the pieces read.
 */
export interface OptionPiece {
  /** The `name`s of the piece's fields, which are the options they set. */
  readonly names: readonly OptionName[];
  /** The piece's fields (each a `.field` block) for the current options. */
  render(options: Readonly<WidgetOptions>): TemplateResult;
  /** What the changed field `field`, one of {@link names}, sets. */
  read(field: OptionField): OptionReading;
}
