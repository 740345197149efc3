import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { payload, QrError, type Payload } from 'qr-core/payloads';
import type { ContentType, FormType } from '../../content-types.js';
import { decodeImage, decodeSvg } from '../../test-support/decode.js';
import { catchDownloads, catchRequests, withClipboard } from '../../test-support/stand-ins.js';
import type { QrCode } from '../qr-code/qr-code.component.js';
import type { QrWidget } from './qr-widget.component.js';
import './qr-widget.js';

const servers = executeServerCommand<{ url: string; downUrl: string }, undefined>('qr-server');

const shadow = (widget: QrWidget) => widget.shadowRoot!;
const code = (widget: QrWidget): QrCode => shadow(widget).querySelector('qr-code')!;
const field = <T extends HTMLElement = HTMLInputElement>(widget: QrWidget, name: string) => shadow(widget).querySelector<T>(`#payload-${name}`)!;
const statusLine = (widget: QrWidget) => shadow(widget).querySelector<HTMLElement>('[part~="status"]')!;
const buttonLabels = (widget: QrWidget) => [...shadow(widget).querySelectorAll('[part~="actions"] button')].map((button) => button.textContent!.trim());
const button = (widget: QrWidget, label: string) => {
  const found = [...shadow(widget).querySelectorAll('button')].find((candidate) => candidate.textContent!.trim() === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
};

/** Chooses a content type in the picker, the way a person does, and waits for its form. */
async function choose(widget: QrWidget, type: ContentType): Promise<void> {
  const picker = shadow(widget).querySelector<HTMLSelectElement>('#content-type')!;
  picker.value = type;
  picker.dispatchEvent(new Event('change', { bubbles: true }));
  await widget.updateComplete;
  if (type !== 'text') await waitUntil(() => shadow(widget).querySelector('[part~="payload"]'), `the ${type} form shows`);
}

/** Fills a field as a person does: the value changes with an input event, then leaving it fires change. */
async function fill(widget: QrWidget, name: string, value: string | boolean, { leave = true } = {}): Promise<void> {
  const control = field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(widget, name);
  if (control === null) throw new Error(`no field ${name}`);
  if (typeof value === 'boolean') (control as HTMLInputElement).checked = value;
  else control.value = value;
  if (!(control instanceof HTMLSelectElement) && typeof value !== 'boolean') control.dispatchEvent(new Event('input', { bubbles: true }));
  if (leave || control instanceof HTMLSelectElement || typeof value === 'boolean') control.dispatchEvent(new Event('change', { bubbles: true }));
  await widget.updateComplete;
}

/** The preview once the widget and it have rendered. */
async function shown(widget: QrWidget): Promise<QrCode> {
  await widget.updateComplete;
  await code(widget).updateComplete;
  return code(widget);
}

function problemOf(input: Payload): string {
  try {
    payload(input);
  } catch (error) {
    if (error instanceof QrError) return error.message;
    throw error;
  }
  throw new Error(`${input.type} has no problem`);
}

/** A filled form of each type: what is typed, and the payload it must make. */
const FILLED: readonly { type: FormType; fields: Readonly<Record<string, string | boolean>>; payload: Payload; file: string }[] = [
  {
    type: 'wifi',
    fields: { ssid: 'home', password: 's3cret;pass,"word"', security: 'WPA', hidden: true },
    payload: { type: 'wifi', ssid: 'home', password: 's3cret;pass,"word"', security: 'WPA', hidden: true },
    file: 'wifi-home',
  },
  {
    type: 'vcard',
    fields: {
      name: 'Ada Lovelace',
      org: 'Analytical Engines; Ltd',
      phone: '+44 20 7946 0000\n+44 7700 900123',
      email: 'ada@example.com',
      url: 'https://example.com/ada',
      address: '12 St James’s Square\nLondon',
      note: 'Met at the conference, say hi',
    },
    payload: {
      type: 'vcard',
      name: 'Ada Lovelace',
      org: 'Analytical Engines; Ltd',
      phone: ['+44 20 7946 0000', '+44 7700 900123'],
      email: 'ada@example.com',
      url: 'https://example.com/ada',
      address: '12 St James’s Square\nLondon',
      note: 'Met at the conference, say hi',
    },
    file: 'contact-ada-lovelace',
  },
  {
    type: 'email',
    fields: { to: 'ada@example.com', subject: 'Hello & welcome', body: 'Line one\nLine two', cc: 'bob@example.com\ncarol@example.com' },
    payload: { type: 'email', to: 'ada@example.com', subject: 'Hello & welcome', body: 'Line one\nLine two', cc: ['bob@example.com', 'carol@example.com'] },
    file: 'email-ada-example-com',
  },
  { type: 'sms', fields: { number: '+44 7700 900123', message: 'On my way: 10 min' }, payload: { type: 'sms', number: '+44 7700 900123', message: 'On my way: 10 min' }, file: 'sms-44-7700-900123' },
  { type: 'tel', fields: { number: '+44 20 7946 0000' }, payload: { type: 'tel', number: '+44 20 7946 0000' }, file: 'phone-44-20-7946-0000' },
  { type: 'geo', fields: { latitude: '51.5034', longitude: '-0.1276' }, payload: { type: 'geo', latitude: 51.5034, longitude: -0.1276 }, file: 'location' },
  {
    type: 'event',
    fields: { summary: 'Launch party', start: '2026-12-24T18:30', end: '2026-12-24T22:00', location: 'Berlin, Alexanderplatz' },
    payload: { type: 'event', summary: 'Launch party', start: '2026-12-24T18:30', end: '2026-12-24T22:00', location: 'Berlin, Alexanderplatz' },
    file: 'event-launch-party',
  },
  {
    type: 'epc',
    fields: { name: 'Red Cross', iban: 'de89370400440532013000', bic: 'COBADEFFXXX', amount: '12,50', text: 'Donation' },
    payload: { type: 'epc', name: 'Red Cross', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', amount: 12.5, text: 'Donation' },
    file: 'payment-red-cross',
  },
];

async function filled(type: FormType): Promise<{ widget: QrWidget; text: string; file: string }> {
  const example = FILLED.find((candidate) => candidate.type === type)!;
  const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
  await choose(widget, type);
  for (const [name, value] of Object.entries(example.fields)) await fill(widget, name, value);
  return { widget, text: payload(example.payload), file: example.file };
}

describe('<qr-widget> payloads', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  it('starts with Text, and offers every content type in its picker', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget></qr-widget>`);
    const picker = shadow(widget).querySelector<HTMLSelectElement>('#content-type')!;
    expect(picker.value).to.equal('text');
    expect([...picker.options].map((option) => option.textContent)).to.deep.equal(['Text or URL', 'Wi-Fi', 'Contact', 'E-mail', 'SMS', 'Phone', 'Location', 'Event', 'Payment']);
    expect(shadow(widget).querySelector('textarea#data')).to.exist;
    expect(shadow(widget).querySelector('[part~="payload"]')).to.equal(null);
  });

  for (const example of FILLED) {
    it(`makes a ${example.type} code from its form that reads back as qr-core's payload text, and saves it as ${example.file}`, async () => {
      const { widget, text, file } = await filled(example.type);
      expect(widget.value).to.equal(text);
      const preview = await shown(widget);
      expect(await decodeSvg(preview.svg!), 'the preview').to.equal(text);
      expect(preview.getAttribute('label')).not.to.contain('s3cret');
      const caught = await catchDownloads(async () => {
        button(widget, 'Download PNG').click();
        await waitUntil(() => statusLine(widget).textContent === 'PNG saved.', 'the PNG was saved');
        button(widget, 'Download SVG').click();
        await waitUntil(() => statusLine(widget).textContent === 'SVG saved.', 'the SVG was saved');
      });
      expect(caught.map(({ link }) => link.download).sort()).to.deep.equal([`${file}.png`, `${file}.svg`]);
      const png = caught.find(({ link }) => link.download.endsWith('.png'))!;
      expect(await decodeImage(await png.blob), 'the PNG').to.equal(text);
    });
  }

  it('follows the form as it is typed', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
    await choose(widget, 'wifi');
    expect(statusLine(widget).textContent).to.equal('Fill in the form to make a QR code.');
    for (const ssid of ['h', 'ho', 'home']) {
      await fill(widget, 'ssid', ssid, { leave: false });
      expect(await decodeSvg((await shown(widget)).svg!)).to.equal(payload({ type: 'wifi', ssid }));
    }
  });

  it('groups the IBAN in fours as it is typed', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
    await choose(widget, 'epc');
    const iban = field(widget, 'iban');
    await fill(widget, 'iban', 'de8937040', { leave: false });
    expect(iban.value).to.equal('DE89 3704 0');
    expect(iban.selectionStart).to.equal(11);
  });

  it("shows qr-core's problem next to its field once the field is left, and announces it", async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
    await choose(widget, 'wifi');
    const long = 'x'.repeat(33);
    await fill(widget, 'ssid', long, { leave: false });
    const ssid = field(widget, 'ssid');
    // Not yet left: nobody is told off while typing.
    expect(ssid.hasAttribute('aria-invalid')).to.equal(false);
    expect(field(widget, 'ssid-error')).to.equal(null);
    expect(widget.value).to.equal('');
    expect(shadow(widget).querySelector('.placeholder')).to.exist;

    ssid.dispatchEvent(new Event('change', { bubbles: true }));
    await widget.updateComplete;
    const message = problemOf({ type: 'wifi', ssid: long });
    expect(message).to.match(/^wifi: ssid /);
    expect(ssid.getAttribute('aria-invalid')).to.equal('true');
    expect(ssid.getAttribute('aria-describedby')!.split(' ')).to.deep.equal(['payload-ssid-hint', 'payload-ssid-error']);
    expect(field<HTMLElement>(widget, 'ssid-error').textContent).to.equal(message);
    expect(statusLine(widget).textContent).to.equal(message);
    expect(statusLine(widget).getAttribute('role')).to.equal('status');
    expect(statusLine(widget).dataset.kind).to.equal('error');
    await expect(widget).to.be.accessible();

    // Typed right: the problem goes from the field and the status line, and the code comes.
    await fill(widget, 'ssid', 'home', { leave: false });
    expect(ssid.hasAttribute('aria-invalid')).to.equal(false);
    expect(field(widget, 'ssid-error')).to.equal(null);
    expect(statusLine(widget).textContent).to.equal('');
    expect(await decodeSvg((await shown(widget)).svg!)).to.equal(payload({ type: 'wifi', ssid: 'home' }));
  });

  it('says a problem of one field next to that field only, as the fields change', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
    await choose(widget, 'wifi');
    await fill(widget, 'ssid', 'home');
    await fill(widget, 'security', 'nopass');
    await fill(widget, 'password', 's3cretpass');
    const message = problemOf({ type: 'wifi', ssid: 'home', security: 'nopass', password: 's3cretpass' });
    expect(field<HTMLElement>(widget, 'password-error').textContent).to.equal(message);
    expect(field(widget, 'ssid').hasAttribute('aria-invalid')).to.equal(false);
    await fill(widget, 'security', 'WPA');
    expect(field(widget, 'password-error')).to.equal(null);
    expect(await decodeSvg((await shown(widget)).svg!)).to.equal(payload({ type: 'wifi', ssid: 'home', security: 'WPA', password: 's3cretpass' }));
  });

  it('says the problem of an IBAN with wrong check digits next to it', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
    await choose(widget, 'epc');
    await fill(widget, 'name', 'Red Cross');
    await fill(widget, 'iban', 'DE88370400440532013000');
    const message = problemOf({ type: 'epc', name: 'Red Cross', iban: 'DE88370400440532013000' });
    expect(message).to.match(/^epc: iban/);
    expect(field<HTMLElement>(widget, 'iban-error').textContent).to.equal(message);
    expect(field(widget, 'iban').getAttribute('aria-invalid')).to.equal('true');
    expect(field(widget, 'name').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('on Generate, says the first problem and moves focus to its field', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
    await choose(widget, 'event');
    await fill(widget, 'summary', 'Launch party');
    await widget.generate();
    await widget.updateComplete;
    const message = problemOf({ type: 'event', summary: 'Launch party' } as Payload);
    expect(shadow(widget).activeElement).to.equal(field(widget, 'start'));
    expect(field<HTMLElement>(widget, 'start-error').textContent).to.equal(message);
    expect(statusLine(widget).textContent).to.equal(message);
  });

  it('submits with Enter in a field, as the text field does', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
    await choose(widget, 'tel');
    field(widget, 'number').focus();
    await sendKeys({ type: '+44 20 7946 0000' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusLine(widget).textContent === 'QR code ready, made in your browser.', 'the code was made');
    expect(await decodeSvg((await shown(widget)).svg!)).to.equal(payload({ type: 'tel', number: '+44 20 7946 0000' }));
  });

  it('keeps each type as it was left when switching between them', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
    const textarea = () => shadow(widget).querySelector<HTMLTextAreaElement>('textarea#data')!;
    textarea().value = 'https://example.com/kept';
    textarea().dispatchEvent(new Event('input', { bubbles: true }));
    await choose(widget, 'wifi');
    await fill(widget, 'ssid', 'home');
    await fill(widget, 'password', 'pass word', { leave: false });
    const wifiText = payload({ type: 'wifi', ssid: 'home', password: 'pass word' });
    expect(await decodeSvg((await shown(widget)).svg!)).to.equal(wifiText);

    await choose(widget, 'tel');
    expect(field(widget, 'number').value).to.equal('');
    expect(shadow(widget).querySelector('.placeholder'), 'an empty form has no code').to.exist;
    expect(statusLine(widget).textContent).to.equal('Fill in the form to make a QR code.');

    await choose(widget, 'text');
    expect(textarea().value).to.equal('https://example.com/kept');
    expect(widget.value).to.equal('https://example.com/kept');
    expect(await decodeSvg((await shown(widget)).svg!)).to.equal('https://example.com/kept');

    await choose(widget, 'wifi');
    expect(field(widget, 'ssid').value).to.equal('home');
    expect(field(widget, 'password').value).to.equal('pass word');
    expect(await decodeSvg((await shown(widget)).svg!)).to.equal(wifiText);
  });

  it('opens with the type its content-type attribute names', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget content-type="sms" debounce="0"></qr-widget>`);
    await waitUntil(() => shadow(widget).querySelector('[part~="payload"]'), 'the form shows');
    expect(shadow(widget).querySelector<HTMLSelectElement>('#content-type')!.value).to.equal('sms');
    expect(field(widget, 'number')).to.exist;
  });

  it('shows and hides the Wi-Fi password', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
    await choose(widget, 'wifi');
    await fill(widget, 'password', 'hunter22', { leave: false });
    const toggle = button(widget, 'Show password');
    expect(field(widget, 'password').type).to.equal('password');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal('payload-password');
    toggle.click();
    await widget.updateComplete;
    expect(field(widget, 'password').type).to.equal('text');
    expect(field(widget, 'password').value).to.equal('hunter22');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    toggle.click();
    await widget.updateComplete;
    expect(field(widget, 'password').type).to.equal('password');
  });

  it('locks error correction at M for a payment, and says why', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget ecl="Q" debounce="0"></qr-widget>`);
    const ecl = () => shadow(widget).querySelector<HTMLSelectElement>('#ecl')!;
    await choose(widget, 'epc');
    expect(ecl().disabled).to.equal(true);
    expect(ecl().value).to.equal('M');
    expect(ecl().getAttribute('aria-describedby')).to.equal('ecl-note');
    expect(shadow(widget).querySelector('#ecl-note')!.textContent).to.match(/Locked to M for payments: .*EPC069-12/);
    await fill(widget, 'name', 'Red Cross');
    await fill(widget, 'iban', 'DE89370400440532013000');
    expect((await shown(widget)).symbol!.ecl).to.equal('M');
    expect(widget.ecl, 'the ECL chosen stays for the other types').to.equal('Q');

    await choose(widget, 'wifi');
    expect(ecl().disabled).to.equal(false);
    expect(ecl().value).to.equal('Q');
    expect(shadow(widget).querySelector('#ecl-note')).to.equal(null);
  });

  it('makes a payment a QR code whatever symbology is chosen, and says why', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget symbology="rmqr" debounce="0"></qr-widget>`);
    const symbol = () => shadow(widget).querySelector<HTMLSelectElement>('#symbology')!;
    await choose(widget, 'epc');
    expect(symbol().disabled).to.equal(true);
    expect(symbol().value).to.equal('qr');
    expect(shadow(widget).querySelector('#symbology-capacity')!.textContent).to.match(/A QR code for payments: .*EPC069-12/);
    await fill(widget, 'name', 'Red Cross');
    await fill(widget, 'iban', 'DE89370400440532013000');
    expect((await shown(widget)).symbol!.symbology).to.equal('qr');
    expect(widget.symbology, 'the symbology chosen stays for the other types').to.equal('rmqr');

    await choose(widget, 'wifi');
    expect(symbol().disabled).to.equal(false);
    expect(symbol().value).to.equal('rmqr');
  });

  it('fills latitude and longitude with "Use my location" (a stubbed navigator.geolocation)', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
    await choose(widget, 'geo');
    const geolocation: Pick<Geolocation, 'getCurrentPosition'> = {
      getCurrentPosition: (success) => setTimeout(() => success({ coords: { latitude: 52.5200081, longitude: 13.4049543, accuracy: 24.6 } } as GeolocationPosition)),
    };
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: geolocation });
    try {
      button(widget, 'Use my location').click();
      await waitUntil(() => field(widget, 'latitude').value !== '', 'the location was filled in');
    } finally {
      delete (navigator as { geolocation?: unknown }).geolocation; // the prototype's getter shows through again
    }
    expect([field(widget, 'latitude').value, field(widget, 'longitude').value]).to.deep.equal(['52.520008', '13.404954']);
    expect(shadow(widget).querySelector('.payload [role="status"]')!.textContent).to.equal('Your location, to within 25 m.');
    expect(await decodeSvg((await shown(widget)).svg!)).to.equal(payload({ type: 'geo', latitude: 52.520008, longitude: 13.404954 }));
  });

  it('says so when the browser does not let the page know the location', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget debounce="0"></qr-widget>`);
    await choose(widget, 'geo');
    const geolocation: Pick<Geolocation, 'getCurrentPosition'> = {
      getCurrentPosition: (_success, failure) => setTimeout(() => failure?.({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError)),
    };
    Object.defineProperty(navigator, 'geolocation', { configurable: true, value: geolocation });
    try {
      button(widget, 'Use my location').click();
      await waitUntil(() => /did not let/.test(shadow(widget).querySelector('.payload [role="status"]')!.textContent!), 'the refusal was said');
    } finally {
      delete (navigator as { geolocation?: unknown }).geolocation;
    }
    expect(field(widget, 'latitude').value).to.equal('');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes an axe audit with every form, in the ${colorScheme} colour scheme`, async () => {
      await emulateMedia({ colorScheme });
      for (const example of FILLED) {
        const { widget } = await filled(example.type);
        widget.setAttribute('backend-url', '');
        await shown(widget);
        await expect(widget).to.be.accessible();
      }
    });
  }
});

describe('<qr-widget> payloads with a QR service', () => {
  const EMPTY_PNG = () => new Response(new Blob([new Uint8Array(8)], { type: 'image/png' }));

  it('sends the payload, not its text, and the ECL its format requires', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget backend-url="https://api.example.com" ecl="H" debounce="0"></qr-widget>`);
    await choose(widget, 'epc');
    await fill(widget, 'name', 'Red Cross');
    await fill(widget, 'iban', 'DE89 3704 0044 0532 0130 00');
    await fill(widget, 'amount', '12.5');
    const requests = await catchRequests(EMPTY_PNG, () => widget.generate());
    const bodies = await Promise.all(requests.map((request) => request.json()));
    expect(bodies).to.deep.equal([
      {
        payload: { type: 'epc', name: 'Red Cross', iban: 'DE89370400440532013000', amount: 12.5 },
        format: 'png',
        ecl: 'M',
        scale: 10,
        margin: 4,
        dark: '#000000',
        light: '#ffffff',
      },
    ]);
  });

  it('offers no Copy link for a Wi-Fi code with a password, and says why', async () => {
    const widget = await fixture<QrWidget>(html`<qr-widget backend-url="https://api.example.com" debounce="0"></qr-widget>`);
    await choose(widget, 'wifi');
    await fill(widget, 'ssid', 'home');
    expect(buttonLabels(widget)).to.include('Copy link');
    await fill(widget, 'password', 's3cretpass');
    await shown(widget);
    expect(buttonLabels(widget)).to.deep.equal(['Download PNG', 'Download SVG', 'Copy image']);
    expect(shadow(widget).querySelector('[part~="actions"] .hint')!.textContent).to.match(/^No Copy link for a code that holds a password/);
    await expect(widget).to.be.accessible();
  });

  it('generates a payload through the real service, which answers the same code', async () => {
    const { url } = await servers;
    const { widget, text } = await filled('vcard');
    widget.backendUrl = url;
    await widget.generate();
    await widget.updateComplete;
    const image = shadow(widget).querySelector<HTMLImageElement>('[part~="image"]');
    expect(statusLine(widget).textContent).to.equal('QR code ready, made by the QR service.');
    expect(image!.alt).to.equal('QR code for Contact (vCard): Ada Lovelace');
    expect(await decodeImage(await (await fetch(image!.src)).blob())).to.equal(text);
  });

  it('copies a link to a code without a secret, which the real service answers with the same code', async () => {
    const { url } = await servers;
    const { widget, text } = await filled('vcard');
    widget.backendUrl = url;
    await shown(widget);
    const copied: string[] = [];
    await withClipboard({ writeText: async (link: string) => void copied.push(link) }, async () => {
      button(widget, 'Copy link').click();
      await waitUntil(() => copied.length === 1, 'the link was copied');
    });
    const link = new URL(copied[0]!);
    expect(link.searchParams.get('type')).to.equal('vcard');
    expect(link.searchParams.getAll('phone')).to.deep.equal(['+44 20 7946 0000', '+44 7700 900123']);
    expect(link.searchParams.has('data')).to.equal(false);
    const answer = await fetch(link);
    expect(answer.status).to.equal(200);
    expect(await decodeImage(await answer.blob())).to.equal(text);
  });
});
