/**
 * The path part of a request target, refused when it could name something outside the public
 * folder. The server serves from an in-memory table, so a bad path could at worst miss; it is
 * refused anyway, so that the answer is a clear 400 and not a confusing 404.
 */

export type RequestPath = { ok: true; path: string } | { ok: false; detail: string };

export function requestPath(target: string): RequestPath {
  let raw = target;
  // RFC 9112 §3.2.2: a server must accept the absolute form ("GET http://host/path").
  if (/^https?:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      raw = url.pathname + url.search;
    } catch {
      return refuse('the request target is not a valid URL');
    }
  }
  const end = raw.search(/[?#]/);
  const encoded = end === -1 ? raw : raw.slice(0, end);
  if (!encoded.startsWith('/')) return refuse('the request target must be a path that starts with "/"');
  // An encoded separator would let one segment act as two once decoded.
  if (/%2f|%5c/i.test(encoded)) return refuse('encoded "/" or "\\" in a path is not accepted');
  let path: string;
  try {
    path = decodeURIComponent(encoded);
  } catch {
    return refuse('the path has a malformed percent-encoding');
  }
  if (path.includes('\0')) return refuse('NUL bytes in a path are not accepted');
  if (path.includes('\\')) return refuse('"\\" in a path is not accepted');
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) {
    return refuse('"." and ".." path segments are not accepted');
  }
  return { ok: true, path };
}

function refuse(detail: string): RequestPath {
  return { ok: false, detail };
}
