/**
 * A sharing failure found on this device, not by the server (server failures are `ServerError`s):
 * sync is off, the link is incomplete, the content fails its check, no practitioner profile yet.
 */

import type { Server } from '../server/server.ts';

export type ShareProblemReason =
  | 'sync-off'
  | 'not-found'
  | 'not-practitioner'
  | 'bad-link'
  | 'tampered'
  | 'failed';

export class ShareProblem extends Error {
  override readonly name = 'ShareProblem';
  constructor(
    readonly reason: ShareProblemReason,
    message: string = reason,
  ) {
    super(message);
  }
}

/** The signed-in server, or a `sync-off` problem: shared access needs the sync account. */
export function requireServer(source: { server(): Server | null }): Server {
  const server = source.server();
  if (!server) throw new ShareProblem('sync-off');
  return server;
}
