/**
 * PeerServer (the `peer` package) on the app's own HTTP server, under `/peerjs` (DESIGN §8).
 *
 * PeerServer has no authentication: every WebSocket upgrade is checked in `verifyClient` against a
 * call token (call-tokens.ts) bound to the peer id it asks for, and refused with 401 before PeerServer
 * sees it. Only the WebSocket is reachable: PeerServer's HTTP routes (`/peerjs/:key/id`, `/peers`,
 * with CORS `*`) are never routed to (node-server.ts sends all HTTP to Hono), since clients always
 * bring the id their token names.
 *
 * PeerServer keeps its peers in memory: run one signaling instance, or sticky sessions by room.
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

export interface Signaling {
  /** Ends every signaling WebSocket (shutdown). */
  close(): void;
}

/** Whether an upgrade request carries `id` and a valid `token` for it. */
export function upgradeAllowed(req: IncomingMessage, tokens: CallTokens): boolean {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const id = url.searchParams.get('id');
  const token = url.searchParams.get('token');
  return id !== null && token !== null && tokens.verify(id, token);
}

export function attachSignaling(server: Server, tokens: CallTokens): Signaling {
  let wss: InstanceType<typeof NodeWebSocketServer> | undefined;
  const peerApp = ExpressPeerServer(server, {
    path: '/',
    key: PEERJS_KEY,
    allow_discovery: false,
    alive_timeout: ALIVE_TIMEOUT_MS,
    concurrent_limit: MAX_PEERS,
    createWebSocketServer: (options) => {
      wss = new NodeWebSocketServer({
        ...options,
        verifyClient: (info, done) => (upgradeAllowed(info.req, tokens) ? done(true) : done(false, 401)),
      });
      return wss;
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
