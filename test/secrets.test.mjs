// Nothing in the repository may hold a credential: deploys authenticate
// through GitHub's OIDC token, Terraform through the caller's environment.
// A scan of every file in the tree for the shapes credentials take.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Installed, generated or local-only: not part of what is committed.
const skippedFolders = new Set(['.git', 'node_modules', 'dist', 'coverage', '.terraform']);

const credentialShapes = Object.freeze({
  'AWS access key ID': /\b(?:AKIA|ASIA|A3T[A-Z0-9])[A-Z0-9]{16}\b/,
  'AWS secret access key': /aws_secret_access_key\s*[=:]\s*\S|secret_key\s*=\s*"[^"]+"/i,
  'private key': /-----BEGIN (?:RSA |EC |OPENSSH |DSA |PGP )?PRIVATE KEY( BLOCK)?-----/,
  'GitHub token': /\bgh[pousr]_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{40,}/,
});

async function* filesUnder(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && !skippedFolders.has(entry.name)) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

test('no file in the repository holds a credential', async () => {
  const findings = [];
  let scanned = 0;
  for await (const file of filesUnder(root)) {
    const text = await readFile(file, 'utf8');
    scanned += 1;
    for (const [what, shape] of Object.entries(credentialShapes)) {
      if (shape.test(text)) findings.push(`${path.relative(root, file)}: looks like a ${what}`);
    }
  }
  assert.ok(scanned > 0);
  assert.deepEqual(findings, []);
});
