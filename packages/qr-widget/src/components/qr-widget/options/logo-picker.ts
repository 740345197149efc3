/**
 * The logo picker of the Style fieldset: a file input that is also a drop target, and, once a
 * logo is on, its preview and a Remove button. It hands the file on; reading and refusing it is
 * src/logo-file.ts's job, and what follows (the ECL, the size) the element's.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { LOGO_TYPES } from 'qr-core';
import { LOGO_FORMATS, LOGO_LIMIT, type PickedLogo } from '../../../logo-file.js';

export interface LogoPickerListeners {
  /** A file was chosen in the input or dropped on it. */
  onPick(file: File): void;
  /** The Remove button was pressed. */
  onRemove(): void;
}

/** The id of the file input, for the element to clear it and move focus to it. */
export const LOGO_INPUT_ID = 'logo';

function dropZone(event: DragEvent): HTMLElement {
  return event.currentTarget as HTMLElement;
}

/** The picker; with a logo on, its input is described by the size control's line too. */
export function renderLogoPicker(logo: PickedLogo | undefined, listeners: LogoPickerListeners): TemplateResult {
  const onDragOver = (event: DragEvent) => {
    // Without preventDefault the browser opens the dropped file instead.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    dropZone(event).classList.add('dragging');
  };
  const onDragLeave = (event: DragEvent) => dropZone(event).classList.remove('dragging');
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    dropZone(event).classList.remove('dragging');
    const files = event.dataTransfer?.files;
    const file = files?.[0];
    if (!file) return;
    // The input then names the dropped file, as it names a chosen one.
    dropZone(event).querySelector('input')!.files = files;
    listeners.onPick(file);
  };
  const onChange = (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) listeners.onPick(file);
  };
  return html`
    <div class="field drop" @dragover=${onDragOver} @dragleave=${onDragLeave} @drop=${onDrop}>
      <label for=${LOGO_INPUT_ID}>Logo image</label>
      <input id=${LOGO_INPUT_ID} type="file" accept=${LOGO_TYPES.join(',')} aria-describedby=${logo ? 'logo-formats logo-budget' : 'logo-formats'} @change=${onChange} />
      <span id="logo-formats" class="hint">${LOGO_FORMATS}, at most ${LOGO_LIMIT}; or drop the file here.</span>
    </div>
    ${logo
      ? html`
          <div class="logo-on">
            <img src=${logo.dataUrl} alt="" />
            <span>${logo.name}</span>
            <button type="button" @click=${listeners.onRemove}>Remove logo</button>
          </div>
        `
      : nothing}
  `;
}
