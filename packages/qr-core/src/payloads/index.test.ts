/**
 * The contract every consumer builds on (qr-server, qr-widget, the CLI): names, PAYLOAD_TYPES,
 * PAYLOAD_SCHEMAS, payload() dispatch, hasSecret, and QrError's code and field.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { QrError } from '../errors.js';
import * as payloads from './index.js';
import { hasSecret, PAYLOAD_SCHEMAS, PAYLOAD_TYPES, payload, type Payload } from './index.js';
import { throwsPayload } from './test-support/assert.js';


describe('qr-core/payloads: the contract', () => {
  test('the names of the design: one builder per type, payload, hasSecret, the schemas', () => {
    for (const name of ['wifi', 'vcard', 'mecard', 'email', 'sms', 'tel', 'geo', 'event', 'epc', 'payload', 'hasSecret']) {
      assert.equal(typeof (payloads as Record<string, unknown>)[name], 'function', name);
    }
    assert.deepEqual(PAYLOAD_TYPES, ['wifi', 'vcard', 'mecard', 'email', 'sms', 'tel', 'geo', 'event', 'epc']);
    assert.ok(Object.isFrozen(PAYLOAD_TYPES));
    assert.deepEqual(Object.keys(PAYLOAD_SCHEMAS), PAYLOAD_TYPES);
  });

  test("the design's example: wifi() and payload({ type: 'wifi' }) give the same text", () => {
    assert.equal(payloads.wifi({ ssid: 'home', password: 's3cret', security: 'WPA', hidden: false }), 'WIFI:T:WPA;S:home;P:s3cret;;');
    assert.equal(payload({ type: 'wifi', ssid: 'home', password: 's3cret' }), 'WIFI:T:WPA;S:home;P:s3cret;;');
  });

  test('the labels, ECL and secret of the contract', () => {
    const labels = Object.fromEntries(PAYLOAD_TYPES.map((type) => [type, PAYLOAD_SCHEMAS[type].label]));
    assert.deepEqual(labels, {
      wifi: 'Wi-Fi',
      vcard: 'Contact (vCard)',
      mecard: 'Contact (MeCard)',
      email: 'E-mail',
      sms: 'SMS',
      tel: 'Phone',
      geo: 'Location',
      event: 'Event',
      epc: 'Payment (SEPA)',
    });
    assert.equal(PAYLOAD_SCHEMAS.epc.ecl, 'M');
    for (const type of PAYLOAD_TYPES) if (type !== 'epc') assert.equal(PAYLOAD_SCHEMAS[type].ecl, undefined, type);
    const secrets = PAYLOAD_TYPES.flatMap((type) => PAYLOAD_SCHEMAS[type].fields.filter((f) => f.secret).map((f) => `${type}.${f.name}`));
    assert.deepEqual(secrets, ['wifi.password']);
    assert.deepEqual(PAYLOAD_SCHEMAS.wifi.fields.find((f) => f.name === 'security')?.choices, ['WPA', 'WEP', 'nopass']);
  });

  test('the fields of each type, as the design names them', () => {
    const fields = Object.fromEntries(PAYLOAD_TYPES.map((type) => [type, PAYLOAD_SCHEMAS[type].fields.map((f) => `${f.name}${f.required ? '' : '?'}:${f.kind}`)]));
    assert.deepEqual(fields, {
      wifi: ['ssid:string', 'password?:string', 'security?:choice', 'hidden?:boolean'],
      vcard: ['name?:string', 'given?:string', 'family?:string', 'org?:string', 'title?:string', 'phone?:strings', 'email?:strings', 'url?:string', 'address?:string', 'note?:string', 'birthday?:string'],
      mecard: ['name:string', 'phone?:strings', 'email?:strings', 'url?:string', 'address?:string', 'note?:string', 'birthday?:string'],
      email: ['to:string', 'subject?:string', 'body?:string', 'cc?:strings', 'bcc?:strings'],
      sms: ['number:string', 'message?:string'],
      tel: ['number:string'],
      geo: ['latitude:number', 'longitude:number', 'altitude?:number'],
      event: ['summary:string', 'start:string', 'end?:string', 'location?:string', 'description?:string'],
      epc: ['name:string', 'iban:string', 'bic?:string', 'amount?:number', 'purpose?:string', 'reference?:string', 'text?:string'],
    });
  });

  test('schemas are frozen through and through, with a label and a description for every field', () => {
    assert.ok(Object.isFrozen(PAYLOAD_SCHEMAS));
    for (const type of PAYLOAD_TYPES) {
      const schema = PAYLOAD_SCHEMAS[type];
      assert.equal(schema.type, type);
      assert.ok(Object.isFrozen(schema) && Object.isFrozen(schema.fields), type);
      for (const field of schema.fields) {
        assert.ok(Object.isFrozen(field), `${type}.${field.name}`);
        assert.ok(field.label.length > 0 && field.description.length > 0, `${type}.${field.name}`);
        assert.match(field.description, /\.$/, `${type}.${field.name}: one sentence`);
        assert.equal(field.kind === 'choice', field.choices !== undefined, `${type}.${field.name}: choices exactly for 'choice'`);
      }
    }
  });

  test('payload() refuses what is not a payload of a known type', () => {
    throwsPayload(() => payload(null as unknown as Payload), 'payload: null must be an object with a type (wifi, vcard, mecard, email, sms, tel, geo, event, epc) and its fields', undefined);
    throwsPayload(() => payload('WIFI:S:x;;' as unknown as Payload), /^payload: "WIFI:S:x;;" must be an object/, undefined);
    throwsPayload(() => payload({ ssid: 'x' } as unknown as Payload), 'payload: type is missing: it must be one of wifi, vcard, mecard, email, sms, tel, geo, event, epc', 'type');
    throwsPayload(() => payload({ type: 'WIFI', ssid: 'x' } as unknown as Payload), 'payload: type "WIFI" is not a payload type: it must be one of wifi, vcard, mecard, email, sms, tel, geo, event, epc', 'type');
  });

  test('unknown fields are refused, naming the field', () => {
    throwsPayload(() => payload({ type: 'wifi', ssid: 'home', passwrd: 's3cret' } as unknown as Payload), 'wifi: passwrd is not a field of wifi: the fields are ssid, password, security, hidden', 'passwrd');
    throwsPayload(() => payloads.wifi({ ssid: 'home', type: 'vcard' } as unknown as Parameters<typeof payloads.wifi>[0]), 'wifi: type "vcard" must be "wifi" here (or left out)', 'type');
  });

  test('hasSecret: true exactly when a secret field is set; never throws', () => {
    assert.equal(hasSecret({ type: 'wifi', ssid: 'home', password: 's3cret' }), true);
    assert.equal(hasSecret({ type: 'wifi', ssid: 'home' }), false);
    assert.equal(hasSecret({ type: 'wifi', ssid: 'home', password: '' }), false);
    assert.equal(hasSecret({ type: 'epc', name: 'x', iban: 'DE89370400440532013000' }), false);
    for (const junk of [null, undefined, 42, 'wifi', { type: 'nope', password: 'x' }, []]) assert.equal(hasSecret(junk as unknown as Payload), false);
  });

  test('QrError carries the field; other errors have none', () => {
    const error = new QrError('INVALID_PAYLOAD', 'epc: iban …', { field: 'iban' });
    assert.equal(error.field, 'iban');
    assert.equal(error.code, 'INVALID_PAYLOAD');
    assert.equal(new QrError('INVALID_OPTION', 'x').field, undefined);
    throwsPayload(() => payloads.epc({ name: 'x', iban: 'DE89 3704 0044 0532 0130 01' }), 'epc: iban DE89 3704 0044 0532 0130 01 has check digits 89 but should have 62', 'iban');
  });
});
