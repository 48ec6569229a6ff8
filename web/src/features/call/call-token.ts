/**
 * Asks the sync server for a call token (POST /api/calls/token) with this device's session, and
 * turns it into PeerJS options: same origin as the server, path /peerjs, the server's ICE servers
 * (never PeerJS's public defaults: `config.iceServers` is always set, empty on loopback).
 */
import type { PeerOptions } from 'peerjs';
import {
  type CallTokenResponse,
  callTokenResponseSchema,
  PEERJS_KEY,
  PEERJS_PATH,
} from '../../../../shared/protocol/calls.ts';
import { AppError } from '../../core/app-error.ts';

export interface SyncSession {
  readonly serverUrl: string;
  readonly token: string;
}

export async function fetchCallToken(
  session: SyncSession,
  purpose: 'room' | 'guest',
): Promise<CallTokenResponse> {
  const base = session.serverUrl.replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${base}/api/calls/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ purpose }),
    });
  } catch {
    throw new AppError('sync-offline');
  }
  if (response.status === 401) throw new AppError('sync-failed', 'call token refused: sign in again');
  if (!response.ok) throw new AppError('sync-failed', `call token: HTTP ${response.status}`);
  const parsed = callTokenResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new AppError('sync-failed', 'call token: unreadable answer');
  return parsed.data;
}

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
