/**
 * Builds dist/public: the bundles (content-hashed names, minified, with source maps), the
 * stylesheet, the page template and a manifest mapping stable names to hashed ones. Prints the
 * gzipped size of each public bundle against its budget (checked by bundle-budget.test.mjs).
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BUNDLE_BUDGETS, gzippedSize } from './budgets.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'dist/public');

/** Stable public name → source entry. @type {Readonly<Record<string, string>>} */
const ENTRIES = {
  'qr-widget.js': 'src/qr-widget.entry.ts',
  'qr-code.js': 'src/qr-code.entry.ts',
  'page.js': 'src/page/embed-guide.ts',
  'styles.css': 'public/styles.css',
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name.replace(/\.\w+$/, ''), source])),
  outdir,
  entryNames: '[name].[hash]',
  bundle: true,
  format: 'esm',
  platform: 'browser', // picks qr-core's default export condition: the entry without node:zlib
  target: ['es2022', 'chrome111', 'firefox113', 'safari16.4'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
});

/** @type {Record<string, string>} */
const manifest = {};
for (const [output, meta] of Object.entries(result.metafile.outputs)) {
  if (!meta.entryPoint) continue;
  const stable = Object.keys(ENTRIES).find((name) => ENTRIES[name] === meta.entryPoint);
  if (stable) manifest[stable] = relative(outdir, join(root, output));
}
await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// The page template and static files; styles.css went through esbuild above.
await cp(join(root, 'public'), outdir, { recursive: true, filter: (source) => basename(source) !== 'styles.css' });

for (const [name, budget] of Object.entries(BUNDLE_BUDGETS)) {
  const bytes = await readFile(join(outdir, manifest[name]));
  const gzipped = gzippedSize(bytes);
  const verdict = gzipped <= budget ? 'within' : 'OVER';
  console.log(`${name.padEnd(13)} ${String(bytes.length).padStart(7)} B minified, ${String(gzipped).padStart(6)} B gzipped — ${verdict} the ${budget} B budget`);
}
