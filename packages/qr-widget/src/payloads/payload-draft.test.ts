import { expect } from '@open-wc/testing';
import { payload, PAYLOAD_SCHEMAS } from 'qr-core/payloads';
import { CONTENT_TYPES } from '../content-types.js';
import { draftPayload, fileSlug, FORMS, formFields, groupIban, NO_SECRET_LINK, readDraft } from './payload-draft.js';

describe('payload drafts', () => {
  it('shows, for every type the picker offers, fields that qr-core has', () => {
    for (const [type] of CONTENT_TYPES) {
      if (type === 'text') continue;
      const names = formFields(type).map((field) => field.name);
      expect(names, type).to.deep.equal(FORMS[type].fields ?? PAYLOAD_SCHEMAS[type].fields.map((field) => field.name));
    }
  });

  it('leaves empty fields out, reads lists one per line and numbers with a point or a comma', () => {
    expect(draftPayload('vcard', { name: ' Ada Lovelace ', org: '', phone: '+44 20 7946 0000\n\n +44 7700 900123 \n', email: 'ada@example.com' })).to.deep.equal({
      type: 'vcard',
      name: 'Ada Lovelace',
      phone: ['+44 20 7946 0000', '+44 7700 900123'],
      email: 'ada@example.com',
    });
    expect(draftPayload('geo', { latitude: '51.5034', longitude: '-0,1276' })).to.deep.equal({ type: 'geo', latitude: 51.5034, longitude: -0.1276 });
    expect(draftPayload('epc', { name: 'Red Cross', iban: 'DE89 3704 0044 0532 0130 00', amount: '12,50' })).to.deep.equal({
      type: 'epc',
      name: 'Red Cross',
      iban: 'DE89370400440532013000',
      amount: 12.5,
    });
    // Not a number: handed over as typed, for qr-core to say what it must be.
    expect(draftPayload('geo', { latitude: 'north' })).to.deep.equal({ type: 'geo', latitude: 'north' });
  });

  it('keeps Wi-Fi credentials exactly as typed, and a box not ticked out', () => {
    expect(draftPayload('wifi', { ssid: ' home ', password: ' pass word ', hidden: false, '#password-shown': true })).to.deep.equal({
      type: 'wifi',
      ssid: ' home ',
      password: ' pass word ',
    });
    expect(draftPayload('wifi', { ssid: 'home', hidden: true })).to.deep.equal({ type: 'wifi', ssid: 'home', hidden: true });
  });

  it("reads a draft into qr-core's text, the file name and a label without the secret", () => {
    const reading = readDraft('wifi', { ssid: 'Café Wi-Fi', password: 's3cret;pass' });
    expect(reading).to.deep.equal({
      ok: true,
      text: payload({ type: 'wifi', ssid: 'Café Wi-Fi', password: 's3cret;pass' }),
      payload: { type: 'wifi', ssid: 'Café Wi-Fi', password: 's3cret;pass' },
      secret: true,
      noLink: NO_SECRET_LINK,
      fileName: 'wifi-cafe-wi-fi',
      label: 'Wi-Fi: Café Wi-Fi',
    });
    const open = readDraft('wifi', { ssid: 'guest' });
    expect(open).to.include({ ok: true, secret: false, fileName: 'wifi-guest' });
    expect(open).not.to.have.property('noLink');
    expect(readDraft('geo', { latitude: '1', longitude: '2' })).to.include({ fileName: 'location', label: 'Location' });
  });

  it("says qr-core's problem and the field it names", () => {
    let message = '';
    try {
      payload({ type: 'wifi', ssid: 'home', security: 'nopass', password: 's3cret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).to.match(/^wifi: password /);
    expect(readDraft('wifi', { ssid: 'home', security: 'nopass', password: 's3cret' })).to.deep.equal({ ok: false, field: 'password', message });
    expect(readDraft('wifi', {})).to.include({ ok: false, field: 'ssid' });
  });

  it('makes file names of what was typed', () => {
    expect(fileSlug('Ada Lovelace')).to.equal('ada-lovelace');
    expect(fileSlug('  +44 20 7946 0000 ')).to.equal('44-20-7946-0000');
    expect(fileSlug('Åsa Öberg — Crème brûlée')).to.equal('asa-oberg-creme-brulee');
    expect(fileSlug('東京')).to.equal('');
    expect(fileSlug('x'.repeat(39) + ' y')).to.equal('x'.repeat(39));
  });

  it('groups an IBAN in fours as it is typed, the cursor after the same character', () => {
    expect(groupIban('de89370400440532013000')).to.deep.equal({ text: 'DE89 3704 0044 0532 0130 00', caret: 27 });
    expect(groupIban('DE89 3')).to.deep.equal({ text: 'DE89 3', caret: 6 });
    expect(groupIban('DE893')).to.deep.equal({ text: 'DE89 3', caret: 6 });
    expect(groupIban('DE89')).to.deep.equal({ text: 'DE89', caret: 4 });
    // A character typed in the middle: the cursor stays after it.
    expect(groupIban('DE89 37X04 0044', 8)).to.deep.equal({ text: 'DE89 37X0 4004 4', caret: 8 });
    // A space deleted in the middle comes back; the cursor stays before the next character.
    expect(groupIban('DE893704 0044', 4)).to.deep.equal({ text: 'DE89 3704 0044', caret: 4 });
    expect(groupIban('DE-89/3704', 3)).to.deep.equal({ text: 'DE89 3704', caret: 2 });
  });
});
