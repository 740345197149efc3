/**
 * The payload forms of `<qr-widget>`: one small labelled form per content type, made from
 * qr-core's PAYLOAD_SCHEMAS (each field's label, kind, whether it is required, its hint), with a
 * few touches per type (a password shown or hidden, the IBAN in groups of four, the date-time
 * pickers, "Use my location"), and what they hold: each type's draft, kept while another type is
 * chosen, so that coming back finds the fields as they were left, and which fields have been
 * committed (left, or chosen), whose problems show. A problem with a field not yet reached stays
 * unsaid until Generate asks for all of them ({@link PayloadForms.reveal}).
 *
 * The element loads this module with `import()` when a payload is first chosen (or the picker is
 * reached), so that neither it nor qr-core/payloads weighs on the first paint; the build makes it
 * a file of its own (scripts/build.mjs). Its state is here too, for the same reason.
 *
 * Lit comes from the element (`createPayloadForms({ html, nothing })`) rather than from an
 * import: this file is bundled apart from /qr-widget.js, and a second copy of lit-html in it
 * would cost 3.1 KB gzipped (measured) for two functions the page has already loaded.
 */
import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import { PAYLOAD_SCHEMAS, type PayloadFieldSchema } from 'qr-core/payloads';
import { payloadFieldId as fieldId, type FormType } from '../content-types.js';
import { formFields, groupIban, readDraft, type Draft, type FieldValue, type PayloadProblem, type Reading } from './payload-draft.js';

export type { Draft, FieldValue, PayloadProblem, Reading };

/** The two pieces of Lit the forms are made with, handed over by the element. */
export interface Lit {
  readonly html: typeof litHtml;
  readonly nothing: typeof litNothing;
}

interface FormView {
  readonly type: FormType;
  readonly draft: Draft;
  /** The problem to show: next to its field, or under the form when it names none of the form's fields. */
  readonly problem: PayloadProblem | undefined;
}

interface FormListeners {
  /** A field changed as it is typed (or a box ticked, or the form's own state, a `#` name). */
  onInput(name: string, value: FieldValue): void;
  /** A field was committed (its `change` event): its problem, if any, may show from now on. */
  onCommit(name: string): void;
}

/** An error correction level a format requires, and why, in words for the ECL field's note. */
export interface RequiredEcl {
  readonly ecl: 'M';
  readonly reason: string;
}

/** The symbology a format requires, and why, in words for the Symbol field's note. */
export interface RequiredSymbology {
  readonly symbology: 'qr';
  readonly reason: string;
}

/** One element's forms and what they hold. */
export interface PayloadForms {
  /** What the form of `type` encodes to, or the first problem qr-core finds in it. */
  reading(type: FormType): Reading;
  /** The problem of `type` to show: the reading's, once its field has been committed or all are revealed. */
  problem(type: FormType): PayloadProblem | undefined;
  /** Generate was asked for: every problem of `type` shows from now on. */
  reveal(type: FormType): void;
  render(type: FormType): TemplateResult;
  /** The ECL the format of `type` requires (qr-core's schema `ecl`), if it requires one. */
  requiredEcl(type: FormType): RequiredEcl | undefined;
  /** The symbology the format of `type` requires (qr-core's schema `symbology`), if it requires one. */
  requiredSymbology(type: FormType): RequiredSymbology | undefined;
}

/** How a field is typed, by its name (the same in every type that has it). */
const CONTROLS: Readonly<Record<string, { type?: string; inputmode?: string; lines?: number }>> = {
  number: { type: 'tel' },
  phone: { inputmode: 'tel' },
  to: { inputmode: 'email' },
  email: { inputmode: 'email' },
  cc: { inputmode: 'email' },
  bcc: { inputmode: 'email' },
  url: { inputmode: 'url' },
  start: { type: 'datetime-local' },
  end: { type: 'datetime-local' },
  latitude: { inputmode: 'decimal' },
  longitude: { inputmode: 'decimal' },
  amount: { inputmode: 'decimal' },
  body: { lines: 4 },
  message: { lines: 3 },
  note: { lines: 2 },
  address: { lines: 2 },
  description: { lines: 3 },
  text: { lines: 2 },
};

/** Hints in a form's words where the schema's are an API's (a checkbox is not "true"). */
const HINTS: Readonly<Record<string, string>> = {
  'wifi.security': 'Automatic is WPA with a password and an open network without one. WPA covers WPA2 and WPA3.',
  'wifi.hidden': 'Tick it when the network does not broadcast its name.',
  'event.start': 'The local time where the event takes place.',
  'event.end': 'Later than the start.',
};

