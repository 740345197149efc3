/** The text field of `<qr-widget>`, with its hint. */
import { html, type TemplateResult } from 'lit';

export interface TextFieldListeners {
  /** The text changed, keystroke by keystroke. */
  onText(text: string): void;
  /** Enter was pressed: generate. */
  onEnter(): void;
}

/**
 * Enter generates, as in a one-line field, since most people type a URL; Shift+Enter starts a
 * new line for text that needs one. (An IME's Enter confirms a composition.)
 */
function isGenerateKey(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.isComposing;
}

export function renderTextField(value: string, listeners: TextFieldListeners): TemplateResult {
  const onKeydown = (event: KeyboardEvent): void => {
    if (!isGenerateKey(event)) return;
    event.preventDefault();
    listeners.onEnter();
  };
  return html`
    <div class="field">
      <label for="data">URL or text</label>
      <textarea
        id="data"
        part="input"
        rows="3"
        spellcheck="false"
        autocomplete="off"
        aria-describedby="data-hint"
        .value=${value}
        @input=${(event: Event) => listeners.onText((event.target as HTMLTextAreaElement).value)}
        @keydown=${onKeydown}
      ></textarea>
      <span id="data-hint" class="hint">The preview follows as you type. Enter generates; Shift+Enter starts a new line.</span>
    </div>
  `;
}
