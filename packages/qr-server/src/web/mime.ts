/** Media types by file extension, for the kinds of file the build puts in public/. */
const MEDIA_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', // RFC 9239 §6: text/javascript is the one to use
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
});

export function mediaType(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot === -1 ? undefined : MEDIA_TYPES[fileName.slice(dot).toLowerCase()]) ?? 'application/octet-stream';
}

/** Worth compressing: text formats. PNGs are compressed already. */
export function isCompressible(type: string): boolean {
  return /^text\/|^application\/(json|manifest\+json)|^image\/svg\+xml/.test(type);
}
