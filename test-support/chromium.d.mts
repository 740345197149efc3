/** Types of chromium.mjs, for the TypeScript tests that import it (qr-core's build has no allowJs). */

/** Debian's Chromium, or CHROME_PATH. */
export const CHROMIUM_PATH: string;
/** The flags every test starts it with. */
export const CHROMIUM_ARGS: readonly string[];
