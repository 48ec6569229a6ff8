/** Call tokens for the signaling server (a PeerJS id and a token bound to it). */
import { API } from '../../../shared/protocol/api.ts';
import type { Transport } from './transport.ts';

export class CallsApi {
  constructor(private readonly transport: Transport) {}

  token = (purpose: 'room' | 'guest') => this.transport.call(API.callToken, { body: { purpose } });
}
