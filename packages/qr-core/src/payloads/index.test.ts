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

describe('qr-core/payloads: the conventions every type shares', () => {
  test('an optional field that is undefined, null or empty is absent; a list drops its empty entries', () => {
    const plain = payload({ type: 'vcard', name: 'A' });
    assert.equal(payload({ type: 'vcard', name: 'A', org: null, note: '', phone: [''], email: [] } as unknown as Payload), plain);
  });

  test('payload({ type, ...fields }) is the builder of that type, for every type', () => {
    const examples: Payload[] = [
      { type: 'wifi', ssid: 'home', password: 's3cret' },
      { type: 'vcard', name: 'Ada Lovelace' },
      { type: 'mecard', name: 'Ada Lovelace' },
      { type: 'email', to: 'ada@example.com' },
      { type: 'sms', number: '+44 7700 900123' },
      { type: 'tel', number: '+44 20 7946 0000' },
      { type: 'geo', latitude: 51.5, longitude: -0.12 },
      { type: 'event', summary: 'x', start: '2025-06-01' },
      { type: 'epc', name: 'x', iban: 'DE89370400440532013000' },
    ];
    assert.deepEqual(examples.map((p) => p.type), PAYLOAD_TYPES);
    for (const example of examples) {
      const { type, ...fields } = example;
      const builder = (payloads as unknown as Record<string, (input: unknown) => string>)[type]!;
      assert.equal(payload(example), builder(fields), type);
    }
  });

  test("every error's field is a field of the schema, or the unknown one given", () => {
    for (const type of PAYLOAD_TYPES) {
      const names = PAYLOAD_SCHEMAS[type].fields.map((f) => f.name);
      for (const name of names) {
        try {
          payload({ type, [name]: Symbol('wrong') } as unknown as Payload);
          assert.fail(`${type}.${name}: a symbol was accepted`);
        } catch (error) {
          assert.ok(error instanceof QrError && error.code === 'INVALID_PAYLOAD', String(error));
          assert.ok(error.field !== undefined && names.includes(error.field), `${type}: ${error.message}`);
          assert.match(error.message, new RegExp(`^${type}: ${error.field} `));
        }
      }
    }
  });

  test('inputs are not changed', () => {
    const input = Object.freeze({ type: 'vcard' as const, name: 'A', phone: Object.freeze(['+1 555 0100', '']) });
    payload(input);
    assert.deepEqual(input.phone, ['+1 555 0100', '']);
  });
});
