/**
 * qr-core/payloads: the texts people put in QR codes — Wi-Fi logins, contact cards, e-mails, text
 * messages, phone numbers, places, events and SEPA payments — built from their specifications
 * (each module cites its own), checked field by field. Zero dependencies, browser-safe.
 *
 *     import { wifi, payload } from 'qr-core/payloads';
 *     wifi({ ssid: 'home', password: 's3cret' });                  // 'WIFI:T:WPA;S:home;P:s3cret;;'
 *     payload({ type: 'wifi', ssid: 'home', password: 's3cret' }); // the same, dispatched by type
 *
 * Every mistake is a QrError with code 'INVALID_PAYLOAD', a message `<type>: <field> <what was
 * given> <what it must be>` and `field` naming the field; unknown fields are refused.
 */
import { QrError } from '../errors.js';
import { email, EMAIL_SCHEMA, type EmailPayload } from './email.js';
import { epc, EPC_SCHEMA, type EpcPayload } from './epc.js';
import { event, EVENT_SCHEMA, type EventPayload } from './event.js';
import { fail, show } from './fields.js';
import { geo, GEO_SCHEMA, type GeoPayload } from './geo.js';
import { mecard, MECARD_SCHEMA, type MecardPayload } from './mecard.js';
import type { PayloadSchema, PayloadType } from './schema.js';
import { sms, SMS_SCHEMA, type SmsPayload } from './sms.js';
import { tel, TEL_SCHEMA, type TelPayload } from './tel.js';
import { vcard, VCARD_SCHEMA, type VcardPayload } from './vcard.js';
import { wifi, WIFI_SCHEMA, type WifiPayload } from './wifi.js';

export { QrError };
export type { QrErrorCode, QrErrorOptions } from '../errors.js';
export type { PayloadFieldSchema, PayloadSchema, PayloadType } from './schema.js';
export { email, epc, event, geo, mecard, sms, tel, vcard, wifi };
export type { EmailPayload, EpcPayload, EventPayload, GeoPayload, MecardPayload, SmsPayload, TelPayload, VcardPayload, WifiPayload };
export { SEPA_IBAN_LENGTHS } from './iban.js';

/** The payload types, in the order people see them. */
export const PAYLOAD_TYPES: readonly PayloadType[] = Object.freeze(['wifi', 'vcard', 'mecard', 'email', 'sms', 'tel', 'geo', 'event', 'epc']);

/** Any payload, told apart by `type`. */
export type Payload =
  | ({ type: 'wifi' } & WifiPayload)
  | ({ type: 'vcard' } & VcardPayload)
  | ({ type: 'mecard' } & MecardPayload)
  | ({ type: 'email' } & EmailPayload)
  | ({ type: 'sms' } & SmsPayload)
  | ({ type: 'tel' } & TelPayload)
  | ({ type: 'geo' } & GeoPayload)
  | ({ type: 'event' } & EventPayload)
  | ({ type: 'epc' } & EpcPayload);

/** Each type's fields: the one source of truth for forms, API schemas and the CLI. */
export const PAYLOAD_SCHEMAS: Readonly<Record<PayloadType, PayloadSchema>> = Object.freeze({
  wifi: WIFI_SCHEMA,
  vcard: VCARD_SCHEMA,
  mecard: MECARD_SCHEMA,
  email: EMAIL_SCHEMA,
  sms: SMS_SCHEMA,
  tel: TEL_SCHEMA,
  geo: GEO_SCHEMA,
  event: EVENT_SCHEMA,
  epc: EPC_SCHEMA,
});

const BUILDERS: Readonly<Record<PayloadType, (input: never) => string>> = Object.freeze({ wifi, vcard, mecard, email, sms, tel, geo, event, epc });

function isPayloadType(value: unknown): value is PayloadType {
  return typeof value === 'string' && (PAYLOAD_TYPES as readonly string[]).includes(value);
}

/** The text of any payload, by its `type`: what qr-server, qr-widget and the CLI call. */
export function payload(p: Payload): string {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) {
    fail('payload', undefined, `${show(p)} must be an object with a type (${PAYLOAD_TYPES.join(', ')}) and its fields`);
  }
  const type = (p as { type?: unknown }).type;
  if (type === undefined || type === null || type === '') fail('payload', 'type', `is missing: it must be one of ${PAYLOAD_TYPES.join(', ')}`);
  if (!isPayloadType(type)) fail('payload', 'type', `${show(type)} is not a payload type: it must be one of ${PAYLOAD_TYPES.join(', ')}`);
  // Each builder refuses fields it does not know and takes its own `type`.
  return (BUILDERS[type] as (input: Payload) => string)(p);
}

/**
 * True when `p` has a secret field set (a Wi-Fi password): its text must not be logged, and
 * answers carrying it not cached. Never throws: anything that is not a payload of a known type
 * has no secret field.
 */
export function hasSecret(p: Payload): boolean {
  if (typeof p !== 'object' || p === null) return false;
  const type = (p as { type?: unknown }).type;
  if (!isPayloadType(type)) return false;
  const record = p as unknown as Record<string, unknown>;
  return PAYLOAD_SCHEMAS[type].fields.some((field) => {
    if (field.secret !== true) return false;
    const value = record[field.name];
    return value !== undefined && value !== null && value !== '';
  });
}
