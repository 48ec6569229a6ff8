import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, invalidProxyEntry } from './client-ip.ts';

/** What the server would count a request by: the TCP peer `peer`, with this X-Forwarded-For. */
async function seenAs(trusted: readonly string[], peer: string, forwarded?: string): Promise<string> {
  const address = clientAddress(trusted);
  const app = new Hono().get('/', (c) => c.text(address(c)));
  const headers: Record<string, string> = forwarded === undefined ? {} : { 'X-Forwarded-For': forwarded };
  const res = await app.request('/', { headers }, { incoming: { socket: { remoteAddress: peer } } });
  return res.text();
}

describe('client address', () => {
  it('ignores X-Forwarded-For when no proxy is trusted, or from a peer that is not trusted', async () => {
    expect(await seenAs([], '10.0.0.1', '203.0.113.9')).toBe('10.0.0.1');
    expect(await seenAs(['10.0.0.1'], '198.51.100.4', '203.0.113.9')).toBe('198.51.100.4');
  });

  it('takes the rightmost hop that is not a trusted proxy, never a forged one to its left', async () => {
    expect(await seenAs(['10.0.0.1'], '10.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    // The client wrote "1.2.3.4" itself; the proxy appended the address it saw.
    expect(await seenAs(['10.0.0.1'], '10.0.0.1', '1.2.3.4, 203.0.113.9')).toBe('203.0.113.9');
    // Two proxies in a chain (a CDN, then nginx), both trusted by CIDR.
    expect(await seenAs(['10.0.0.0/8', '192.0.2.0/24'], '10.0.0.1', '1.2.3.4, 203.0.113.9, 192.0.2.7')).toBe(
      '203.0.113.9',
    );
    expect(await seenAs(['::1', 'fd00::/8'], '::1', '2001:db8::5, fd00::2')).toBe('2001:db8::5');
    // IPv4 peers on a dual-stack socket arrive IPv4-mapped.
    expect(await seenAs(['127.0.0.1'], '::ffff:127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
  });

  it('falls back to what the last trusted proxy saw when a hop is not an address', async () => {
    expect(await seenAs(['10.0.0.1'], '10.0.0.1', 'garbage')).toBe('10.0.0.1');
    expect(await seenAs(['10.0.0.0/8'], '10.0.0.1', '203.0.113.9, nonsense, 10.0.0.2')).toBe('10.0.0.2');
    expect(await seenAs(['10.0.0.1'], '10.0.0.1')).toBe('10.0.0.1');
  });

  it('validates the list', () => {
    expect(invalidProxyEntry(['10.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'])).toBeUndefined();
    expect(invalidProxyEntry(['10.0.0.0/33'])).toBe('10.0.0.0/33');
    expect(invalidProxyEntry(['proxy.example'])).toBe('proxy.example');
    expect(invalidProxyEntry(['10.0.0.0/8/1'])).toBe('10.0.0.0/8/1');
  });
});
