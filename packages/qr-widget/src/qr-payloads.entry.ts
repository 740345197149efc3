/**
 * The bundle /qr-payloads.js: qr-core/payloads alone, for pages that build the text of a
 * `<qr-code>` (a Wi-Fi login, a contact card, a payment) without a bundler of their own. It is
 * not loaded by either element; `<qr-widget>` loads its forms (src/payloads/) on its own.
 */
export * from 'qr-core/payloads';
