/**
 * What `<qr-widget>` can make a code of: text (the default, the text field) or one of qr-core's
 * payloads, each with its form. The forms and qr-core/payloads are loaded when a payload is
 * first chosen (src/controllers/payload-controller.ts); this list is all the first paint needs.
 */
import type { PayloadType } from 'qr-core/payloads';

/** The payload types the picker offers: every one but MeCard, since Contact makes a vCard. */
export type FormType = Exclude<PayloadType, 'mecard'>;

export type ContentType = 'text' | FormType;

/** The picker's choices, in its order, with its words. */
export const CONTENT_TYPES: readonly (readonly [ContentType, string])[] = [
  ['text', 'Text or URL'],
  ['wifi', 'Wi-Fi'],
  ['vcard', 'Contact'],
  ['email', 'E-mail'],
  ['sms', 'SMS'],
  ['tel', 'Phone'],
  ['geo', 'Location'],
  ['event', 'Event'],
  ['epc', 'Payment'],
];

export function isContentType(value: unknown): value is ContentType {
  return CONTENT_TYPES.some(([type]) => type === value);
}

/** The id of a payload field's control in the form: the element moves focus to the field at fault. */
export function payloadFieldId(name: string): string {
  return `payload-${name}`;
}
