/**
 * The symbologies module (symbologies.ts: Micro QR, rMQR and GS1), loaded the first time a
 * `<qr-code>` or `<qr-widget>` needs it; QR codes need only qr-core's `encodeQR`, in the bundles.
 */
import type { SymbologyName } from 'qr-core';
import { LazyModule } from './lazy-module.js';

/** What the symbologies module holds: qr-core's encode, capacityOf and QrError. */
export type Symbologies = typeof import('./symbologies.js');

export const symbologies = new LazyModule<Symbologies>(() => import('./symbologies.js'), {
  code: 'NETWORK',
  message: 'Micro QR, rMQR and GS1 (symbology, gs1) could not be loaded: the network failed.',
});

/** Whether a code of `symbology` (gs1: a GS1 element string) needs the symbologies module: anything but a plain QR code. */
export function needsSymbologies(symbology: SymbologyName | null | undefined, gs1: boolean | null | undefined): boolean {
  return (symbology ?? 'qr') !== 'qr' || Boolean(gs1);
}
