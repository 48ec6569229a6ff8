import type { Context } from 'hono';

/**
 * The address rate limits count by: the TCP peer as @hono/node-server exposes it. Headers such as
 * X-Forwarded-For are ignored on purpose: anyone can send them. (Behind a reverse proxy every
 * client shares the proxy's address; trusting the proxy's header is a deployment setting not
 * offered yet.) `app.request()` in tests has no socket: all its requests share one address.
 */
export function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
