// @ts-check
/**
 * A loopback port nothing listens on right now: the kernel's pick for port 0, released at once.
 * For tests that must name a port before a process binds it (a server started as a child, a
 * URL where nothing answers); a server under test in this process listens on port 0 instead.
 */
import { once } from 'node:events';
import { createServer } from 'node:net';

/** @returns {Promise<number>} */
export async function freePort() {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP address for the probe socket');
  return address.port;
}
