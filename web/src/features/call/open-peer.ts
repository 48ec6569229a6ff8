/** A PeerJS peer on the app's own signaling server, resolved once registered (or rejected). */
import { Peer } from 'peerjs';
import type { CallTokenResponse } from '../../../../shared/protocol/calls.ts';
import { AppError } from '../../core/app-error.ts';
import { peerOptions } from './peer-options.ts';

const OPEN_TIMEOUT_MS = 15_000;

export function openPeer(serverUrl: string, issued: CallTokenResponse): Promise<Peer> {
  const peer = new Peer(issued.peerId, peerOptions(serverUrl, issued));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      peer.destroy();
      reject(new AppError('sync-offline', 'signaling did not answer'));
    }, OPEN_TIMEOUT_MS);
    peer.once('open', () => {
      clearTimeout(timer);
      resolve(peer);
    });
    peer.once('error', (error) => {
      clearTimeout(timer);
      peer.destroy();
      // The type travels in meta: `unavailable-id` (room open elsewhere) has its own message.
      reject(new AppError('sync-failed', `signaling: ${error.type}`, { peerError: error.type }));
    });
  });
}
