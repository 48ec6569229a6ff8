import { Hono } from 'hono';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';

/** The JSON API, mounted at `/api`. Each resource will be its own sub-app routed from here. */
export function apiRoutes() {
  return new Hono().get('/version', (c) => c.json({ protocolVersion: PROTOCOL_VERSION }));
}

/** For a typed client: `hc<ApiRoutes>('/api')`. */
export type ApiRoutes = ReturnType<typeof apiRoutes>;
