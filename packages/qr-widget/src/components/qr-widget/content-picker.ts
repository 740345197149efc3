/** The content-type picker of `<qr-widget>`, above the text field or the payload's form. */
import { html, type TemplateResult } from 'lit';
import { CONTENT_TYPES, type ContentType } from '../../content-types.js';

export interface ContentPickerListeners {
  /** Another type was chosen. */
  onPick(type: ContentType): void;
  /** The picker was reached (focus, pointer): a good moment to fetch the forms. */
  onApproach(): void;
}

export function renderContentPicker(type: ContentType, listeners: ContentPickerListeners): TemplateResult {
  return html`
    <div class="field">
      <label for="content-type">Content</label>
      <select
        id="content-type"
        part="content-type"
        .value=${type}
        @change=${(event: Event) => listeners.onPick((event.target as HTMLSelectElement).value as ContentType)}
        @focus=${listeners.onApproach}
        @pointerenter=${listeners.onApproach}
      >
        ${CONTENT_TYPES.map(([value, label]) => html`<option value=${value} ?selected=${value === type}>${label}</option>`)}
      </select>
    </div>
  `;
}
