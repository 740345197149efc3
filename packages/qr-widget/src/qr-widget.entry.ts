/** The bundle /qr-widget.js: both elements. */
export { QrCode } from './components/qr-code/qr-code.js';
export { QrWidget } from './components/qr-widget/qr-widget.js';
