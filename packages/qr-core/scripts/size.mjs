// `npm run size -w qr-core`: the browser entry's size as an application ships it — bundled and
// minified by esbuild, then gzipped (level 9) — whole, and for the imports most pages make;
// `--modules` adds what each module of qr-core takes of each bundle (minified bytes, from
// esbuild's metafile: the bytes of a module in the output, before gzip, which has no per-module
// figure).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const from = (file) => JSON.stringify(`${dist}${file}`);
const entries = [
  ['the whole browser entry (qr-core)', `export * from ${from('index.js')};`],
  ['encode + toSVG', `export { encode, toSVG } from ${from('index.js')};`],
  ['encode + toPlainSVG (qr-core/svg-plain)', `export { encode } from ${from('index.js')}; export { toPlainSVG } from ${from('svg-plain.js')};`],
  ['encode alone (every symbology and GS1)', `export { encode } from ${from('index.js')};`],
  ['encodeQR + toSVG (QR Code only)', `export { encodeQR, toSVG } from ${from('index.js')};`],
  ['encodeQR + toPlainSVG', `export { encodeQR } from ${from('index.js')}; export { toPlainSVG } from ${from('svg-plain.js')};`],
  ['encodeQR alone', `export { encodeQR } from ${from('index.js')};`],
];
const modules = process.argv.includes('--modules');

for (const [name, contents] of entries) {
  const result = await build({
    stdin: { contents, resolveDir: dist, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: modules,
  });
  const code = result.outputFiles[0].contents;
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  console.log(`${name.padEnd(40)} ${kb(code.length).padStart(8)} minified ${kb(gzipSync(code, { level: 9 }).length).padStart(8)} gzipped`);
  if (!modules) continue;
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs);
  for (const [input, { bytesInOutput }] of inputs.sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) {
    if (bytesInOutput > 0) console.log(`  ${input.replace(/^.*dist\//, '').padEnd(38)} ${String(bytesInOutput).padStart(7)} B`);
  }
}
