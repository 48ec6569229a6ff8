/**
 * Teleconsultation signaling (docs/architecture.md §10): `POST /api/calls/token` hands a signed-in account a PeerJS
 * peer id and a server-signed token bound to it; PeerServer at `/peerjs` accepts a WebSocket only
 * with a valid, unexpired token for that very id. A host asks for its room id (`purpose: 'room'`,
 * always the same code for one account, so a room link stays valid); a guest gets a random id.
 */
import { z } from '../schema/zod.ts';

/** PeerServer's mount point and key (the key is PeerJS's "API key", public by design). */
export const PEERJS_PATH = '/peerjs';
export const PEERJS_KEY = 'carnet';
/**
 * How long a call token may be used to connect to the signaling server. A token is good for one
 * connection: a client asks for a new one just before each (re)connection.
 */
export const CALL_TOKEN_TTL_MS = 5 * 60 * 1000;

/** Room codes: 10 Crockford base32 characters (50 bits), what a patient types or scans. */
export const ROOM_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{10}$/;
export const ROOM_PEER_PREFIX = 'room';

export function roomPeerId(roomCode: string): string {
  return `${ROOM_PEER_PREFIX}${roomCode.toLowerCase()}`;
}

/** Normalizes what a person typed or a link carried ("abcd-efgh-jk") into a room code, if it is one. */
export function parseRoomCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return ROOM_CODE_PATTERN.test(code) ? code : undefined;
}

export const callTokenRequestSchema = z.strictObject({
  purpose: z.enum(['room', 'guest'], { error: 'purpose must be "room" or "guest"' }),
  /** A guest reconnecting: the guest id this account was given before (refused with 403 otherwise). */
  peerId: z
    .string()
    .regex(/^guest[0-9a-f]{32}$/, 'peerId must be a guest id issued to this account')
    .optional(),
});
export type CallTokenRequest = z.infer<typeof callTokenRequestSchema>;

export const iceServerSchema = z.strictObject({
  urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

export const callTokenResponseSchema = z.strictObject({
  peerId: z.string().regex(/^[a-z0-9]{8,64}$/),
  token: z.string().min(1).max(256),
  expiresAt: z.int().positive(),
  /** Set for `purpose: 'room'`. */
  roomCode: z.string().regex(ROOM_CODE_PATTERN).optional(),
  iceServers: z.array(iceServerSchema),
});
export type CallTokenResponse = z.infer<typeof callTokenResponseSchema>;
