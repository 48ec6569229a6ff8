import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * The address rate limits count by.
 *
 * Without trusted proxies it is the TCP peer as @hono/node-server exposes it, and headers such as
 * X-Forwarded-For are ignored: anyone can send them. Behind a reverse proxy every client would
 * then share the proxy's address (one client's failures would lock everyone out), so
 * TRUSTED_PROXIES names the proxies whose header is believed: only when the TCP peer is one of
 * them, and then the rightmost X-Forwarded-For hop that is not itself a trusted proxy. Hops to the
 * left of it were written by the client and may be forged; hops to the right were appended by
 * proxies we trust. `app.request()` in tests has no socket: all its requests share one address.
 */
export type ClientAddress = (c: Context) => string;

export function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** One IP address or CIDR block ("10.0.0.0/8", "fd00::/8"); null when it is neither. */
function parseEntry(entry: string): { address: string; prefix?: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, extra] = entry.split('/');
  if (extra !== undefined) return null;
  const version = isIP(address);
  if (version === 0) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  if (prefixText === undefined) return { address, family };
  const prefix = Number(prefixText);
  const max = version === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || prefix > max) return null;
  return { address, prefix, family };
}

/** Checks a TRUSTED_PROXIES list; the first entry that is not an address or a CIDR block, if any. */
export function invalidProxyEntry(entries: readonly string[]): string | undefined {
  return entries.find((entry) => parseEntry(entry) === null);
}

export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const parsed = parseEntry(entry);
    if (!parsed) throw new Error('TRUSTED_PROXIES holds an entry that is not an IP address or CIDR block');
    if (parsed.prefix === undefined) list.addAddress(parsed.address, parsed.family);
    else list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const version = isIP(address);
  return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/** The client's address given the trusted proxies (an empty list: the TCP peer, always). */
export function clientAddress(trustedProxies: readonly string[]): ClientAddress {
  if (trustedProxies.length === 0) return socketAddress;
  const list = trustedProxyList(trustedProxies);
  return (c) => {
    const peer = socketAddress(c);
    if (!isTrusted(list, peer)) return peer;
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop !== '');
    // From the proxy next to us leftwards: the first hop no trusted proxy vouches for is the client.
    let address = peer;
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i] ?? '';
      // Garbage where an address should be: the last proxy we trust passed it on unchecked, so
      // that proxy's own view (the hop to its right) is the best we have.
      if (isIP(hop) === 0) return address;
      address = hop;
      if (!isTrusted(list, hop)) return hop;
    }
    return address;
  };
}
