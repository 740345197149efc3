/**
 * qr-core's whole encoder (`encode`: QR Code, Micro QR, rMQR and GS1 element strings), its
 * `capacityOf` and the `QrError` they throw: what a symbology other than QR, or GS1, needs. The
 * elements make QR codes with qr-core's `encodeQR`, which leaves Micro QR, rMQR and the GS1 tables
 * out, and load this module with import() the first time `symbology` is another or `gs1` is set: a
 * file of its own (`LAZY` in scripts/build.mjs, loaded through `symbologies` in symbology-loader.ts).
 */
export { capacityOf, encode, QrError } from 'qr-core';