/** The words of a choice, where its value is a code. */
const CHOICES: Readonly<Record<string, string>> = { nopass: 'None (open network)', WPA: 'WPA / WPA2 / WPA3' };

/** Geolocation's PERMISSION_DENIED (GeolocationPositionError.code). */
const PERMISSION_DENIED = 1;

/** Degrees with 6 decimals, about 11 cm: qr-core writes no more. */
const degrees = (value: number) => String(Number(value.toFixed(6)));

/** The forms of one element, which is told through `onChange` whenever what they show or mean changes. */
export function createPayloadForms({ html, nothing }: Lit, onChange: () => void): PayloadForms {
  const drafts = new Map<FormType, Draft>();
  const readings = new Map<FormType, Reading>();
  /** Per type, the fields committed; `*` once all are revealed. */
  const committed = new Map<FormType, Set<string>>();
  const draft = (type: FormType) => drafts.get(type) ?? {};
  const reading = (type: FormType) => {
    let read = readings.get(type);
    if (read === undefined) readings.set(type, (read = readDraft(type, draft(type))));
    return read;
  };
  const problem = (type: FormType) => {
    const read = reading(type);
    const done = committed.get(type);
    return !read.ok && done !== undefined && (done.has('*') || done.has(read.field ?? '*')) ? read : undefined;
  };
  const commit = (type: FormType, name: string) => {
    let done = committed.get(type);
    if (done === undefined) committed.set(type, (done = new Set()));
    done.add(name);
    onChange();
  };
  const listening = new Map<FormType, FormListeners>();
  const listeners = (type: FormType) => {
    let made = listening.get(type);
    if (made === undefined) {
      made = {
        onInput: (name, value) => {
          drafts.set(type, { ...draft(type), [name]: value });
          readings.delete(type);
          onChange();
        },
        onCommit: (name) => commit(type, name),
      };
      listening.set(type, made);
    }
    return made;
  };

  function renderField(type: FormType, schema: PayloadFieldSchema, view: FormView, listeners: FormListeners): TemplateResult {
    const { name, kind, label, required } = schema;
    const id = fieldId(name);
    const problem = view.problem?.field === name ? view.problem : undefined;
    const describedBy = problem ? `${id}-hint ${id}-error` : `${id}-hint`;
    const invalid = problem ? 'true' : nothing;
    const value = view.draft[name];
    const text = typeof value === 'string' ? value : '';
    const control = CONTROLS[name] ?? {};
    const hint = HINTS[`${type}.${name}`] ?? (kind === 'strings' ? `${schema.description} One per line.` : schema.description);
    const typed = (event: Event) => listeners.onInput(name, (event.target as HTMLInputElement).value);
    const left = () => listeners.onCommit(name);
    const chosen = (event: Event) => {
      const target = event.target as HTMLInputElement;
      listeners.onInput(name, kind === 'boolean' ? target.checked : target.value);
      listeners.onCommit(name);
    };
    const after = html`
      <span id=${`${id}-hint`} class="hint">${hint}</span>
      ${problem ? html`<span id=${`${id}-error`} class="warning">${problem.message}</span>` : nothing}
    `;

    if (kind === 'boolean') {
      return html`
        <div class="field">
          <label class="choice"><input type="checkbox" id=${id} .checked=${value === true} aria-describedby=${describedBy} aria-invalid=${invalid} @change=${chosen} /> ${label}</label>
          ${after}
        </div>
      `;
    }

    const labelled = html`<label for=${id}>${label}${required ? html` <span class="hint" aria-hidden="true">(required)</span>` : nothing}</label>`;
    const needed = required ? 'true' : nothing;
    /** A one-line text field (a secret one is `password` until shown), the same for every such field. */
    const textInput = (type: string, inputmode: string | undefined, onInput: (event: Event) => void): TemplateResult => html`
      <input
        id=${id}
        type=${type}
        inputmode=${inputmode ?? nothing}
        autocomplete="off"
        spellcheck="false"
        .value=${text}
        aria-describedby=${describedBy}
        aria-invalid=${invalid}
        aria-required=${needed}
        @input=${onInput}
        @change=${left}
      />
    `;
    let input: TemplateResult;
    if (kind === 'choice') {
      input = html`
        <select id=${id} .value=${text} aria-describedby=${describedBy} aria-invalid=${invalid} aria-required=${needed} @change=${chosen}>
          ${required ? nothing : html`<option value="" ?selected=${text === ''}>Automatic</option>`}
          ${(schema.choices ?? []).map((choice) => html`<option value=${choice} ?selected=${choice === text}>${CHOICES[choice] ?? choice}</option>`)}
        </select>
      `;
    } else if (kind === 'strings' || control.lines !== undefined) {
      input = html`
        <textarea
          id=${id}
          rows=${control.lines ?? 2}
          inputmode=${control.inputmode ?? nothing}
          .value=${text}
          aria-describedby=${describedBy}
          aria-invalid=${invalid}
          aria-required=${needed}
          @input=${typed}
          @change=${left}
        ></textarea>
      `;
    } else if (schema.secret) {
      const shown = view.draft[`#${name}-shown`] === true;
      input = html`
        <div class="secret">
          ${textInput(shown ? 'text' : 'password', undefined, typed)}
          <button type="button" aria-controls=${id} aria-pressed=${shown ? 'true' : 'false'} @click=${() => listeners.onInput(`#${name}-shown`, !shown)}>Show ${label.toLowerCase()}</button>
        </div>
      `;
    } else {
      const onInput = name === 'iban' ? (event: Event) => listeners.onInput(name, regroup(event.target as HTMLInputElement)) : typed;
      input = textInput(control.type ?? 'text', control.inputmode, onInput);
    }
    return html`<div class="field">${labelled} ${input} ${after}</div>`;
  }

  function renderLocate(view: FormView, listeners: FormListeners): TemplateResult | typeof nothing {
    if (!canLocate()) return nothing;
    const said = (text: string) => listeners.onInput('#locate', text);
    const locate = () => {
      said('Finding your location…');
      navigator.geolocation.getCurrentPosition(
        ({ coords }) => {
          listeners.onInput('latitude', degrees(coords.latitude));
          listeners.onInput('longitude', degrees(coords.longitude));
          listeners.onCommit('latitude');
          listeners.onCommit('longitude');
          said(`Your location, to within ${Math.round(coords.accuracy)} m.`);
        },
        (error) =>
          said(
            error.code === PERMISSION_DENIED
              ? 'The browser did not let this page know your location: type the latitude and longitude instead.'
              : 'Your location could not be found: type the latitude and longitude instead.',
          ),
        { timeout: 15_000, maximumAge: 60_000 },
      );
    };
    const line = view.draft['#locate'];
    return html`
      <div class="field">
        <button type="button" @click=${locate}>Use my location</button>
        <span class="hint" role="status">${typeof line === 'string' ? line : ''}</span>
      </div>
    `;
  }

  return {
    reading,
    problem,
    reveal: (type) => commit(type, '*'),
    requiredEcl(type) {
      const ecl = PAYLOAD_SCHEMAS[type].ecl;
      return ecl && { ecl, reason: `Locked to ${ecl} for payments: the EPC's standard for SEPA payment codes (EPC069-12) requires it.` };
    },
    requiredSymbology(type) {
      const symbology = PAYLOAD_SCHEMAS[type].symbology;
      return symbology && { symbology, reason: 'A QR code for payments: the EPC’s standard for SEPA payment codes (EPC069-12) requires one, and banking apps read no other.' };
    },
    render(type) {
      const view: FormView = { type, draft: draft(type), problem: problem(type) };
      const shown = view.problem;
      const on = listeners(type);
      const fields = formFields(type);
      const elsewhere = shown !== undefined && !fields.some((field) => field.name === shown.field);
      return html`
        <fieldset part="payload" class="payload">
          <legend>${PAYLOAD_SCHEMAS[type].label}</legend>
          ${fields.map((field) => renderField(type, field, view, on))} ${type === 'geo' ? renderLocate(view, on) : nothing}
          ${elsewhere ? html`<p id="payload-error" class="warning">${shown.message}</p>` : nothing}
        </fieldset>
      `;
    },
  };
}

/**
 * Whether "Use my location" can work here: the Geolocation API is there, in a secure context (it
 * answers nothing elsewhere), and the page's permissions policy allows it (an iframe needs
 * `allow="geolocation"`; only Chromium tells, through `document.featurePolicy`). A refusal by the
 * person is only known once asked, and is said then.
 */
function canLocate(): boolean {
  const policy = (document as { featurePolicy?: { allowsFeature(feature: string): boolean } }).featurePolicy;
  return 'geolocation' in navigator && isSecureContext && policy?.allowsFeature('geolocation') !== false;
}

/** Regroups the IBAN typed into `input` in fours, keeping the cursor after the same character. */
function regroup(input: HTMLInputElement): string {
  const { text, caret } = groupIban(input.value, input.selectionStart ?? input.value.length);
  if (text !== input.value) {
    input.value = text;
    input.setSelectionRange(caret, caret);
  }
  return text;
}
