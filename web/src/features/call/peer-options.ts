/**
 * PeerJS options from a call token (`server.calls.token`): same origin as the server, path /peerjs,
 * the server's ICE servers (never PeerJS's public defaults: `config.iceServers` is always set, empty
 * on loopback).
 */
import type { PeerOptions } from 'peerjs';
import { type CallTokenResponse, PEERJS_KEY, PEERJS_PATH } from '../../../../shared/protocol/calls.ts';

export function peerOptions(serverUrl: string, issued: CallTokenResponse): PeerOptions {
  const url = new URL(serverUrl || window.location.origin, window.location.origin);
  const secure = url.protocol === 'https:';
  return {
    host: url.hostname,
    port: Number(url.port || (secure ? 443 : 80)),
    path: PEERJS_PATH,
    secure,
    key: PEERJS_KEY,
    token: issued.token,
    config: { iceServers: issued.iceServers.map((s) => ({ ...s })) },
    debug: 0,
  };
}
