// @ts-check
/**
 * Where the runtime matrix finds Deno, Bun and workerd: the binaries that the root devDependencies
 * `deno`, `bun` and `workerd` bring, inside their per-platform packages (optionalDependencies).
 * They are run from there directly, never through the wrappers in node_modules/.bin: bun's wrapper
 * is a placeholder until its postinstall script replaces it, and `npm ci --ignore-scripts` (or
 * npm 11 not trusting install scripts) leaves it so; deno's and workerd's wrappers are Node scripts
 * that would cost a process each.
 */
import { accessSync, closeSync, constants, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const { platform, arch } = process;
const bunArch = arch === 'arm64' ? 'aarch64' : arch;

/** @type {Record<string, { packages: string[], file: string }>} */
const BINARIES = {
  deno: { packages: [`@deno/${platform}-${arch}-glibc`, `@deno/${platform}-${arch}`], file: 'deno' },
  bun: { packages: [`@oven/bun-${platform}-${bunArch}`, `@oven/bun-${platform}-${bunArch}-musl`], file: 'bin/bun' },
  workerd: { packages: [`@cloudflare/workerd-${platform}-${arch === 'x64' ? '64' : arch}`], file: 'bin/workerd' },
};

/**
 * The path of a runtime's binary, or an Error in one line that says how to get it.
 * @param {'deno' | 'bun' | 'workerd'} name
 * @returns {string}
 */
export function binary(name) {
  const { packages, file } = BINARIES[name];
  if (name === 'bun') {
    const installed = bunInstalledByItsScript();
    if (installed !== undefined) return installed;
  }
  for (const pkg of packages) {
    let dir;
    try {
      dir = dirname(require.resolve(`${pkg}/package.json`));
    } catch {
      continue;
    }
    const path = join(dir, file);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      throw new Error(`${name}: ${path} is missing or not executable: run \`npm ci\` at the repository root again`);
    }
  }
  throw new Error(`${name} is not installed (none of ${packages.join(', ')} in node_modules): run \`npm ci\` at the repository root, which installs the devDependency ${name} and its binary for ${platform}-${arch}`);
}

/**
 * Where bun's own postinstall script puts the binary when it does run (npm may run it where the
 * package is trusted): it moves the per-platform package's bin/bun into the wrapper package as
 * bin/bun.exe, leaving the per-platform bin/ empty. Taken only when it is a real executable (ELF
 * or Mach-O), not the placeholder the wrapper ships with.
 * @returns {string | undefined}
 */
function bunInstalledByItsScript() {
  let path;
  try {
    path = join(dirname(require.resolve('bun/package.json')), 'bin', 'bun.exe');
    accessSync(path, constants.X_OK);
  } catch {
    return undefined;
  }
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  const magic = head.readUInt32BE(0);
  return magic === 0x7f454c46 || magic === 0xcffaedfe || magic === 0xcefaedfe ? path : undefined;
}
