/**
 * A PeerJS peer on the app's own signaling server. Call tokens are single-use and live five
 * minutes, so a fresh one is fetched before every connection: before `new Peer` and before every
 * `peer.reconnect()` (PeerJS reads `options.token` again when it reconnects).
 *
 * How the server refuses, and what this side sees of it:
 * - an upgrade refused (401 token, 409 the id still has a socket, 429 too many sockets): a browser
 *   shows only a WebSocket closed before it opened (code 1006, no status). The first connection is
 *   retried a few times with a new token (a 409 clears once the server has noticed the old socket
 *   is gone), then reported as `refused`;
 * - a socket closed by the server: 4001 its session ended (logout, sign-out elsewhere, passphrase
 *   changed), 1008 too many messages, 1009 a message too big;
 * - an OFFER to a peer that is not connected answered with EXPIRE: PeerJS's `peer-unavailable`.
 */
import { Peer } from 'peerjs';
import type { CallTokenResponse } from '../../../../shared/protocol/calls.ts';
import { AppError } from '../../core/app-error.ts';
import type { Server } from '../../server/server.ts';
import { peerOptions } from './peer-options.ts';

const OPEN_TIMEOUT_MS = 15_000;
const REFUSED_RETRIES = 3;
const REFUSED_RETRY_MS = 1_500;

/** What a peer asks the server for: the host's room, or a guest (its own id again on reconnect). */
export type PeerRequest = { readonly purpose: 'room' } | { readonly purpose: 'guest'; peerId?: string };

export type SignalingServer = Pick<Server, 'baseUrl' | 'calls'>;

export type SignalingProblem = 'session-ended' | 'rate-limited' | 'too-big' | 'refused' | 'peer-unavailable';

/** Close code → problem; codes the server uses (sync-server signaling/peer-server.ts). */
export function closeProblem(code: number | undefined): SignalingProblem | null {
  switch (code) {
    case 4001:
      return 'session-ended';
    case 1008:
      return 'rate-limited';
    case 1009:
      return 'too-big';
    default:
      return null;
  }
}

interface Watched {
  /** Whether the current socket opened. */
  opened: boolean;
  /** The last close code of a socket of this peer. */
  closeCode?: number;
}

const watched = new WeakMap<Peer, Watched>();

/** Follows the peer's current WebSocket (PeerJS keeps it private) to learn its close code. */
function watchSocket(peer: Peer): void {
  const state: Watched = watched.get(peer) ?? { opened: false };
  watched.set(peer, state);
  state.opened = false;
  const socket = (peer as unknown as { socket?: { _socket?: WebSocket } }).socket?._socket;
  socket?.addEventListener('open', () => {
    state.opened = true;
  });
  socket?.addEventListener('close', (event) => {
    state.closeCode = event.code;
  });
}

/** Why the peer's signaling ended, if the server said so (close code, or its ERROR message). */
export function signalingProblem(
  peer: Peer,
  error?: { type?: string; message?: string },
): SignalingProblem | null {
  if (error?.type === 'peer-unavailable') return 'peer-unavailable';
  if (error?.message === 'session-ended') return 'session-ended';
  const state = watched.get(peer);
  const byCode = closeProblem(state?.closeCode);
  if (byCode) return byCode;
  if (state && !state.opened && state.closeCode !== undefined) return 'refused';
  return null;
}

function problemError(problem: SignalingProblem | null, type: string): AppError {
  return new AppError('sync-failed', `signaling: ${type}`, {
    peerError: type,
    ...(problem ? { signaling: problem } : {}),
  });
}

async function issue(server: SignalingServer, request: PeerRequest): Promise<CallTokenResponse> {
  return request.purpose === 'guest' && request.peerId
    ? server.calls.token('guest', request.peerId)
    : server.calls.token(request.purpose);
}

function openOnce(server: SignalingServer, issued: CallTokenResponse): Promise<Peer> {
  const peer = new Peer(issued.peerId, peerOptions(server.baseUrl, issued));
  watchSocket(peer);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      peer.destroy();
      reject(new AppError('sync-offline', 'signaling did not answer'));
    }, OPEN_TIMEOUT_MS);
    const onError = (error: { type: string; message: string }) => {
      clearTimeout(timer);
      const problem = signalingProblem(peer, error);
      peer.destroy();
      // The type travels in meta: `unavailable-id` (room open elsewhere) has its own message.
      reject(problemError(problem, error.type));
    };
    peer.once('open', () => {
      clearTimeout(timer);
      // Later errors (a dropped socket) belong to the caller, which reconnects: no destroy then.
      peer.off('error', onError);
      resolve(peer);
    });
    peer.once('error', onError);
  });
}

/** A peer registered on the signaling server with a fresh token; a refused upgrade is retried. */
export async function openPeer(
  server: SignalingServer,
  request: PeerRequest,
): Promise<{ peer: Peer; issued: CallTokenResponse }> {
  for (let attempt = 0; ; attempt++) {
    const issued = await issue(server, request);
    try {
      return { peer: await openOnce(server, issued), issued };
    } catch (error) {
      const refused = error instanceof AppError && error.meta.signaling === 'refused';
      if (!refused || attempt + 1 >= REFUSED_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, REFUSED_RETRY_MS));
    }
  }
}

/**
 * Registers a disconnected peer again under its id, with a fresh token. Does nothing for a peer
 * that is connected or destroyed; a failed token request leaves it disconnected (retried by the caller).
 */
export async function reconnectPeer(
  peer: Peer,
  server: SignalingServer,
  request: PeerRequest,
): Promise<void> {
  if (peer.destroyed || !peer.disconnected) return;
  const issued = await issue(server, request);
  if (peer.destroyed || !peer.disconnected) return;
  peer.options.token = issued.token;
  peer.reconnect();
  watchSocket(peer);
}
