/**
 * End to end, as `npm start` runs the product: the built API and the built page server on free
 * ports, the page pointed at the API through BACKEND_URL. Debian's Chromium, driven by
 * playwright-core, types a URL, generates through the API, and the PNG the page received is
 * decoded by ZXing. A second page on another origin embeds <qr-code> with the two-line snippet.
 */
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../../test-support/chromium.mjs';
import { API_MAIN, startServer, WEB_MAIN } from '../../../../test-support/servers.mjs';
import { decodeImage } from '../test-support/decode-image.js';

/** Console errors and CSP violations: a page that works must log none. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

describe('the page and the API together', () => {
  let api: Awaited<ReturnType<typeof startServer>>;
  let widget: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  before(async () => {
    api = await startServer(API_MAIN);
    widget = await startServer(WEB_MAIN, { BACKEND_URL: api.url });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  });

  after(async () => {
    await browser?.close();
    assert.equal(await widget?.stop(), 0, 'the page server exits 0 on SIGTERM');
    await api?.stop();
  });

  test('a typed URL becomes a QR code made by the API, which ZXing reads back', async () => {
    const page = await browser.newPage();
    const problems = collectProblems(page);
    await page.goto(widget.url);
    // The embed guide's snippets name this server, ready to paste.
    assert.ok((await page.locator('#embed-snippet').textContent())?.includes(`src="${widget.url}/qr-code.js"`));
    assert.ok((await page.locator('#widget-snippet').textContent())?.includes(`backend-url="${api.url}"`));

    const text = 'https://example.com/e2e?from=playwright';
    await page.getByLabel('URL or text').fill(text);
    const apiAnswer = page.waitForResponse((response) => response.url() === `${api.url}/generate_qr/` && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Generate' }).click();
    const response = await apiAnswer;
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'image/png');

    const image = page.locator('qr-widget img[part~="image"]');
    await image.waitFor();
    assert.equal(await image.getAttribute('alt'), `QR code for ${text}`);
    await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'made by the QR service' }).waitFor());

    // The image the page received, at its natural size (the blob: URL is same-origin, so the canvas can be read back)...
    const natural = await image.evaluate((element: HTMLImageElement) => {
      const canvas = document.createElement('canvas');
      canvas.width = element.naturalWidth;
      canvas.height = element.naturalHeight;
      canvas.getContext('2d')!.drawImage(element, 0, 0);
      return { width: canvas.width, dataUrl: canvas.toDataURL('image/png') };
    });
    assert.equal(natural.width % 10, 0, 'the default 10 px per module');
    assert.equal(await decodeImage(Buffer.from(natural.dataUrl.split(',')[1]!, 'base64')), text);
    // ...and what the person sees: a screenshot of the image on screen.
    assert.equal(await decodeImage(await image.screenshot()), text);
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the demo page passes an axe audit in the ${colorScheme} colour scheme`, async () => {
      // The page's CSP rightly refuses the injected audit script; this context lets it in.
      const context = await browser.newContext({ colorScheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(widget.url);
      await page.getByLabel('URL or text').fill('https://example.com/audit');
      await page.locator('qr-widget qr-code [part="base"]').waitFor();
      await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const { violations } = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; help: string }[] }> } }).axe.run();
        return violations.map(({ id, help }) => `${id}: ${help}`);
      });
      assert.deepEqual(violations, []);
      await context.close();
    });
  }

  test('a page on another origin shows <qr-code> with the two-line embed snippet', async () => {
    const text = 'https://example.com/embedded';
    const thirdParty = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>Third party</title>
<script type="module" src="${widget.url}/qr-code.js"></script>
<qr-code value="${text}" style="--qr-code-size: 240px"></qr-code>`);
    });
    thirdParty.listen(0, '127.0.0.1');
    await once(thirdParty, 'listening');
    const { port } = thirdParty.address() as { port: number };
    try {
      const page = await browser.newPage();
      const problems = collectProblems(page);
      // localhost and 127.0.0.1 are different origins: the script is loaded cross-origin, in CORS mode.
      await page.goto(`http://localhost:${port}/`);
      const code = page.locator('qr-code [part="base"]');
      await code.waitFor();
      assert.equal(await code.getAttribute('aria-label'), text);
      assert.equal(await decodeImage(await code.screenshot()), text);
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      thirdParty.close();
    }
  });
});
