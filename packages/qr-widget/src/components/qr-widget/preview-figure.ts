/**
 * The figure of `<qr-widget>`: the live `<qr-code>` preview (or a placeholder before anything
 * is typed), the service's PNG in its place once there is one, and a caption.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Ecl, FinderShape, ModuleShape, QrSymbol, SymbologyName } from 'qr-core';
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
  /** Absent: qr-core's default for the symbology. */
  readonly symbology?: SymbologyName;
  readonly gs1?: boolean;
  /** rMQR's height bound, in modules. */
  readonly maxHeight?: number | undefined;
  /** undefined: qr-core's default quiet zone for the symbology. */
  readonly margin: number | undefined;
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
        symbology=${drawing.symbology ?? nothing}
        ?gs1=${drawing.gs1 === true}
        max-height=${drawing.maxHeight ?? nothing}
        margin=${drawing.margin ?? nothing}
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

/** What a symbology's versions are called in the caption: QR's by number, the others' by their designator ('M2', 'R13x77'). */
const VERSION_NAMES = { qr: (symbol: QrSymbol) => `version ${symbol.version}`, micro: (symbol: QrSymbol) => `Micro QR ${symbol.designator.replace(/-.*/, '')}`, rmqr: (symbol: QrSymbol) => `rMQR ${symbol.designator.replace(/-.*/, '')}` };

/** Who made the code, its version and ECL, and its size in modules, across × down (the symbol's, not worked out again here). */
function caption(result: QrCodeResult, fromService: boolean): string {
  if (result.kind !== 'generated') return '';
  const { ecl, symbol } = result.detail;
  const made = fromService ? 'Made by the QR service' : 'Preview made in your browser';
  return `${made} · ${VERSION_NAMES[symbol.symbology](symbol)} · ECL ${ecl} · ${symbol.width}×${symbol.height} modules`;
}
