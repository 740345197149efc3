// Installs the benchmark's peers into bench/node_modules on first use, and again whenever
// bench/package-lock.json names other versions than those installed. They live apart from the
// workspaces so that the product's install never pulls them (and the `qr` package's own bin, if
// a version has one, lands in bench/node_modules/.bin, never beside qr-core's `qr`).
// Run directly (`node bench/ensure-installed.mjs`) or import { ensureInstalled }.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Direct dependencies that are absent or at another version than the lockfile pins. */
function outdatedPeers() {
  const { dependencies } = readJson(join(benchDir, 'package.json'));
  const lockPath = join(benchDir, 'package-lock.json');
  const locked = existsSync(lockPath) ? readJson(lockPath).packages : {};
  return Object.keys(dependencies).filter((name) => {
    const manifest = join(benchDir, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return true;
    const pinned = locked[`node_modules/${name}`]?.version;
    return pinned !== undefined && readJson(manifest).version !== pinned;
  });
}

export function ensureInstalled() {
  const outdated = outdatedPeers();
  if (outdated.length === 0) return;
  // `npm ci` installs exactly the committed lockfile, so every run measures the same peers.
  const command = existsSync(join(benchDir, 'package-lock.json')) ? 'ci' : 'install';
  console.error(`bench: installing ${outdated.join(', ')} (npm ${command} --prefix bench)`);
  const npmCli = process.env.npm_execpath;
  const [file, args] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
  const result = spawnSync(file, [...args, command, '--prefix', benchDir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`npm ${command} --prefix bench failed (${result.error?.message ?? `exit code ${result.status}`}); run it by hand to see why`);
  }
  const stillMissing = outdatedPeers();
  if (stillMissing.length > 0) throw new Error(`npm ${command} left ${stillMissing.join(', ')} missing or at the wrong version`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureInstalled();
  } catch (error) {
    console.error(`bench: ${error.message}`);
    process.exitCode = 1;
  }
}
