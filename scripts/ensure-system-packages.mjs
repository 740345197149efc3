/**
 * The root "pretest" step: the browser tests need Debian's Chromium (they never download a
 * browser). Present (at CHROME_PATH or /usr/bin/chromium): nothing to do. Missing: install it
 * when we are root with apt-get, otherwise stop with one line that says how.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const wanted = process.env.CHROME_PATH || DEBIAN_CHROMIUM;

if (!existsSync(wanted)) {
  if (process.env.CHROME_PATH) fail(`CHROME_PATH is ${wanted}, which does not exist; point it at a Chromium or Chrome binary`);
  if (process.getuid?.() !== 0 || !hasAptGet()) {
    fail('Chromium is missing: run `sudo apt-get install chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chromium or Chrome binary');
  }
  console.log('Chromium is missing: installing Debian\'s chromium package with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) fail(`\`apt-get ${args.join(' ')}\` failed; install Chromium by hand, or set CHROME_PATH`);
  }
  if (!existsSync(DEBIAN_CHROMIUM)) fail(`apt-get finished but ${DEBIAN_CHROMIUM} is still missing; set CHROME_PATH to a Chromium binary`);
  console.log(execFileSync(DEBIAN_CHROMIUM, ['--version'], { encoding: 'utf8' }).trim());
}

function hasAptGet() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** @param {string} message */
function fail(message) {
  console.error(message);
  process.exit(1);
}
