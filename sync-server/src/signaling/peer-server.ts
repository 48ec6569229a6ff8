/**
 * PeerServer (the `peer` package) on the app's own HTTP server, under `/peerjs` (docs/architecture.md §10.1).
 *
 * PeerServer has no authentication: every WebSocket upgrade is checked in `verifyClient` against a
 * call token (call-tokens.ts) bound to the peer id it asks for, and refused with 401 before PeerServer
 * sees it: a token is good for one upgrade only, and only while the session that asked for it is
 * live. A second socket for an id that already has one is refused with 409 (PeerServer would hand
 * the id to whoever brings the same token, silently cutting off the first), and when an account's
 * sessions change (logout, sign-out, keyring change, deletion) its sockets whose session ended are
 * told and closed. Only the WebSocket is reachable: PeerServer's HTTP routes (`/peerjs/:key/id`, `/peers`,
 * with CORS `*`) are never routed to (node-server.ts sends all HTTP to Hono), since clients always
 * bring the id their token names.
 *
 * Bounds (a signed-in account could otherwise fill memory): messages of at most MAX_PAYLOAD_BYTES,
 * at most SOCKETS_PER_ACCOUNT open sockets per account (a host's room plus a few tabs), released on
 * close; each socket may send MESSAGES_PER_SECOND (with a burst), past which it is closed (1008).
 * PeerServer queues every message for an id that is not connected, in memory, for seconds: here such
 * a message is dropped before PeerServer sees it (an OFFER is answered with EXPIRE, which PeerJS
 * reports as "peer unavailable", as PeerServer would after its queue expired), and a message for a
 * peer that is not reading (its socket's send buffer over MAX_BUFFERED_BYTES) is dropped too.
 *
 * PeerServer keeps its peers in memory, per instance. With several instances (PostgreSQL), a relay
 * (postgres-relay.ts) claims each peer id for its instance (a second socket for an id held on another
 * instance is refused with 409 too), carries messages for a peer held elsewhere to that instance,
 * which hands them to the socket as PeerServer would, and tells the other instances when an
 * account's sessions change. A guest's upgrade names only its own id, so no load balancer could
 * route it to the room's instance: the relay is what makes a call across instances connect.
 */
import type { IncomingMessage, Server } from 'node:http';
import { createRequire } from 'node:module';
import { PEERJS_KEY, PEERJS_PATH } from '../../../shared/protocol/calls.ts';
import type { CallTokens, VerifiedCallToken } from './call-tokens.ts';
import { type NodeWebSocket, NodeWebSocketServer } from './node-ws.ts';
import type { Claim, RelayedMessage, SignalingRelay } from './postgres-relay.ts';

// Through `require`: see node-ws.ts for why (vitest's `browser` condition). PeerServer's own `ws`
// import is unused: we always hand it our WebSocketServer.
const require = createRequire(import.meta.url);
const { ExpressPeerServer } = require('peer') as typeof import('peer');
const express = require('express') as typeof import('express');

/** A registered peer that stops answering is dropped after this long (PeerServer's heartbeat check). */
const ALIVE_TIMEOUT_MS = 60_000;
const MAX_PEERS = 5_000;
/** Signaling messages are small SDP (a few KiB) and ICE candidates; 16 KiB is far above any. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;
export const SOCKETS_PER_ACCOUNT = 4;
/** Per socket, sustained; a connection's trickled ICE candidates come in a burst of a few dozen. */
export const MESSAGES_PER_SECOND = 20;
export const MESSAGE_BURST = 60;
/** Unsent data a destination socket may hold before messages to it are dropped. */
export const MAX_BUFFERED_BYTES = 256 * 1024;
/** Close code for a socket over its message rate (policy violation). */
export const RATE_LIMITED_CLOSE = 1008;

export interface Signaling {
  /** Ends every signaling WebSocket (shutdown). */
  close(): void;
}

/** Whether a session (by token hash) is still live: the store's `findSession`. */
export type SessionLive = (sessionHash: string) => Promise<boolean>;

