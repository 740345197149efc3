// The public bundles as built: within their gzipped budgets, free of Node-only code, and
// pointing at their source maps.
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { BUNDLE_BUDGETS, gzippedSize } from './budgets.mjs';

const publicDir = new URL('../dist/public/', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('manifest.json', publicDir), 'utf8'));

for (const [name, budget] of Object.entries(BUNDLE_BUDGETS)) {
  test(`/${name} is at most ${budget} bytes gzipped`, async () => {
    const gzipped = gzippedSize(await readFile(new URL(manifest[name], publicDir)));
    assert.ok(gzipped <= budget, `${name} is ${gzipped} bytes gzipped, over its ${budget} byte budget`);
  });

  test(`/${name} has a content-hashed name, no Node modules and its source map`, async () => {
    const hashed = manifest[name];
    assert.match(hashed, /^[\w-]+\.[A-Z0-9]{8}\.js$/, 'a content-hashed name');
    const text = (await readFile(new URL(hashed, publicDir))).toString('utf8');
    assert.doesNotMatch(text, /["']node:/, 'the browser bundle must not import Node modules (qr-core/png)');
    assert.match(text, new RegExp(`//# sourceMappingURL=${hashed.replace(/\./g, '\\.')}\\.map\\n?$`));
  });
}

/** @param {string} name a stable name in the manifest */
async function bundleText(name) {
  return (await readFile(new URL(manifest[name], publicDir))).toString('utf8');
}

/** Strings only qr-core/payloads' formats write: their code is in a bundle when one of these is. */
const PAYLOAD_CODE = /WIFI:|BEGIN:VCARD|BEGIN:VEVENT|SMSTO:/;

/** @param {string} text a bundle @returns {string[]} the specifiers of its import() calls */
function dynamicImports(text) {
  return [...text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
}

const STATIC_IMPORT = /\bfrom\s*["']|\bimport\s*["']/;

/** Strings only qr-core's styled drawings write (arcs, the finders' even-odd path, the logo's image). */
const STYLED_CODE = /fill-rule="evenodd"|preserveAspectRatio/;

/** A line of qr-core's GS1 application identifier table, which comes with its whole encode (Micro QR, rMQR, GS1) and not with encodeQR. */
const SYMBOLOGIES_CODE = /01 N14c GTIN/;

test('/qr-code.js and /qr-widget.js hold no payload code; /qr-code.js loads only its styled renderer and the symbologies, with import()', async () => {
  const element = await bundleText('qr-code.js');
  assert.doesNotMatch(element, PAYLOAD_CODE);
  assert.doesNotMatch(element, STYLED_CODE, 'plain codes need no shapes or logos: they are in the styled renderer');
  const styled = manifest['qr-code-styled.js'];
  assert.match(styled, /^qr-code-styled\.[A-Z0-9]{8}\.js$/);
  assert.deepEqual(dynamicImports(element).sort(), [`./${styled}`, `./${manifest['qr-symbologies.js']}`].sort());
  assert.doesNotMatch(element, STATIC_IMPORT, '/qr-code.js imports nothing statically: a plain code is this one file');
  assert.doesNotMatch(await bundleText('qr-widget.js'), PAYLOAD_CODE, 'the payload forms are loaded on first use, not with /qr-widget.js');
});

test("<qr-code>'s styled renderer is qr-core's toSVG on its own, importing nothing", async () => {
  const text = await bundleText('qr-code-styled.js');
  assert.match(text, STYLED_CODE);
  assert.doesNotMatch(text, PAYLOAD_CODE);
  assert.doesNotMatch(text, /\bimport\s*\(/);
  assert.doesNotMatch(text, STATIC_IMPORT);
  assert.doesNotMatch(text, /["']node:/);
});

test('/qr-widget.js loads the payload forms with import(), by their hashed name, and imports nothing else', async () => {
  const widget = await bundleText('qr-widget.js');
  const forms = manifest['payload-forms.js'];
  assert.match(forms, /^payload-forms\.[A-Z0-9]{8}\.js$/);
  // The element's import() of its styled renderer is in the bundle too, never called: the generator hands it qr-core's toSVG.
  // qr-png.js is qr-core's toPNGAsync, loaded the first time the widget saves a PNG it made itself.
  // qr-symbologies.js is qr-core's whole encode and capacityOf, loaded the first time Micro QR, rMQR or GS1 is chosen.
  assert.deepEqual(dynamicImports(widget).sort(), [`./${forms}`, `./${manifest['qr-code-styled.js']}`, `./${manifest['qr-png.js']}`, `./${manifest['qr-symbologies.js']}`].sort());
  assert.doesNotMatch(widget, STATIC_IMPORT, 'no static import: the first paint is this one file');
  const text = await bundleText('payload-forms.js');
  assert.match(text, PAYLOAD_CODE, 'the forms bring qr-core/payloads');
  assert.doesNotMatch(text, /\bimport\s*\(|\bfrom\s*["']|\bimport\s*["']/, 'the forms import nothing (Lit is handed to them)');
  assert.doesNotMatch(text, /["']node:/);
});

test('/qr-widget.js loads qr-core\'s PNG writer on first use: qr-png.js, which imports nothing and nothing from node:', async () => {
  assert.match(manifest['qr-png.js'], /^qr-png\.[A-Z0-9]{8}\.js$/);
  const text = await bundleText('qr-png.js');
  assert.match(text, /CompressionStream/);
  assert.match(text, /export\s*\{[^}]*\btoPNGAsync\b/);
  assert.doesNotMatch(text, /\bimport\s*\(|\bfrom\s*["']|\bimport\s*["']|["']node:/);
});

test('/qr-code.js and /qr-widget.js make QR codes alone (encodeQR); Micro QR, rMQR and GS1 are qr-symbologies.js, which imports nothing', async () => {
  for (const name of ['qr-code.js', 'qr-widget.js']) assert.doesNotMatch(await bundleText(name), SYMBOLOGIES_CODE, `${name} holds no Micro QR, rMQR or GS1 code`);
  assert.match(manifest['qr-symbologies.js'], /^qr-symbologies\.[A-Z0-9]{8}\.js$/);
  const text = await bundleText('qr-symbologies.js');
  assert.match(text, SYMBOLOGIES_CODE);
  assert.match(text, /export\s*\{[^}]*\bencode\b/);
  assert.match(text, /export\s*\{[^}]*\bcapacityOf\b/);
  assert.doesNotMatch(text, /\bimport\s*\(|\bfrom\s*["']|\bimport\s*["']|["']node:/);
});

test('/qr-payloads.js is qr-core/payloads for pages that embed <qr-code>', async () => {
  const text = await bundleText('qr-payloads.js');
  assert.match(text, PAYLOAD_CODE);
  assert.match(text, /export\s*\{[^}]*\bpayload\b/);
  assert.doesNotMatch(text, /\bimport\s*\(|\bfrom\s*["']|\bimport\s*["']|["']node:/);
});
