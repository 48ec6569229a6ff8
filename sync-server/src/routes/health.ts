import { Hono } from 'hono';

/** Liveness probe for load balancers and the e2e harness: answers as soon as the process serves HTTP. */
export function healthRoutes(version: string) {
  return new Hono().get('/healthz', (c) => c.json({ ok: true as const, version }));
}
