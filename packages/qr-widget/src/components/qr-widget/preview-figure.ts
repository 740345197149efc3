/**
 * The figure of `<qr-widget>`: the live `<qr-code>` preview (or a placeholder before anything
 * is typed), the service's PNG in its place once there is one, and a caption.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Ecl, FinderShape, ModuleShape } from 'qr-core';
import type { ServiceImage } from '../../controllers/service-controller.js';
import type { QrErrorDetail, QrGeneratedDetail } from '../../events.js';
import type { QrCodeResult } from '../qr-code/qr-code.component.js';

export interface PreviewView {
  /** The text the preview shows; '' shows the placeholder. */
  readonly text: string;
  /** What the preview last reported. */
  readonly result: QrCodeResult;
  /** The service's PNG for the current options, shown instead of the preview. */
  readonly image: ServiceImage | undefined;
  readonly busy: boolean;
  readonly drawing: PreviewDrawing;
  /** What the code is, for its accessible name ("QR code for …"); the text when absent. A payload's never shows its secret. */
  readonly label?: string | undefined;
  /** The logo's file and the size asked for, which the preview shrinks to what the code can lose. */
  readonly logo?: { readonly image: Uint8Array; readonly size: number } | undefined;
}

/** The options the preview is encoded and drawn with. */
export interface PreviewDrawing {
  readonly ecl: Ecl;
  readonly margin: number;
  readonly dark: string;
  readonly light: string;
  readonly moduleShape?: ModuleShape;
  readonly finderShape?: FinderShape;
  /** '' follows the dark colour. */
  readonly finderColor?: string;
}

/** Where the preview's events go. */
export interface PreviewListeners {
  onGenerated(event: CustomEvent<QrGeneratedDetail>): void;
  onError(event: CustomEvent<QrErrorDetail>): void;
}

export function renderPreview({ text, result, image, busy, drawing, logo, label }: PreviewView, listeners: PreviewListeners): TemplateResult {
  const empty = text === '';
  return html`
    <figure part="preview" aria-busy=${busy ? 'true' : 'false'}>
      ${empty ? html`<div class="placeholder">Your QR code appears here.</div>` : nothing}
      <qr-code
        ?hidden=${empty || image !== undefined}
        value=${text}
        ecl=${drawing.ecl}
        margin=${drawing.margin}
        dark=${drawing.dark}
        light=${drawing.light}
        module-shape=${drawing.moduleShape ?? nothing}
        finder-shape=${drawing.finderShape ?? nothing}
        finder-color=${drawing.finderColor || nothing}
        .logo=${logo?.image ?? ''}
        .logoSize=${logo?.size}
        .shrinkLogo=${true}
        label=${`QR code for ${label ?? text}`}
        @qr-generated=${listeners.onGenerated}
        @qr-error=${listeners.onError}
      ></qr-code>
      ${image ? html`<img part="image" src=${image.url} alt=${`QR code for ${label ?? image.request.data}`} />` : nothing}
      <figcaption>${empty ? '' : caption(result, image !== undefined)}</figcaption>
    </figure>
  `;
}

/** Who made the code, its version and ECL, and its size in modules (the symbol's, not worked out again here). */
function caption(result: QrCodeResult, fromService: boolean): string {
  if (result.kind !== 'generated') return '';
  const { version, ecl, symbol } = result.detail;
  const made = fromService ? 'Made by the QR service' : 'Preview made in your browser';
  return `${made} · version ${version} · ECL ${ecl} · ${symbol.size}×${symbol.size} modules`;
}
