/**
 * GS1 element strings for GS1 QR Codes: the AI table (GS1 General Specifications §3.2), the
 * bracketed and raw input forms, and their validation. encode.ts encodes `parseGs1(data).encoded`
 * after FNC1 in first position (ISO/IEC 18004 §7.4.8.2).
 */
export { parseGs1, GS, type Gs1Element, type Gs1ElementString } from './element-string.js';
export {
  applicationIdentifier,
  applicationIdentifiers,
  PREDEFINED_LENGTHS,
  type Gs1ApplicationIdentifier,
  type Gs1CharacterSet,
  type Gs1Check,
  type Gs1Component,
} from './application-identifiers.js';
export { gs1CheckDigit } from './validate.js';