/** Close code and message a socket gets when its session ended elsewhere (logout, sign-out…). */
export const SESSION_ENDED_CLOSE = 4001;

interface Upgrade {
  readonly peerId: string;
  readonly token: VerifiedCallToken;
}

/** The peer id and verified token of an upgrade request; null when either is missing or invalid. */
export function upgradeToken(req: IncomingMessage, tokens: CallTokens): Upgrade | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const peerId = url.searchParams.get('id');
  const token = url.searchParams.get('token');
  if (peerId === null || token === null) return null;
  const verified = tokens.verify(peerId, token);
  return verified ? { peerId, token: verified } : null;
}

/** What PeerServer relays from peer to peer; the rest (heartbeats) it handles itself. */
const RELAYED_TYPES = new Set(['OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE', 'EXPIRE']);

export function attachSignaling(
  server: Server,
  tokens: CallTokens,
  sessionLive: SessionLive,
  relay?: SignalingRelay,
): Signaling {
  let wss: InstanceType<typeof NodeWebSocketServer> | undefined;
  // Counted when the upgrade is accepted (so simultaneous upgrades cannot all slip past), released
  // when its TCP socket closes (also when the handshake dies after the check).
  const open = new Map<string, number>();
  /** Peer ids with a socket (or an accepted upgrade) right now. */
  const liveIds = new Set<string>();
  /** Each open socket's account and session, to close those whose session ended. */
  const sockets = new Map<NodeWebSocket, { accountId: string; sessionHash: string }>();
  /** The open socket of each peer id, to know where a message would go before PeerServer queues it. */
  const peers = new Map<string, NodeWebSocket>();
  const upgrades = new WeakMap<IncomingMessage, Upgrade>();
  const release = (account: string) => {
    const left = (open.get(account) ?? 1) - 1;
    if (left > 0) open.set(account, left);
    else open.delete(account);
  };
  const closeEnded = (accountId: string): void => {
    for (const [socket, owner] of sockets) {
      if (owner.accountId !== accountId) continue;
      void sessionLive(owner.sessionHash).then((live) => {
        if (live) return;
        // PeerJS shows an ERROR message as a server error; the close code says why to other clients.
        socket.send(JSON.stringify({ type: 'ERROR', payload: { msg: 'session-ended' } }));
        socket.close(SESSION_ENDED_CLOSE, 'session-ended');
      });
    }
  };
  const stopListening = tokens.onAccountChanged((accountId) => {
    closeEnded(accountId);
    relay?.announceAccountChanged(accountId);
  });
  relay?.onAccountChanged(closeEnded);
  // From another instance: handed to the socket as PeerServer's own relay would.
  relay?.onMessage((message) => {
    const destination = peers.get(message.dst);
    if (!destination) {
      if (message.type === 'OFFER') {
        void relay.send({ type: 'EXPIRE', src: message.dst, dst: message.src }).catch(() => {});
      }
      return;
    }
    if (destination.bufferedAmount > MAX_BUFFERED_BYTES) return;
    const { type, src, dst, payload } = message;
    destination.send(JSON.stringify({ type, src, dst, payload }));
  });
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
          const upgrade = upgradeToken(info.req, tokens);
          if (upgrade === null) return done(false, 401);
          const { peerId, token } = upgrade;
          const account = token.accountId;
          // The id is taken: its owner's earlier socket is still there (a reconnect retries once
          // the server has noticed the old one is gone). The token is not used up by this refusal.
          if (liveIds.has(peerId)) return done(false, 409);
          const count = open.get(account) ?? 0;
          if (count >= SOCKETS_PER_ACCOUNT) return done(false, 429);
          // Used up before the asynchronous session check, so two upgrades racing with one token
          // cannot both pass.
          if (!tokens.consume(token)) return done(false, 401);
          open.set(account, count + 1);
          liveIds.add(peerId);
          let claim: Claim | null = null;
          let gone = false;
          info.req.socket.once('close', () => {
            gone = true;
            release(account);
            liveIds.delete(peerId);
            claim?.release();
          });
          const admit = async (): Promise<number> => {
            if (!(await sessionLive(token.sessionHash))) return 401;
            if (relay) {
              if (!(await relay.consumeToken(token.tag, token.expiresAt))) return 401; // used elsewhere
              claim = await relay.claim(peerId);
              if (claim === null) return 409; // held by a socket on another instance
              if (gone) claim.release();
            }
            return 0;
          };
          admit().then(
            (refused) => {
              if (refused) return done(false, refused);
              upgrades.set(info.req, upgrade);
              done(true);
            },
            () => done(false, 503),
          );
        },
      });
      // Registered before PeerServer's own listener (it subscribes after this function returns), so
      // the message filter is in place before PeerServer reads anything from the socket.
      created.on('connection', (socket, req) => {
        const upgrade = upgrades.get(req);
        if (!upgrade) return;
        sockets.set(socket, { accountId: upgrade.token.accountId, sessionHash: upgrade.token.sessionHash });
        peers.set(upgrade.peerId, socket);
        socket.once('close', () => {
          sockets.delete(socket);
          if (peers.get(upgrade.peerId) === socket) peers.delete(upgrade.peerId);
        });
        filterMessages(socket, upgrade.peerId, peers, relay);
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
      stopListening();
      for (const client of wss?.clients ?? []) client.terminate();
      wss?.close();
    },
  };
}

