// Nothing in the repository may hold a credential: deploys authenticate
// through GitHub's OIDC token, Terraform through the caller's environment.
// A scan of every file in the tree for the shapes credentials take.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
  'npm token': /\bnpm_[A-Za-z0-9]{36}\b/,
});

// One of each, assembled here so that this file holds none of them.
const examples = {
  'AWS access key ID': ['AKIA', 'IOSFODNN7EXAMPLE'].join(''),
  'AWS secret access key': ['AWS_SECRET_ACCESS_KEY', '=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'].join(''),
  'private key': ['-----BEGIN', ' OPENSSH PRIVATE KEY-----'].join(''),
  'GitHub token': ['ghp', '_', 'x'.repeat(36)].join(''),
  'npm token': ['npm', '_', 'x'.repeat(36)].join(''),
};

async function* filesUnder(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory() && !skippedFolders.has(entry.name)) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Each file under `folder` that looks like it holds a credential, and what it looks like; with the number of files read. */
async function scan(folder) {
  const findings = [];
  let scanned = 0;
  for await (const file of filesUnder(folder)) {
    let text;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (error.code === 'ENOENT') continue; // removed while the scan ran
      throw error;
    }
    scanned += 1;
    for (const [what, shape] of Object.entries(credentialShapes)) {
      if (shape.test(text)) findings.push(`${path.relative(folder, file)}: looks like a ${what}`);
    }
  }
  return { findings, scanned };
}

test('each credential shape recognises an example of its kind', () => {
  assert.deepEqual(Object.keys(examples).sort(), Object.keys(credentialShapes).sort());
  for (const [what, example] of Object.entries(examples)) {
    const matched = Object.entries(credentialShapes).filter(([, shape]) => shape.test(`const x = "${example}";`)).map(([name]) => name);
    assert.deepEqual(matched, [what], `the ${what} example`);
  }
});

test('the scan reports a credential however deep it lies, and skips installed and generated folders', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'qr-secrets-'));
  try {
    await mkdir(path.join(folder, 'packages', 'app', 'src'), { recursive: true });
    await mkdir(path.join(folder, 'node_modules', 'dependency'), { recursive: true });
    await writeFile(path.join(folder, 'packages', 'app', 'src', 'config.ts'), `export const key = '${examples['AWS access key ID']}';\n`);
    await writeFile(path.join(folder, 'node_modules', 'dependency', 'fixture.js'), `// ${examples['GitHub token']}\n`);
    await writeFile(path.join(folder, 'README.md'), 'Credentials come from the environment.\n');
    const { findings, scanned } = await scan(folder);
    assert.deepEqual(findings, [`${path.join('packages', 'app', 'src', 'config.ts')}: looks like a AWS access key ID`]);
    assert.equal(scanned, 2);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('no file in the repository holds a credential', async () => {
  const { findings, scanned } = await scan(root);
  assert.ok(scanned > 0);
  assert.deepEqual(findings, []);
});
