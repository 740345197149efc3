/** A small built public folder in a temporary directory, shaped like the build's output, for the server tests. */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURE_SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(200))};\n//# sourceMappingURL=qr-code.abc123.js.map\n`;

export async function makePublicDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'qr-widget-public-'));
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({ 'qr-code.js': 'qr-code.abc123.js', 'styles.css': 'styles.def456.css' }),
    'index.html': '<!doctype html><link rel="stylesheet" href="{{asset styles.css}}"><qr-widget backend-url="{{backendUrl}}"></qr-widget>',
    'qr-code.abc123.js': FIXTURE_SCRIPT,
    'qr-code.abc123.js.map': '{"version":3,"sources":[],"mappings":""}',
    'styles.def456.css': 'body { margin: 0 }',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    '.secret': 'never served',
    'nested/inner.txt': 'inner file',
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}
