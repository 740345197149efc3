import type { TemplateResult } from 'lit';
import type { Ecl, FinderShape, ModuleShape, SymbologyName } from 'qr-core';

/** The options the fieldset sets: each is a reactive property of `<qr-widget>` of the same name. */
export interface WidgetOptions {
  ecl: Ecl;
  scale: number;
  dark: string;
  light: string;
}

/** The options of the Style fieldset, reactive properties of `<qr-widget>` too. */
export interface StyleOptions {
  moduleShape: ModuleShape;
  finderShape: FinderShape;
  /** '' while it follows the dark colour, until a colour is picked. */
  finderColor: string;
}

/** The symbol options (issue 13): which member of the QR family, GS1 data, and rMQR's height bound. Reactive properties of `<qr-widget>` too. */
export interface SymbolOptions {
  symbology: SymbologyName;
  gs1: boolean;
  /** rMQR only: the most modules down; undefined for the smallest symbol that holds the data. */
  maxHeight: number | undefined;
}

/** An ECL that choosing a symbology moved to the closest one it has, while it stands. */
export interface EclSwitch {
  readonly from: Ecl;
  readonly to: Ecl;
}

/**
 * Every option a piece renders from: the style is there for the widget, not for every caller, and
 * so are `eclBeforeLogo`, the ECL that putting a logo on switched from to H, while it stands, and
 * `eclLock`, the ECL a payload's format requires (a SEPA payment's M) and why, while it is chosen.
 */
export type PieceOptions = WidgetOptions &
  Partial<StyleOptions> &
  Partial<SymbolOptions> & {
    readonly eclBeforeLogo?: Ecl | undefined;
    readonly eclLock?: { readonly ecl: Ecl; readonly reason: string } | undefined;
    /** The ECL the symbology chosen lacked, and the one it moved to, while it stands. */
    readonly eclSwitch?: EclSwitch | undefined;
    /** The symbology a payload's format requires (a SEPA payment's QR code) and why, while it is chosen. */
    readonly symbologyLock?: { readonly symbology: SymbologyName; readonly reason: string } | undefined;
  };

export type OptionName = keyof WidgetOptions | keyof StyleOptions | keyof SymbolOptions;

/** A form field of the fieldset. */
export type OptionField = HTMLInputElement | HTMLSelectElement;

/** What a changed field says: the options to set, or why its value cannot be used. */
export type OptionReading = { set: Partial<WidgetOptions & StyleOptions & SymbolOptions> } | { problem: string };

/**
 * One piece of the options fieldset: the fields for one option (or for a few that belong
 * together, with what they say about each other), and how to read them when they change. A new
 * option is a new piece in options.ts's list; the element only passes its values in and applies
 * what the pieces read.
 */
export interface OptionPiece<O extends PieceOptions = PieceOptions> {
  /** The `name`s of the piece's fields, which are the options they set. */
  readonly names: readonly OptionName[];
  /** The piece's fields (each a `.field` block) for the current options. */
  render(options: Readonly<O>): TemplateResult;
  /** What the changed field `field`, one of {@link names}, sets. */
  read(field: OptionField): OptionReading;
}
