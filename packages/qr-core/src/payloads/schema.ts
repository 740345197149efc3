/**
 * What a form, an API schema or a CLI needs to know about each payload type's fields — the one
 * source of truth that `payload()`'s checks, qr-server's OpenAPI description, qr-widget's forms
 * and the `qr <type>` subcommands are all built from.
 */

/** The payload types, in the order people see them. */
export type PayloadType = 'wifi' | 'vcard' | 'mecard' | 'email' | 'sms' | 'tel' | 'geo' | 'event' | 'epc';

export interface PayloadFieldSchema {
  /** The field's name in the payload object: `'ssid'`. */
  readonly name: string;
  /**
   * `'string'`, `'number'` (a finite JavaScript number), `'boolean'`, `'choice'` (one of
   * {@link choices}), or `'strings'`: a string or a list of strings (phone, email, cc, bcc).
   */
  readonly kind: 'string' | 'number' | 'boolean' | 'strings' | 'choice';
  /** True where the format needs the field (for vcard: name or given/family — none is marked, the check says so). */
  readonly required: boolean;
  /** The values a `'choice'` field takes. */
  readonly choices?: readonly string[];
  /** A secret (the Wi-Fi password): never logged, answers carrying it never cached. */
  readonly secret?: true;
  /** A short English label for forms and `--help`: 'Network name (SSID)'. */
  readonly label: string;
  /** One sentence, with format hints ('YYYY-MM-DD', 'ISO 8601 date or date-time'). */
  readonly description: string;
}

export interface PayloadSchema {
  readonly type: PayloadType;
  /** 'Wi-Fi', 'Contact (vCard)', … */
  readonly label: string;
  readonly fields: readonly PayloadFieldSchema[];
  /** The error correction level the format requires (epc: M, EPC069-12 §3.1); servers, widget and CLI use it and say so. */
  readonly ecl?: 'M';
  /**
   * The symbology the format requires (epc: a QR code — EPC069-12 specifies "QR code" versions 1–13,
   * which banking apps read; no Micro QR or rMQR); absent where any symbol that holds the text will do.
   */
  readonly symbology?: 'qr';
}

/** Freezes a schema and its fields (and their choices), so no consumer can change the source of truth. */
export function defineSchema(schema: PayloadSchema): PayloadSchema {
  for (const field of schema.fields) {
    if (field.choices) Object.freeze(field.choices);
    Object.freeze(field);
  }
  Object.freeze(schema.fields);
  return Object.freeze(schema);
}

/**
 * The fields that vCard and MeCard share, described once: the two contact formats take them
 * alike (the address alone is worded for each, since a vCard's may span lines).
 */
export const CONTACT_FIELDS = Object.freeze({
  phone: { name: 'phone', kind: 'strings', required: false, label: 'Phone', description: 'A phone number, such as +44 20 7946 0000; one or several.' },
  email: { name: 'email', kind: 'strings', required: false, label: 'E-mail', description: 'An e-mail address, such as ada@example.com; one or several.' },
  url: { name: 'url', kind: 'string', required: false, label: 'Website', description: 'A web address with its scheme, such as https://example.com.' },
  note: { name: 'note', kind: 'string', required: false, label: 'Note', description: 'Any other text.' },
  birthday: { name: 'birthday', kind: 'string', required: false, label: 'Birthday', description: 'The date of birth, YYYY-MM-DD.' },
} satisfies Record<string, PayloadFieldSchema>);
