import { maxLogoSize, QrError, toSVG } from 'qr-core';
import { provideStyledRenderer } from '../qr-code/qr-code.component.js';
import '../qr-code/qr-code.js';
import { QrWidget } from './qr-widget.component.js';

// The generator draws styles with qr-core's toSVG anyway (its style samples): its <qr-code> uses
// that, rather than loading the same code again in a file of its own.
provideStyledRenderer({ maxLogoSize, QrError, toSVG });

export { QrWidget };

customElements.define('qr-widget', QrWidget);

declare global {
  interface HTMLElementTagNameMap {
    'qr-widget': QrWidget;
  }
}
