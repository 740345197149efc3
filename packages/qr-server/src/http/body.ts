/**
 * Reads a request body with its size limit enforced as it arrives: a Content-Length over the
 * limit is refused before a byte of the body is read, and a body without one (chunked) is
 * refused as soon as the bytes received pass the limit. Nothing past the limit is kept.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './problem.js';

/**
 * `sendContinue` writes the interim 100 (Continue) answer; it is called, when the client sent
 * `Expect: 100-continue`, once the declared length is known to fit (RFC 9110 §10.1.1), so a
 * client refused for its length never uploads the body.
 */
export function readBody(request: IncomingMessage, limitBytes: number, sendContinue: () => void): Promise<Buffer> {
  // Node's parser has already rejected a Content-Length that is not a decimal number.
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > limitBytes) {
    return Promise.reject(tooLarge(`${declared} bytes`, limitBytes));
  }
  if (/^100-continue$/i.test(request.headers.expect ?? '')) sendContinue();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limitBytes) {
        // The stream keeps flowing with no listener, so the rest is read and dropped
        // (not left in the socket) until the 413 has been sent and the connection closes.
        stop();
        chunks.length = 0;
        reject(tooLarge(`more than ${limitBytes} bytes`, limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks, received));
    };
    // An error (Node reports a reset as 'aborted') or a 'close' before 'end': the client went
    // away mid-body, and what arrived is not the request it meant to send.
    const onBroken = (error?: Error): void => {
      stop();
      reject(new HttpError('BAD_REQUEST', `the connection ${error ? `failed (${error.message})` : 'closed'} before the whole body arrived`));
    };
    function stop(): void {
      request.off('data', onData).off('end', onEnd).off('error', onBroken).off('close', onBroken);
    }
    request.on('data', onData).on('end', onEnd).on('error', onBroken).on('close', onBroken);
  });
}

function tooLarge(size: string, limitBytes: number): HttpError {
  return new HttpError(
    'BODY_TOO_LARGE',
    `the body is ${size}; this server accepts at most ${limitBytes} bytes (MAX_BODY_BYTES): send less, such as a smaller logo, ` +
      'or the logo as a file part of a multipart/form-data body, which does not grow it by a third as base64 does',
  );
}
