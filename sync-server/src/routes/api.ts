import { Hono } from 'hono';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import { accountRoutes } from './account.ts';
import { appointmentRoutes } from './appointments.ts';
import { authRoutes } from './auth.ts';
import { callRoutes } from './calls.ts';
import type { ApiDeps } from './deps.ts';
import { directoryRoutes } from './directory.ts';
import { emergencyRoutes } from './emergency.ts';
import { opinionRoutes } from './opinions.ts';
import { practitionerRoutes } from './practitioners.ts';
import { pushRoutes } from './push.ts';
import { shareRoutes } from './shares.ts';
import { syncRoutes } from './sync.ts';
import { threadRoutes } from './threads.ts';

/**
 * The JSON API, mounted at `/api`. Without a store (tests of the HTTP shell) only the version is
 * served; with one, accounts, sessions and replication too. Mounted conditionally, so its type
 * carries no routes: clients take their types from the endpoint table in shared/protocol/api.ts,
 * which routes/api-table.test.ts checks against these routes.
 */
export function apiRoutes(deps?: ApiDeps) {
  const api = new Hono().get('/version', (c) => c.json({ protocolVersion: PROTOCOL_VERSION }));
  if (deps) {
    api.route('/auth', authRoutes(deps));
    api.route('/account', accountRoutes(deps));
    api.route('/sync', syncRoutes(deps));
    api.route('/emergency', emergencyRoutes(deps));
    api.route('/calls', callRoutes(deps));
    api.route('/shares', shareRoutes(deps));
    api.route('/practitioners', practitionerRoutes(deps));
    api.route('/threads', threadRoutes(deps));
    api.route('/directory', directoryRoutes(deps));
    api.route('/push', pushRoutes(deps));
    api.route('/appointments', appointmentRoutes(deps));
    api.route('/opinions', opinionRoutes(deps));
  }
  return api;
}
