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
  'qr-payloads.js': 'src/qr-payloads.entry.ts',
  'page.js': 'src/page/embed-guide.ts',
  'styles.css': 'public/styles.css',
};

/**
 * Modules the bundles load with import() when they are first needed, each bundled on its own
 * (with what it imports, but Lit, which the importer hands it) and built first: the import() of
 * its source in a bundle becomes an import() of the built file, by its hashed name, beside it.
 * A file of its own rather than esbuild's code splitting, which would move what the lazy module
 * shares with /qr-widget.js (Lit, qr-core's errors) into a chunk that /qr-widget.js imports:
 * the stable /qr-widget.js of embedders would no longer stand alone, and would break, for the
 * five minutes of its cache lifetime, when a release removes the chunk that it names.
 * @type {Readonly<Record<string, string>>}
 */
const LAZY = {
  'payload-forms.js': 'src/payloads/payload-forms.ts',
  // qr-core's whole toSVG (shapes, logos), which <qr-code> loads the first time a style or logo is
  // set; plain codes are drawn by qr-core/svg-plain, in /qr-code.js.
  'qr-code-styled.js': 'src/components/qr-code/styled-renderer.ts',
  // qr-core's PNG writer (toPNGAsync), which <qr-widget> loads the first time it saves a PNG itself.
  'qr-png.js': 'src/png-local.ts',
  // qr-core's whole encode (Micro QR, rMQR, the GS1 tables) and capacityOf, which both elements load
  // the first time a symbology other than QR, or GS1, is asked for; QR codes are encodeQR's, in the bundles.
  'qr-symbologies.js': 'src/symbologies.ts',
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
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
};

/** @type {Record<string, string>} */
const manifest = {};

/** Builds `entries` (stable name → source) and adds their outputs to the manifest. */
async function build(/** @type {Readonly<Record<string, string>>} */ entries, /** @type {import('esbuild').Plugin[]} */ plugins = []) {
  const result = await esbuild.build({
    ...options,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([name, source]) => [name.replace(/\.\w+$/, ''), source])),
    plugins,
  });
  for (const [output, meta] of Object.entries(result.metafile?.outputs ?? {})) {
    if (!meta.entryPoint) continue;
    const stable = Object.keys(entries).find((name) => entries[name] === meta.entryPoint);
    if (stable) manifest[stable] = relative(outdir, join(root, output));
  }
}

await build(LAZY);

/** Resolves an import() of a lazy module's source to its built file; any other import of one is a mistake. @type {import('esbuild').Plugin} */
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    const sources = new Map(Object.entries(LAZY).map(([name, source]) => [join(root, source), name]));
    build.onResolve({ filter: /^\./ }, ({ path, resolveDir, kind, importer }) => {
      const name = sources.get(join(resolveDir, path).replace(/\.js$/, '.ts'));
      if (name === undefined) return undefined;
      if (kind !== 'dynamic-import') {
        return { errors: [{ text: `${relative(root, importer)} imports ${path} statically; it is loaded with import() only (LAZY in scripts/build.mjs)` }] };
      }
      return { path: `./${manifest[name]}`, external: true };
    });
  },
};

await build(ENTRIES, [lazyModules]);
await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// The page template and static files; styles.css went through esbuild above.
await cp(join(root, 'public'), outdir, { recursive: true, filter: (source) => basename(source) !== 'styles.css' });

for (const name of [...Object.keys(BUNDLE_BUDGETS), ...Object.keys(LAZY), 'qr-payloads.js']) {
  const bytes = await readFile(join(outdir, manifest[name]));
  const gzipped = gzippedSize(bytes);
  const budget = /** @type {Record<string, number>} */ (BUNDLE_BUDGETS)[name];
  const verdict = budget === undefined ? (name in LAZY ? 'loaded on first use' : 'for embedders') : `${gzipped <= budget ? 'within' : 'OVER'} the ${budget} B budget`;
  console.log(`${name.padEnd(16)} ${String(bytes.length).padStart(7)} B minified, ${String(gzipped).padStart(6)} B gzipped — ${verdict}`);
}
