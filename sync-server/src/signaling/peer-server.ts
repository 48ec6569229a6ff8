/**
 * PeerServer (the `peer` package) on the app's own HTTP server, under `/peerjs` (docs/architecture.md §10.1).
 *
 * PeerServer has no authentication: every WebSocket upgrade is checked in `verifyClient` against a
 * call token (call-tokens.ts) bound to the peer id it asks for, and refused with 401 before PeerServer
 * sees it. Only the WebSocket is reachable: PeerServer's HTTP routes (`/peerjs/:key/id`, `/peers`,
 * with CORS `*`) are never routed to (node-server.ts sends all HTTP to Hono), since clients always
 * bring the id their token names.
 *
 * Bounds (a signed-in account could otherwise fill memory): messages of at most MAX_PAYLOAD_BYTES,
 * at most SOCKETS_PER_ACCOUNT open sockets per account (a host's room plus a few tabs), released on close.
 *
 * PeerServer keeps its peers in memory: run exactly one signaling instance (a guest's upgrade names
 * only its own id, so no load balancer can route it to the room's instance).
 */
import type { IncomingMessage, Server } from 'node:http';
import { createRequire } from 'node:module';
import { PEERJS_KEY, PEERJS_PATH } from '../../../shared/protocol/calls.ts';
import type { CallTokens } from './call-tokens.ts';
import { NodeWebSocketServer } from './node-ws.ts';

// Through `require`: see node-ws.ts for why (vitest's `browser` condition). PeerServer's own `ws`
// import is unused: we always hand it our WebSocketServer.
const require = createRequire(import.meta.url);
const { ExpressPeerServer } = require('peer') as typeof import('peer');
const express = require('express') as typeof import('express');

/** A registered peer that stops answering is dropped after this long (PeerServer's heartbeat check). */
const ALIVE_TIMEOUT_MS = 60_000;
const MAX_PEERS = 5_000;
/** Signaling messages are small SDP and ICE candidates; 64 KiB is far above any. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
export const SOCKETS_PER_ACCOUNT = 4;

export interface Signaling {
  /** Ends every signaling WebSocket (shutdown). */
  close(): void;
}

/** The account of an upgrade request that carries `id` and a valid `token` for it; else null. */
export function upgradeAccount(req: IncomingMessage, tokens: CallTokens): string | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const id = url.searchParams.get('id');
  const token = url.searchParams.get('token');
  return id !== null && token !== null ? tokens.verify(id, token) : null;
}

export function attachSignaling(server: Server, tokens: CallTokens): Signaling {
  let wss: InstanceType<typeof NodeWebSocketServer> | undefined;
  // Counted when the upgrade is accepted (so simultaneous upgrades cannot all slip past), released
  // when its TCP socket closes (also when the handshake dies after the check).
  const open = new Map<string, number>();
  const release = (account: string) => {
    const left = (open.get(account) ?? 1) - 1;
    if (left > 0) open.set(account, left);
    else open.delete(account);
  };
  const peerApp = ExpressPeerServer(server, {
    path: '/',
    key: PEERJS_KEY,
    allow_discovery: false,
    alive_timeout: ALIVE_TIMEOUT_MS,
    concurrent_limit: MAX_PEERS,
    createWebSocketServer: (options) => {
      const created = new NodeWebSocketServer({
        ...options,
        maxPayload: MAX_PAYLOAD_BYTES,
        verifyClient: (info, done) => {
          const account = upgradeAccount(info.req, tokens);
          if (account === null) return done(false, 401);
          const count = open.get(account) ?? 0;
          if (count >= SOCKETS_PER_ACCOUNT) return done(false, 429);
          open.set(account, count + 1);
          info.req.socket.once('close', () => release(account));
          done(true);
        },
      });
      wss = created;
      return created;
    },
  });
  // PeerServer starts when mounted in a parent express app (it reads its mount path then).
  express().use(PEERJS_PATH, peerApp);
  // A peer's errors (a socket reset mid-message) must not become an unhandled 'error' event.
  peerApp.on('error', () => {});
  return {
    close() {
      for (const client of wss?.clients ?? []) client.terminate();
      wss?.close();
    },
  };
}
