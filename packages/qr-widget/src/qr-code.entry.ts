/** The bundle /qr-code.js: the display element alone, for third-party pages. */
export { QrCode } from './components/qr-code/qr-code.js';
