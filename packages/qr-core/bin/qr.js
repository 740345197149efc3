#!/usr/bin/env node
// The `qr` bin. It is a committed file rather than dist/cli.js itself because npm links a
// package's bins before the root `prepare` script builds dist/, and skips a bin whose file is
// missing: pointing at dist/ would leave a fresh clone's `npx qr` without a link.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write('qr: qr-core is not built yet: run `npm run build` in the repository root\n');
  process.exitCode = 1;
}
