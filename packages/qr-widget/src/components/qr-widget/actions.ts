/**
 * The row of download and copy buttons of `<qr-widget>`. Each {@link WidgetAction} is one
 * button; what it saves or copies comes from the element through an {@link ActionSource}.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { copyPng, copyText } from '../../clipboard.js';
import { saveFile, svgFile, type DrawnCode } from '../../downloads.js';
import type { Action } from './status.js';

/** What the actions take from the element, each made when a button is clicked. */
export interface ActionSource {
  /** The browser's code for the current text; rejects when there is none. */
  code(): Promise<DrawnCode>;
  /** The PNG for the current options. */
  png(): Promise<Blob>;
  /** A link to the image at the service. */
  link(): string;
  /** The downloads' name without its extension (`wifi-home`); `qr-code` when absent. */
  fileName?(): string;
}

const fileName = (source: ActionSource, extension: string) => `${source.fileName?.() ?? 'qr-code'}.${extension}`;

export interface WidgetAction {
  readonly action: Action;
  readonly label: string;
  /** Shown only with a service (`backend-url`). */
  readonly needsService?: boolean;
  run(source: ActionSource): Promise<void>;
}

export const ACTIONS: readonly WidgetAction[] = [
  { action: 'png', label: 'Download PNG', run: async (source) => saveFile(await source.png(), fileName(source, 'png')) },
  { action: 'svg', label: 'Download SVG', run: async (source) => saveFile(svgFile(await source.code()), fileName(source, 'svg')) },
  // The PNG is asked for in the click's task, as a promise, so that the copy keeps the user activation.
  { action: 'image', label: 'Copy image', run: (source) => copyPng(source.png()) },
  { action: 'link', label: 'Copy link', needsService: true, run: (source) => copyText(source.link()) },
];

/**
 * The buttons, enabled when there is a code (`ready`); `onAction` runs the one clicked. With
 * `noLink`, the reason there is no link to this code, Copy link gives way to that reason.
 */
export function renderActions(ready: boolean, withService: boolean, onAction: (action: WidgetAction) => void, noLink?: string): TemplateResult {
  const shown = ACTIONS.filter((action) => (withService && noLink === undefined) || !action.needsService);
  return html`
    <div part="actions">
      ${shown.map(
        (action) => html`<button part="action-button" type="button" ?disabled=${!ready} @click=${() => onAction(action)}>${action.label}</button>`,
      )}
      ${withService && noLink !== undefined ? html`<span class="hint">${noLink}</span>` : nothing}
    </div>
  `;
}
