/**
 * The root "pretest" step: the Debian programs the tests drive. Chromium for the browser tests
 * (never a downloaded browser), librsvg's `rsvg-convert` to rasterise SVG as design and print
 * tools do, zbar's `zbarimg`, a second QR reader independent of zxing, and `zint`, the reference
 * encoder whose Micro QR, rMQR and GS1 matrices qr-core's are compared with. Present: nothing to
 * do. Missing: installed in one apt-get call when we are root and have apt-get; otherwise the
 * step stops with one line that says how.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What the tests need: the file they run, and the Debian package that brings it. */
const PROGRAMS = Object.freeze([
  { path: process.env.CHROME_PATH || '/usr/bin/chromium', debian: 'chromium', override: process.env.CHROME_PATH ? 'CHROME_PATH' : undefined },
  { path: '/usr/bin/rsvg-convert', debian: 'librsvg2-bin' },
  { path: '/usr/bin/zbarimg', debian: 'zbar-tools' },
  { path: '/usr/bin/zint', debian: 'zint' },
]);

const missing = PROGRAMS.filter((program) => !existsSync(program.path));
if (missing.length > 0) {
  const overridden = missing.find((program) => program.override);
  if (overridden) fail(`${overridden.override} is ${overridden.path}, which does not exist; point it at a Chromium or Chrome binary`);
  const packages = missing.map((program) => program.debian);
  const how = `run \`sudo apt-get install -y ${packages.join(' ')}\` (Debian/Ubuntu)`;
  if (process.getuid?.() !== 0 || !hasAptGet()) fail(`the tests need ${missing.map((program) => program.path).join(', ')}: ${how}`);
  console.log(`installing Debian's ${packages.join(', ')} with apt-get, for ${missing.map((program) => program.path).join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...packages]]) {
    if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) fail(`\`apt-get ${args.join(' ')}\` failed: ${how}`);
  }
  const still = missing.filter((program) => !existsSync(program.path));
  if (still.length > 0) fail(`apt-get finished but ${still.map((program) => program.path).join(', ')} is still missing: ${how}`);
}

function hasAptGet() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** @param {string} message */
function fail(message) {
  console.error(message);
  process.exit(1);
}