/** What PeerServer would relay, and to whom: null for what it handles itself (heartbeats, junk). */
function destinationOf(data: unknown): { dst: string; type: unknown; payload: unknown } | null {
  try {
    const message = JSON.parse(String(data)) as { dst?: unknown; type?: unknown; payload?: unknown };
    return typeof message.dst === 'string' && message.dst !== ''
      ? { dst: message.dst, type: message.type, payload: message.payload }
      : null;
  } catch {
    return null;
  }
}

/**
 * Sits between a socket and PeerServer's 'message' listener: a token bucket per socket (over it,
 * the socket is closed), and no message for a peer that is not connected or not reading.
 */
function filterMessages(
  socket: NodeWebSocket,
  self: string,
  peers: ReadonlyMap<string, NodeWebSocket>,
  relay?: SignalingRelay,
): void {
  // This socket's messages to peers on other instances, one after the other, so they keep their order.
  let relayed: Promise<void> = Promise.resolve();
  const viaRelay = (relay: SignalingRelay, message: RelayedMessage): void => {
    // A failed send (database unreachable) drops that message only, as a lost packet would be.
    relayed = relayed
      .then(async () => {
        const sent = await relay.send(message);
        if (!sent && message.type === 'OFFER')
          socket.send(JSON.stringify({ type: 'EXPIRE', src: message.dst, dst: self }));
      })
      .catch(() => {});
  };
  let tokens = MESSAGE_BURST;
  let at = Date.now();
  const emit = socket.emit.bind(socket);
  socket.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    if (event !== 'message') return emit(event, ...args);
    const now = Date.now();
    tokens = Math.min(MESSAGE_BURST, tokens + ((now - at) * MESSAGES_PER_SECOND) / 1000);
    at = now;
    if (tokens < 1) {
      socket.close(RATE_LIMITED_CLOSE, 'rate-limited');
      return false;
    }
    tokens -= 1;
    const target = destinationOf(args[0]);
    if (target === null) return emit(event, ...args);
    const destination = peers.get(target.dst);
    if (!destination && relay) {
      if (typeof target.type === 'string' && RELAYED_TYPES.has(target.type)) {
        viaRelay(relay, { type: target.type, src: self, dst: target.dst, payload: target.payload });
      }
      return false;
    }
    if (!destination) {
      if (target.type === 'OFFER')
        socket.send(JSON.stringify({ type: 'EXPIRE', src: target.dst, dst: self }));
      return false;
    }
    if (destination.bufferedAmount > MAX_BUFFERED_BYTES) return false;
    return emit(event, ...args);
  }) as typeof socket.emit;
}
