/**
 * The address of the client a request came from, for the log line, when the servers run behind
 * proxies (on AWS: CloudFront, then the load balancer).
 *
 * Each proxy appends to X-Forwarded-For the address it received the request from — the de facto
 * header that RFC 7239 standardised as `Forwarded: for=` (§5.2). Neither CloudFront nor an
 * Application Load Balancer writes `Forwarded`, so this reads X-Forwarded-For. Only the entries
 * the proxies we run appended can be believed: everything to their left came from the client,
 * which may send the header with anything in it (RFC 7239 §8.1). So the address is counted from
 * the right, across the configured number of trusted hops (TRUST_PROXY_HOPS), never from the
 * left: with the socket's peer as hop 0, the client is the entry `hops` places to its left.
 */
import { isIP } from 'node:net';

/**
 * `peer` is the socket's remote address; `forwardedFor` the X-Forwarded-For header (Node joins
 * repeated ones with ", ", in order); `hops` the number of proxies in front of this server.
 * Walking left from the peer, each trusted proxy vouches for the entry it appended; the walk
 * stops early at the list's start or at an entry that is not an IP address (a proxy that was
 * not there, or a malformed header), so the answer is always an address a trusted party gave.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | readonly string[] | undefined, hops: number): string {
  let address = peer ?? '';
  if (hops === 0 || forwardedFor === undefined) return address;
  // Node hands X-Forwarded-For over as one string; its header type also allows a list of lines,
  // which are one comma-separated list all the same (RFC 9110 §5.3).
  const entries = [forwardedFor].flat().join(',').split(',').map((entry) => entry.trim());
  for (let hop = 1; hop <= hops && hop <= entries.length; hop += 1) {
    const entry = entries[entries.length - hop] ?? '';
    if (isIP(entry) === 0) break;
    address = entry;
  }
  return address;
}
