/** Types of binaries.mjs, for src/runtimes.test.ts (qr-core's build has no allowJs). */

/** The path of a runtime's binary inside node_modules, or an Error in one line that says how to get it. */
export function binary(name: 'deno' | 'bun' | 'workerd'): string;
