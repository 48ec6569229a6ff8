/**
 * The one Node HTTP server: Hono answers every HTTP request; PeerServer's WebSocket listens for
 * upgrades under `/peerjs` on the same port. main.ts and the tests build it the same way.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { CallTokens } from './call-tokens.ts';
import { attachSignaling, type SessionLive } from './peer-server.ts';
import type { SignalingRelay } from './postgres-relay.ts';

export interface NodeServer {
  readonly server: Server;
  /** Resolves with the bound port once listening. */
  listen(port: number, host: string): Promise<number>;
  /** Ends signaling sockets, then closes the server (requests under way may finish). */
  close(): Promise<void>;
}

/** Signaling needs the call tokens (the app's own instance) and the store's view of sessions. */
export interface SignalingOptions {
  readonly callTokens: CallTokens;
  readonly sessionLive: SessionLive;
  /** Several instances on one PostgreSQL: signaling between them (postgres-relay.ts). */
  readonly relay?: SignalingRelay;
}

export function createNodeServer(
  fetch: (request: Request) => Response | Promise<Response>,
  signalingOptions?: SignalingOptions,
): NodeServer {
  const server = createServer(getRequestListener(fetch));
  const signaling = signalingOptions
    ? attachSignaling(
        server,
        signalingOptions.callTokens,
        signalingOptions.sessionLive,
        signalingOptions.relay,
      )
    : undefined;
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: () =>
      new Promise((resolve) => {
        signaling?.close();
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
