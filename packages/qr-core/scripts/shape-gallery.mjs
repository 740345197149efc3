// The module and finder shapes, shown and measured. Reads the built package (dist/: run
// `npx tsc -p tsconfig.build.json` in packages/qr-core first).
//
//   node scripts/shape-gallery.mjs            writes docs/shapes/*.svg at the repository root, with
//                                             three logo pictures (the logo: bench/logo-64.svg)
//   node scripts/shape-gallery.mjs --measure  prints, for each shape combination, the PNG's bytes and
//                                             its time per toPNG (CPU µs, the median of interleaved rounds)
//
// The gallery draws https://example.com at ECL M (version 2, 25 × 25 modules) with the standard
// 4-module margin; the measurement draws the reference symbol, https://example.com/products/12345?ref=qr
// at ECL M (version 3), at the original service's look (10 px per module, a 4-module margin).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encode, FINDER_SHAPES, MODULE_SHAPES, maxLogoSize, toSVG } from '../dist/index.js';
import { toPNG } from '../dist/png.js';

const FINDER_COLOR = '#1a237e';

/** Every module shape × finder shape, then one with a finder colour of its own. */
const styles = [];
for (const moduleShape of MODULE_SHAPES) {
  for (const finderShape of FINDER_SHAPES) {
    styles.push({ name: `${moduleShape}-${finderShape}`, label: `${moduleShape}, ${finderShape}`, options: { moduleShape, finderShape } });
  }
}
for (const [moduleShape, finderShape] of [['square', 'square'], ['dots', 'rounded'], ['rounded', 'circle']]) {
  styles.push({
    name: `${moduleShape}-${finderShape}-finder-color`,
    label: `${moduleShape}, ${finderShape}, finderColor ${FINDER_COLOR}`,
    options: { moduleShape, finderShape, finderColor: FINDER_COLOR },
  });
}

if (process.argv.includes('--measure')) measure();
else gallery();

function gallery() {
  const dir = fileURLToPath(new URL('../../../docs/shapes/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const qr = encode('https://example.com', { ecl: 'M' });
  for (const { name, options } of styles) {
    const svg = toSVG(qr, options);
    writeFileSync(`${dir}${name}.svg`, `${svg}\n`);
    console.log(`docs/shapes/${name}.svg  ${svg.length} bytes`);
  }
  // Logos: the reference URL at ECL H (version 5), the largest logo the rule allows.
  const logo = new Uint8Array(readFileSync(new URL('../../../bench/logo-64.svg', import.meta.url)));
  const branded = encode('https://example.com/products/12345?ref=qr', { ecl: 'H' });
  for (const [moduleShape, finderShape] of [['square', 'square'], ['dots', 'rounded'], ['rounded', 'circle']]) {
    const name = `logo-${moduleShape}-${finderShape}`;
    const svg = toSVG(branded, { moduleShape, finderShape, logo: { image: logo, size: maxLogoSize(branded) } });
    writeFileSync(`${dir}${name}.svg`, `${svg}\n`);
    console.log(`docs/shapes/${name}.svg  ${svg.length} bytes`);
  }
}

function measure() {
  const qr = encode('https://example.com/products/12345?ref=qr', { ecl: 'M' });
  const looks = [{ label: 'plain: the defaults', options: {} }, ...styles];
  const png = (options) => toPNG(qr, { scale: 10, margin: 4, ...options });
  const ROUNDS = 21;
  const CALLS = 200;
  const samples = looks.map(() => []);
  for (const look of looks) for (let i = 0; i < 50; i++) png(look.options); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    // A rotated order each round, so that no look always runs after the same other one.
    for (let k = 0; k < looks.length; k++) {
      const i = (k + round) % looks.length;
      const { options } = looks[i];
      const start = process.cpuUsage();
      for (let n = 0; n < CALLS; n++) png(options);
      const used = process.cpuUsage(start);
      samples[i].push((used.user + used.system) / CALLS);
    }
  }
  const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];
  console.log(`Node ${process.version}, ${ROUNDS} rounds of ${CALLS} calls per look, CPU µs per toPNG (median of the rounds)\n`);
  console.log('| moduleShape, finderShape | PNG | bytes | µs per toPNG |');
  console.log('| --- | --- | ---: | ---: |');
  for (const [i, { label, options }] of looks.entries()) {
    const file = png(options);
    const bitDepth = file[24];
    const colorType = file[25];
    const format = colorType === 3 ? `palette, ${bitDepth} bit` : `grey, ${bitDepth} bit`;
    console.log(`| ${label} | ${format} | ${file.length.toLocaleString('en')} | ${Math.round(median(samples[i]))} |`);
  }
}
