/**
 * Whether this app and the server speak the same protocol (`GET /api/version`). Only a definite
 * answer that differs is a mismatch: an unreachable server is the replication's business (it says
 * offline and retries), and a server without the endpoint is treated as compatible.
 */
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import type { Server } from './server.ts';

export type ProtocolVerdict = 'compatible' | 'mismatch' | 'unknown';

export function compareProtocol(
  serverVersion: number,
  appVersion: number = PROTOCOL_VERSION,
): ProtocolVerdict {
  return serverVersion === appVersion ? 'compatible' : 'mismatch';
}

export async function protocolVerdict(
  server: Pick<Server, 'protocolVersion'>,
  appVersion: number = PROTOCOL_VERSION,
): Promise<ProtocolVerdict> {
  let serverVersion: number;
  try {
    serverVersion = await server.protocolVersion();
  } catch {
    return 'unknown';
  }
  return compareProtocol(serverVersion, appVersion);
}
