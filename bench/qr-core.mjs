// Loads qr-core from its build (packages/qr-core/dist), the code users import, after
// rebuilding it when a source file is newer than its output.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const distUrl = new URL('../packages/qr-core/dist/', import.meta.url);
const srcDir = fileURLToPath(new URL('../packages/qr-core/src/', import.meta.url));
const distDir = fileURLToPath(distUrl);

/** Library sources (not tests, not test support) whose .js in dist is missing or older. */
function staleSources() {
  return readdirSync(srcDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => entry.name)
    .filter((name) => {
      const built = `${distDir}${name.replace(/\.ts$/, '.js')}`;
      return !existsSync(built) || statSync(built).mtimeMs < statSync(`${srcDir}${name}`).mtimeMs;
    });
}

function build() {
  const npmCli = process.env.npm_execpath;
  const [file, args] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = spawnSync(file, [...args, 'run', 'build', '-w', 'qr-core'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm run build -w qr-core failed (${result.error?.message ?? `exit code ${result.status}`})`);
}

/**
 * { encode, toPNG } from the build; toPNG is undefined while src/png.ts does not exist yet.
 */
export async function loadQrCore() {
  const stale = staleSources();
  if (stale.length > 0) {
    console.error(`bench: building qr-core (${stale.join(', ')} newer than dist)`);
    build();
  }
  const { encode } = await import(new URL('index.js', distUrl).href);
  if (typeof encode !== 'function') throw new Error('packages/qr-core/dist/index.js exports no encode()');
  const png = existsSync(`${distDir}png.js`) ? await import(new URL('png.js', distUrl).href) : {};
  return { encode, toPNG: typeof png.toPNG === 'function' ? png.toPNG : undefined };
}
