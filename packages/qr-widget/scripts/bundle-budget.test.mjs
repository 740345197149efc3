// The public bundles as built: within their gzipped budgets, free of Node-only code, and
// pointing at their source maps.
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { BUNDLE_BUDGETS, gzippedSize } from './budgets.mjs';

const publicDir = new URL('../dist/public/', import.meta.url);
const manifest = JSON.parse(await readFile(new URL('manifest.json', publicDir), 'utf8'));

/**
 * Known misses, reported on every run as TODO instead of failing it. /qr-code.js is Lit with
 * its decorators (6.2 KB gzipped) plus qr-core's encode and toSVG (13.9 KB gzipped alone since
 * logos, at qr-core 62c7f32; `npm run size -w qr-core`): the budget needs a smaller browser build
 * of qr-core, which is qr-core's to make (issue 11).
 */
/** @type {Readonly<Record<string, string>>} */
const KNOWN_OVER_BUDGET = Object.freeze({
  'qr-code.js': "needs a smaller browser build of qr-core (see the README's budget section)",
});

for (const [name, budget] of Object.entries(BUNDLE_BUDGETS)) {
  test(`/${name} is at most ${budget} bytes gzipped`, { todo: KNOWN_OVER_BUDGET[name] }, async () => {
    const hashed = manifest[name];
    assert.match(hashed, /^[\w-]+\.[A-Z0-9]{8}\.js$/, 'a content-hashed name');
    const bytes = await readFile(new URL(hashed, publicDir));
    const gzipped = gzippedSize(bytes);
    assert.ok(gzipped <= budget, `${name} is ${gzipped} bytes gzipped, over its ${budget} byte budget`);
    const text = bytes.toString('utf8');
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

test('/qr-code.js and /qr-widget.js hold no payload code, and /qr-code.js stands alone', async () => {
  const element = await bundleText('qr-code.js');
  assert.doesNotMatch(element, PAYLOAD_CODE);
  assert.doesNotMatch(element, /\bimport\s*\(|\bfrom\s*["']|\bimport\s*["']/, '/qr-code.js imports nothing');
  assert.doesNotMatch(await bundleText('qr-widget.js'), PAYLOAD_CODE, 'the payload forms are loaded on first use, not with /qr-widget.js');
});

test('/qr-widget.js loads the payload forms with import(), by their hashed name, and imports nothing else', async () => {
  const widget = await bundleText('qr-widget.js');
  const forms = manifest['payload-forms.js'];
  assert.match(forms, /^payload-forms\.[A-Z0-9]{8}\.js$/);
  assert.deepEqual([...widget.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]), [`./${forms}`]);
  assert.doesNotMatch(widget, /\bfrom\s*["']|\bimport\s*["']/, 'no static import: the first paint is this one file');
  const text = await bundleText('payload-forms.js');
  assert.match(text, PAYLOAD_CODE, 'the forms bring qr-core/payloads');
  assert.doesNotMatch(text, /\bimport\s*\(|\bfrom\s*["']|\bimport\s*["']/, 'the forms import nothing (Lit is handed to them)');
  assert.doesNotMatch(text, /["']node:/);
});

test('/qr-payloads.js is qr-core/payloads for pages that embed <qr-code>', async () => {
  const text = await bundleText('qr-payloads.js');
  assert.match(text, PAYLOAD_CODE);
  assert.match(text, /export\s*\{[^}]*\bpayload\b/);
  assert.doesNotMatch(text, /\bimport\s*\(|\bfrom\s*["']|\bimport\s*["']|["']node:/);
});
