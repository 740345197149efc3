/** Assertions the payload tests share (not part of the build: tsconfig.build.json leaves this folder out). */
import { strict as assert } from 'node:assert';
import { QrError } from '../../errors.js';

/** Runs `run`, which must throw QrError INVALID_PAYLOAD with exactly `message` (or matching it) and `field`. */
export function throwsPayload(run: () => unknown, message: string | RegExp, field: string | undefined): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof QrError, `a QrError, got ${String(error)}`);
    assert.equal(error.code, 'INVALID_PAYLOAD');
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    assert.equal(error.field, field, `field of: ${error.message}`);
    return true;
  });
}
