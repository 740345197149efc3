/** Each symbology's description for the shared pipeline, by name (see `symbology.ts`). */
import { MICRO } from './micro/micro.js';
import { RMQR } from './rmqr/rmqr.js';
import { QR, type Symbology, type SymbologyName } from './symbology.js';

const BY_NAME: Readonly<Record<SymbologyName, Symbology>> = { qr: QR, micro: MICRO, rmqr: RMQR };

export function symbologyOf(name: SymbologyName): Symbology {
  return BY_NAME[name];
}
