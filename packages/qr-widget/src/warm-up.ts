/**
 * The first encode at each symbol version pays for compiling qr-core's hot paths and building
 * that version's layout: 2 to 30 ms in Chromium (measured), against well under 1 ms after. A
 * person typing a URL walks up through the small versions, so each would cost a dropped frame;
 * encoding one short text per version while the page is idle, one per idle period so that no
 * task is long, pays those costs before anyone types.
 */
import { encodeQR } from 'qr-core';

/** Versions 1..10 cover what people type: version 10 at ECL M holds 213 bytes. */
const WARM_UP_VERSIONS = 10;

export function warmUpEncoder(): void {
  const schedule = (step: () => void): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(step);
    else setTimeout(step);
  };
  let version = 1;
  const step = (): void => {
    // 11 bytes: fits version 1 at ECL M (14), so every version in the range can be asked for.
    encodeQR('https://a.b', { minVersion: version, maxVersion: version });
    if (++version <= WARM_UP_VERSIONS) schedule(step);
  };
  schedule(step);
}
