/** Types of free-port.mjs, for the TypeScript tests that import it (qr-core's build has no allowJs). */

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number>;
