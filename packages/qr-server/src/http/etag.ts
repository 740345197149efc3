/** Conditional requests on entity tags (RFC 9110 §13.1.2), for every server's GET answers. */

/**
 * Whether If-None-Match names `etag`: the weak comparison, so W/ prefixes are ignored, and `*`
 * matches any current representation. A match answers 304 (RFC 9110 §15.4.5).
 */
export function ifNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
