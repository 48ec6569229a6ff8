/** Call tokens for the signaling server (a PeerJS id and a token bound to it). */
import { API } from '../../../shared/protocol/api.ts';
import type { Transport } from './transport.ts';

export class CallsApi {
  constructor(private readonly transport: Transport) {}

  /**
   * A token is good for one signaling connection within five minutes: ask for one before each
   * connection and each reconnection. A guest reconnecting names the id it was given before.
   */
  token = (purpose: 'room' | 'guest', peerId?: string) =>
    this.transport.call(API.callToken, { body: { purpose, ...(peerId ? { peerId } : {}) } });
}
