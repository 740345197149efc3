/**
 * Everything the server can send, loaded and compressed once at startup. Requests are answered
 * from this table alone, so no request path ever reaches the file system.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { ContentCoding } from './content-coding.js';
import { isCompressible, mediaType } from './mime.js';
import { pageContentSecurityPolicy, renderPage } from './page.js';

export interface Representation {
  body: Buffer;
  /** Differs per coding: RFC 9110 §8.8.3 gives each content coding its own entity tag. */
  etag: string;
}

export interface Asset {
  type: string;
  cacheControl: string;
  /** Headers of this asset beyond the common ones (CSP on the page, CORS on the scripts). */
  headers: Readonly<Record<string, string>>;
  /** identity always; br and gzip where they are smaller. */
  codings: Readonly<Partial<Record<ContentCoding, Representation>>> & { identity: Representation };
}

export type AssetTable = ReadonlyMap<string, Asset>;

/** Cache lifetimes: content-hashed names never change; stable names and the page revalidate. */
export const CACHE_CONTROL = Object.freeze({
  hashed: 'public, max-age=31536000, immutable',
  stable: 'public, max-age=300',
  page: 'no-cache',
});

/**
 * Brotli's best quality takes 1.4-1.8 s apiece on the two source maps (330-380 KB) and 0.14 s on
 * the largest bundle (measured); quality 5 takes the maps down in 25-50 ms for 12 % more bytes.
 * Maps are fetched by developer tools only, so they get the fast setting and startup stays short.
 */
const LARGE_FILE_BYTES = 128 * 1024;
const LARGE_FILE_BROTLI_QUALITY = 5;

const MANIFEST = 'manifest.json';
const PAGE_TEMPLATE = 'index.html';

export async function loadAssets(publicDir: string, backendUrl: string): Promise<AssetTable> {
  const manifest = await readManifest(publicDir);
  const hashedNames = new Set(Object.values(manifest));
  const table = new Map<string, Asset>();

  for (const file of await listFiles(publicDir)) {
    if (file === MANIFEST || file === PAGE_TEMPLATE) continue;
    const body = await readFile(join(publicDir, file));
    const cacheControl = hashedNames.has(file) || hashedNames.has(file.replace(/\.map$/, '')) ? CACHE_CONTROL.hashed : CACHE_CONTROL.stable;
    table.set(`/${file}`, makeAsset(file, body, cacheControl));
  }

  // Stable names for embedders (/qr-code.js) serve the current hashed build under a short lifetime.
  for (const [stable, hashed] of Object.entries(manifest)) {
    for (const suffix of ['', '.map']) {
      const asset = table.get(`/${hashed}${suffix}`);
      if (asset) table.set(`/${stable}${suffix}`, { ...asset, cacheControl: CACHE_CONTROL.stable });
    }
  }

  const template = await readFile(join(publicDir, PAGE_TEMPLATE), 'utf8');
  const page = makeAsset(PAGE_TEMPLATE, Buffer.from(renderPage(template, { backendUrl, assets: manifest })), CACHE_CONTROL.page, {
    'content-security-policy': pageContentSecurityPolicy(backendUrl),
    'cross-origin-opener-policy': 'same-origin',
  });
  table.set('/', page);
  table.set(`/${PAGE_TEMPLATE}`, page);
  return table;
}

async function readManifest(publicDir: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(join(publicDir, MANIFEST), 'utf8');
  } catch {
    throw new Error(`${join(publicDir, MANIFEST)} is missing: build the widget first (npm run build -w qr-widget)`);
  }
  return JSON.parse(text) as Record<string, string>;
}

/** Files under `dir`, as '/'-separated paths relative to it; dotfiles are never served. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) files.push(...(await listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)));
    else if (entry.isFile()) files.push(`${prefix}${entry.name}`);
  }
  return files.sort();
}

function makeAsset(file: string, body: Buffer, cacheControl: string, pageHeaders: Record<string, string> = {}): Asset {
  const type = mediaType(file);
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const codings: Asset['codings'] & Partial<Record<ContentCoding, Representation>> = {
    identity: { body, etag: `"${hash}"` },
  };
  if (isCompressible(type)) {
    const quality = body.length <= LARGE_FILE_BYTES ? zlibConstants.BROTLI_MAX_QUALITY : LARGE_FILE_BROTLI_QUALITY;
    const br = brotliCompressSync(body, {
      params: { [zlibConstants.BROTLI_PARAM_QUALITY]: quality, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    const gzip = gzipSync(body, { level: 9 });
    if (br.length < body.length) codings.br = { body: br, etag: `"${hash}-br"` };
    if (gzip.length < body.length) codings.gzip = { body: gzip, etag: `"${hash}-gzip"` };
  }
  // Scripts and their maps may be loaded by any site that embeds <qr-code> (module scripts are fetched in CORS mode).
  const crossOrigin: Record<string, string> = /\.(js|map)$/.test(file)
    ? { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' }
    : {};
  return { type, cacheControl, headers: { ...crossOrigin, ...pageHeaders }, codings };
}
