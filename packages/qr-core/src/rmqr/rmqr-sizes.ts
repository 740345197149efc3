/**
 * rMQR's 32 sizes (ISO/IEC 23941:2022 Table 1) and their names: the little that a symbol needs to know of its
 * shape (`symbol-shapes.ts`), apart from the capacity tables the encoder reads (`rmqr-tables.ts`).
 */
import type { Ecl } from '../symbol.js';

/** rMQR has two error correction levels only: M (about 15 % recoverable) and H (about 30 %); one format bit tells them apart. */
export type RmqrEcl = Extract<Ecl, 'M' | 'H'>;

export interface RmqrSize {
  /** Modules down: 7, 9, 11, 13, 15 or 17. */
  readonly height: number;
  /** Modules across: 27, 43, 59, 77, 99 or 139. */
  readonly width: number;
}

/** Heights and the widths made at each: width 27 only at heights 11 and 13, the other heights have 43 to 139. */
const WIDTHS_BY_HEIGHT: readonly (readonly [number, readonly number[]])[] = [
  [7, [43, 59, 77, 99, 139]],
  [9, [43, 59, 77, 99, 139]],
  [11, [27, 43, 59, 77, 99, 139]],
  [13, [27, 43, 59, 77, 99, 139]],
  [15, [43, 59, 77, 99, 139]],
  [17, [43, 59, 77, 99, 139]],
];

/** The 32 sizes, index = the size indicator of the format information (the standard's order: by height, then width). */
export const RMQR_SIZES: readonly RmqrSize[] = Object.freeze(
  WIDTHS_BY_HEIGHT.flatMap(([height, widths]) => widths.map((width) => Object.freeze({ height, width }))),
);

export const RMQR_SIZE_COUNT = 32;

/** The size at an index 0..31. */
export function rmqrSize(index: number): RmqrSize {
  const size = RMQR_SIZES[index];
  if (size === undefined) throw new RangeError(`rMQR size index ${index} is not in 0..${RMQR_SIZE_COUNT - 1}`);
  return size;
}

/** The size index of a height × width, or −1 when rMQR has no such size. */
export function rmqrSizeIndex(height: number, width: number): number {
  return RMQR_SIZES.findIndex((size) => size.height === height && size.width === width);
}

/** The symbol's designation as the standard writes it, height × width and ECL: 'R13x77-M'. */
export function rmqrDesignator(index: number, ecl: RmqrEcl): string {
  const { height, width } = rmqrSize(index);
  return `R${height}x${width}-${ecl}`;
}
