// @ts-check
/**
 * Where the runtime matrix finds Deno, Bun and workerd: the binaries that the root devDependencies
 * `deno`, `bun` and `workerd` bring, inside their per-platform packages (optionalDependencies).
 * They are run from there directly, never through the wrappers in node_modules/.bin: bun's wrapper
 * is a placeholder until its postinstall script replaces it, and `npm ci --ignore-scripts` (or
 * npm 11 not trusting install scripts) leaves it so; deno's and workerd's wrappers are Node scripts
 * that would cost a process each.
 */
import { accessSync, constants } from 'node:fs';
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
