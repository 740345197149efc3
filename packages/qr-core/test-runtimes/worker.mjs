// @ts-check
// workerd: a module worker, as Cloudflare Workers deploy it, answering any request with the results.
import * as qr from '../dist/index.js';
import { run } from './cases.mjs';

export default {
  async fetch() {
    return Response.json(await run(qr, 'workerd'));
  },
};
