import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { QrError } from 'qr-core';
import { HttpError, problemReply, toHttpError } from './problem.js';

test('a problem is RFC 9457 JSON with the status phrase as title, the detail, the code and the request id', () => {
  const reply = problemReply(new HttpError('BODY_TOO_LARGE', 'the body is 20000 bytes; …'), 'req-1');
  assert.equal(reply.status, 413);
  assert.equal(reply.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(reply.headers['cache-control'], 'no-store');
  assert.deepEqual(JSON.parse(String(reply.body)), {
    type: 'about:blank',
    title: 'Payload Too Large',
    status: 413,
    detail: 'the body is 20000 bytes; …',
    code: 'BODY_TOO_LARGE',
    requestId: 'req-1',
  });
});

test('headers an error needs travel with it', () => {
  const reply = problemReply(new HttpError('METHOD_NOT_ALLOWED', 'no', { allow: 'GET, HEAD, OPTIONS' }), 'r');
  assert.equal(reply.status, 405);
  assert.equal(reply.headers['allow'], 'GET, HEAD, OPTIONS');
});

test("qr-core's errors keep their code and message: too long is 422, the others 400", () => {
  const tooLong = toHttpError(new QrError('DATA_TOO_LONG', 'data is 3012 bytes; at ECL M a QR code holds at most 2331 bytes in byte mode'));
  assert.equal(tooLong.status, 422);
  assert.equal(tooLong.message, 'data is 3012 bytes; at ECL M a QR code holds at most 2331 bytes in byte mode');
  for (const code of ['INVALID_OPTION', 'INVALID_DATA', 'IMAGE_TOO_LARGE'] as const) {
    assert.equal(toHttpError(new QrError(code, 'x')).status, 400, code);
  }
});

test('anything else is a 500 that reveals nothing of the failure', () => {
  const error = toHttpError(new TypeError('cannot read properties of undefined (reading "secret")'));
  assert.equal(error.status, 500);
  assert.equal(error.code, 'INTERNAL');
  assert.doesNotMatch(error.message, /secret|undefined/);
});

test('an HttpError passes through unchanged', () => {
  const error = new HttpError('NOT_FOUND', 'nothing here');
  assert.equal(toHttpError(error), error);
});

test("a payload field at fault is the problem's field member (RFC 9457 §3.2), from qr-core's QrError as from an HttpError", () => {
  const fromCore = toHttpError(new QrError('INVALID_PAYLOAD', 'epc: iban DE89 … has check digits 89 but should have 62', { field: 'iban' }));
  assert.deepEqual([fromCore.status, fromCore.field], [400, 'iban']);
  const body = JSON.parse(String(problemReply(fromCore, 'r').body)) as Record<string, unknown>;
  assert.deepEqual([body['code'], body['field'], body['detail']], ['INVALID_PAYLOAD', 'iban', 'epc: iban DE89 … has check digits 89 but should have 62']);
  assert.ok(!('field' in (JSON.parse(String(problemReply(new HttpError('NOT_FOUND', 'no'), 'r').body)) as object)));
});
