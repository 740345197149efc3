/**
 * Debian's zint, the reference encoder of the Micro QR, rMQR and GS1 tests: `zint --dump` prints a symbol's
 * modules as hex rows (4 modules a digit, spaces between bytes). The root "pretest" step installs it
 * (scripts/ensure-system-packages.mjs), so a missing zint is a failure here, not a skip.
 */
import { spawnSync } from 'node:child_process';

export const ZINT = '/usr/bin/zint';

/** The result of one zint run: its rows of modules (true = dark) `width` wide, or its error message. */
export function zintRun(args: readonly string[], data: string, width: number): { rows?: boolean[][]; error?: string } {
  const run = spawnSync(ZINT, [...args, '--dump', '-d', data], { encoding: 'utf8' });
  if (run.error) throw new Error(`${ZINT} could not run (${run.error.message}): run \`npm test\` from the repository root, which installs Debian's zint`);
  if (run.status !== 0) return { error: run.stderr.trim() || run.stdout.trim() };
  const rows = run.stdout.trim().split('\n').map((line) =>
    [...line.replace(/\s+/g, '')].flatMap((digit) => [8, 4, 2, 1].map((bit) => (parseInt(digit, 16) & bit) !== 0)).slice(0, width),
  );
  return { rows };
}

/** zint's modules, throwing with zint's message when it refuses the data. */
export function zintMatrix(args: readonly string[], data: string, width: number): boolean[][] {
  const { rows, error } = zintRun(args, data, width);
  if (rows === undefined) throw new Error(`zint ${args.join(' ')} ${JSON.stringify(data)}: ${error}`);
  return rows;
}
