import '../qr-code/qr-code.js';
import { QrWidget } from './qr-widget.component.js';

export { QrWidget };

customElements.define('qr-widget', QrWidget);

declare global {
  interface HTMLElementTagNameMap {
    'qr-widget': QrWidget;
  }
}
