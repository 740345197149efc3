import { QrCode } from './qr-code.component.js';

export { QrCode };

customElements.define('qr-code', QrCode);

declare global {
  interface HTMLElementTagNameMap {
    'qr-code': QrCode;
  }
}
