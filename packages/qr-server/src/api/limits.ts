/**
 * Where the API deliberately allows less than qr-core. Every other limit and default of an
 * image (scale, margin, colours, ECL) is qr-core's own, imported where it is checked.
 */
import { MAX_IMAGE_SIDE_PX } from 'qr-core';

/**
 * The widest image the API makes, in pixels (PNG, and the SVG's width and height): half of
 * qr-core's {@link MAX_IMAGE_SIDE_PX}. One request at qr-core's cap costs 8.4 MB of scanlines
 * and some 40 ms of deflate, a handful of which would stall a 0.5 vCPU task for everyone; at
 * 4096 px a version-40 symbol still gets 22 px per module, more than any print needs.
 */
export const API_MAX_IMAGE_SIDE_PX = MAX_IMAGE_SIDE_PX / 2;
