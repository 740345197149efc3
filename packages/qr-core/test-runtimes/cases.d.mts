/** Types of cases.mjs, for src/runtimes.test.ts (qr-core's build has no allowJs). */

/** [name, data, encode options] of each input the matrix encodes. */
export const CASES: readonly (readonly [string, string | Uint8Array, Record<string, unknown>])[];

export function run(qr: object, runtime: string): Promise<{ runtime: string; cases: unknown[] }>;
