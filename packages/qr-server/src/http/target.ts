/** The request target, as a server routes it (RFC 9112 §3.2). */

/**
 * Splits a request target into path and query, both still percent-encoded. The absolute form
 * ("GET http://host/path") comes through proxies and must be accepted (RFC 9112 §3.2.2).
 */
export function splitTarget(target: string): { path: string; rawQuery: string } {
  let relative = target;
  if (!target.startsWith('/')) {
    try {
      const url = new URL(target);
      relative = url.pathname + url.search;
    } catch {
      relative = target;
    }
  }
  const question = relative.indexOf('?');
  return question < 0 ? { path: relative, rawQuery: '' } : { path: relative.slice(0, question), rawQuery: relative.slice(question + 1) };
}
