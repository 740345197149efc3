// `npm run size -w qr-core`: the browser entry's size as an application ships it — bundled and
// minified by esbuild, then gzipped (level 9) — whole, and for the two imports most pages make.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const entries = [
  ['the whole browser entry (qr-core)', `export * from ${JSON.stringify(`${dist}index.js`)};`],
  ['encode + toSVG', `export { encode, toSVG } from ${JSON.stringify(`${dist}index.js`)};`],
  ['encode alone', `export { encode } from ${JSON.stringify(`${dist}index.js`)};`],
];

for (const [name, contents] of entries) {
  const result = await build({
    stdin: { contents, resolveDir: dist, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  const code = result.outputFiles[0].contents;
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  console.log(`${name.padEnd(36)} ${kb(code.length).padStart(8)} minified ${kb(gzipSync(code, { level: 9 }).length).padStart(8)} gzipped`);
}
