/**
 * The asset a request path names, refused when it could name something outside the public
 * folder. The server serves from an in-memory table, so a bad path could at worst miss; it is
 * refused anyway, so that the answer is a clear 400 and not a confusing 404.
 */
import { HttpError } from '../http/problem.js';

/** Decodes a request's path (as http/target.ts splits it off the query) for the asset table. */
export function assetPath(encoded: string): string {
  if (!encoded.startsWith('/')) refuse('the request target must be a path that starts with "/"');
  // An encoded separator would let one segment act as two once decoded.
  if (/%2f|%5c/i.test(encoded)) refuse('encoded "/" or "\\" in a path is not accepted');
  let path: string;
  try {
    path = decodeURIComponent(encoded);
  } catch {
    refuse('the path has a malformed percent-encoding');
  }
  if (path.includes('\0')) refuse('NUL bytes in a path are not accepted');
  if (path.includes('\\')) refuse('"\\" in a path is not accepted');
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) refuse('"." and ".." path segments are not accepted');
  return path;
}

function refuse(detail: string): never {
  throw new HttpError('BAD_REQUEST', `${detail}; ask for a file by its path, such as /qr-code.js`);
}
