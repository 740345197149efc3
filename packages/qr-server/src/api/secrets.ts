/**
 * Requests whose payload holds a secret (qr-core's hasSecret: a Wi-Fi password). Nothing of
 * them reaches a log line: the request line never has the query or the body (http/server.ts),
 * and the one line that carries text of an error, the stack of an unexpected failure (a 500),
 * gets the error from here without its message, which could quote the request's fields.
 */

const WITHHELD = 'the message is withheld: the request holds a secret';

/**
 * `error` with its message withheld and its stack's frames kept, for an unexpected failure (not
 * an HttpError or QrError, whose messages go to the client alone and are never logged) while
 * answering a request that holds a secret.
 */
export function withheld(error: unknown): Error {
  const name = error instanceof Error ? error.name : typeof error;
  const replacement = new Error(`${name} (${WITHHELD})`);
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)) : [];
  replacement.stack = [`Error: ${replacement.message}`, ...frames].join('\n');
  return replacement;
}
