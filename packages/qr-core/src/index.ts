/**
 * qr-core: a zero-dependency QR Code encoder (ISO/IEC 18004:2015, Model 2). This entry runs anywhere
 * (browsers, workers, Node); `qr-core/png` adds the PNG renderer, which needs node:zlib.
 */
export { capacityOf, encode, encodeSegments, type EncodeOptions, type SymbolOptions } from './encode.js';
export { encodeQR } from './encode-qr.js';
export { SYMBOLOGIES, SYMBOLOGY_ECLS, type SymbologyName } from './symbol-shapes.js';
export { QrError, type QrErrorCode } from './errors.js';
export { QrSymbol, type Ecl } from './symbol.js';
export { DEFAULT_ECL, ECL_RECOVERY_PERCENT, ECLS, MAX_VERSION, MIN_VERSION } from './tables.js';
export type { ModeOption } from './segmentation.js';
export { makeAlphanumeric, makeBytes, makeEci, makeKanji, makeNumeric, type DataMode, type Mode, type Segment } from './segments.js';
export { parseColor, type Rgba } from './color.js';
export {
  DEFAULT_DARK,
  DEFAULT_LIGHT,
  DEFAULT_MARGIN,
  DEFAULT_SCALE,
  defaultMargin,
  FINDER_SHAPES,
  imageSidePx,
  imageSizePx,
  largestScale,
  MAX_IMAGE_SIDE_PX,
  MAX_MARGIN,
  MAX_SCALE,
  MODULE_SHAPES,
  type DrawingOptions,
  type FinderShape,
  type LogoOptions,
  type ModuleShape,
} from './render-options.js';
export { DEFAULT_LOGO_PADDING, DEFAULT_LOGO_SIZE, logoCorrectionUse, MAX_LOGO_PADDING, maxLogoSize } from './logo-budget.js';
export { LOGO_TYPES, MAX_LOGO_BYTES, readLogo, type LogoFile, type LogoType } from './logo-image.js';
export { toSVG, type SvgOptions } from './svg.js';
export { toTerminal, type TerminalOptions } from './terminal.js';
export { toPNGAsync, type PngOptions } from './png-async.js';
