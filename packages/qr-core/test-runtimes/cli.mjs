// @ts-check
// Node, Deno and Bun: `<runtime> test-runtimes/cli.mjs` prints the matrix's results as JSON.
import * as qr from '../dist/index.js';
import { run } from './cases.mjs';

console.log(JSON.stringify(await run(qr, typeof Deno === 'object' ? 'deno' : typeof Bun === 'object' ? 'bun' : 'node')));
