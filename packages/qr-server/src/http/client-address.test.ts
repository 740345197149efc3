import { strict as assert } from 'node:assert';
import { after, before, describe, test } from 'node:test';
import { call } from '../test-support/http-client.js';
import { clientAddress } from './client-address.js';
import { parseServerConfig } from './config.js';
import { createLogger } from './log.js';
import { createRouter, HEALTH_ROUTE } from './routes.js';
import { createHttpServer, type HttpServer } from './server.js';

// On AWS: the viewer 198.51.100.9 → a CloudFront edge 130.176.1.2 → the load balancer 10.0.1.5,
// each appending the address it heard from (RFC 7239 §5.2's `for`, in X-Forwarded-For's form).
const BEHIND_CDN = { peer: '10.0.1.5', header: '198.51.100.9, 130.176.1.2' };

test('no trusted hop: the socket peer, whatever X-Forwarded-For says', () => {
  assert.equal(clientAddress('127.0.0.1', '203.0.113.1', 0), '127.0.0.1');
  assert.equal(clientAddress('::1', undefined, 0), '::1');
});

test('behind CloudFront and the load balancer (2 hops): the viewer CloudFront saw', () => {
  assert.equal(clientAddress(BEHIND_CDN.peer, BEHIND_CDN.header, 2), '198.51.100.9');
});

test('behind the load balancer alone (1 hop): the address that connected to it', () => {
  assert.equal(clientAddress('10.0.1.5', '198.51.100.9', 1), '198.51.100.9');
  assert.equal(clientAddress(BEHIND_CDN.peer, BEHIND_CDN.header, 1), '130.176.1.2');
});

test("entries a client wrote itself, left of the proxies' own, are never taken", () => {
  // The viewer sent "X-Forwarded-For: 1.2.3.4"; CloudFront and the ALB appended after it.
  assert.equal(clientAddress(BEHIND_CDN.peer, `1.2.3.4, ${BEHIND_CDN.header}`, 2), '198.51.100.9');
  assert.equal(clientAddress(BEHIND_CDN.peer, `unknown, 1.2.3.4, ${BEHIND_CDN.header}`, 2), '198.51.100.9');
});

test('fewer entries than hops: the farthest one a trusted proxy wrote', () => {
  assert.equal(clientAddress('10.0.1.5', '198.51.100.9', 2), '198.51.100.9');
  assert.equal(clientAddress('10.0.1.5', undefined, 2), '10.0.1.5');
});

test('a malformed entry inside the trusted span stops the walk at the last good address', () => {
  assert.equal(clientAddress('10.0.1.5', 'not-an-address, 130.176.1.2', 2), '130.176.1.2');
  assert.equal(clientAddress('10.0.1.5', '', 2), '10.0.1.5');
  assert.equal(clientAddress('10.0.1.5', '2001:db8::7, 130.176.1.2', 2), '2001:db8::7');
});

describe('the request log line over a socket', () => {
  const servers: HttpServer[] = [];
  const lines: Record<string, unknown>[] = [];
  const ports: Record<string, number> = {};

  before(async () => {
    for (const hops of ['0', '2']) {
      const config = parseServerConfig({ PORT: '0', HOST: '127.0.0.1', TRUST_PROXY_HOPS: hops }, 0);
      const logger = createLogger('info', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
      const server = createHttpServer({ config, logger, router: createRouter([HEALTH_ROUTE], { notFound: () => 'nothing here' }), maxBodyBytes: 0, headers: {} });
      servers.push(server);
      ports[hops] = (await server.listen()).port;
    }
  });

  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  /** The log line of one request, found by its X-Request-Id once the answer has closed. */
  async function clientLogged(port: number, requestId: string, forwardedFor?: string): Promise<unknown> {
    await call(port, 'GET', '/healthz', { headers: { 'x-request-id': requestId, ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) } });
    for (let tries = 0; tries < 50 && !lines.some((line) => line['requestId'] === requestId); tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    return lines.find((line) => line['requestId'] === requestId)?.['client'];
  }

  test('TRUST_PROXY_HOPS=0 (local): the peer is logged, X-Forwarded-For ignored', async () => {
    assert.equal(await clientLogged(ports['0'] ?? 0, 'hops-0', '203.0.113.1'), '127.0.0.1');
  });

  test('TRUST_PROXY_HOPS=2 (AWS): the viewer is logged, not what the viewer claimed', async () => {
    assert.equal(await clientLogged(ports['2'] ?? 0, 'hops-2', `1.2.3.4, ${BEHIND_CDN.header}`), '198.51.100.9');
  });

  test('TRUST_PROXY_HOPS=2 and a repeated header: Node joins the lines in order, and the walk reads across them', async () => {
    // Two X-Forwarded-For lines are one list (RFC 9110 §5.3); the raw headers keep both.
    const requestId = 'hops-2-repeated';
    await call(ports['2'] ?? 0, 'GET', '/healthz', { headers: { 'x-request-id': requestId, 'x-forwarded-for': ['1.2.3.4, 198.51.100.9', '130.176.1.2'] } });
    for (let tries = 0; tries < 50 && !lines.some((line) => line['requestId'] === requestId); tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(lines.find((line) => line['requestId'] === requestId)?.['client'], '198.51.100.9');
  });
});
