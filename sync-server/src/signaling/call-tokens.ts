/**
 * Call tokens: what lets a signed-in account register one PeerJS peer id on the signaling server.
 *
 * token = `expiresAt.accountId.mac`, mac = crypto_auth(callKey, "peerId|accountId|expiresAt") with
 * callKey derived from the server key (so the email hashes and call tokens never share a key).
 * The peer id is not in the token: PeerJS sends it next to the token, and the MAC binds them, so a
 * token stolen for one id is useless for another. Room ids are derived from the account id with the
 * same key: stable for one account, unguessable and unclaimable by any other.
 */
import { encodeBase32 } from '../../../shared/crypto/base32.ts';
import { fromBase64, toBase64, utf8 } from '../../../shared/crypto/encoding.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { CALL_TOKEN_TTL_MS, type CallTokenRequest, roomPeerId } from '../../../shared/protocol/calls.ts';

const KDF_CONTEXT = 'carnetCT'; // crypto_kdf_CONTEXTBYTES (8)
const SUBKEY_CALL_TOKENS = 1;
const TOKEN_PATTERN = /^(\d{1,16})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/;

export interface IssuedCallToken {
  readonly peerId: string;
  readonly token: string;
  readonly expiresAt: number;
  readonly roomCode?: string;
}

export interface CallTokens {
  issue(accountId: string, purpose: CallTokenRequest['purpose']): IssuedCallToken;
  /** The account `token` was issued to, when it was issued for `peerId` and has not expired; else null. */
  verify(peerId: string, token: string): string | null;
}

export function createCallTokens(serverKey: Uint8Array, now: () => number): CallTokens {
  const s = sodium();
  const key = s.crypto_kdf_derive_from_key(32, SUBKEY_CALL_TOKENS, KDF_CONTEXT, serverKey);
  const mac = (text: string) => s.crypto_auth(utf8(text), key);

  const roomCode = (accountId: string) => encodeBase32(mac(`room|${accountId}`).slice(0, 7)).slice(0, 10);

  return {
    issue(accountId, purpose) {
      const expiresAt = now() + CALL_TOKEN_TTL_MS;
      const code = purpose === 'room' ? roomCode(accountId) : undefined;
      const peerId = code ? roomPeerId(code) : `guest${s.to_hex(s.randombytes_buf(16))}`;
      const token = `${expiresAt}.${accountId}.${toBase64(mac(`${peerId}|${accountId}|${expiresAt}`))}`;
      return { peerId, token, expiresAt, ...(code ? { roomCode: code } : {}) };
    },
    verify(peerId, token) {
      const match = TOKEN_PATTERN.exec(token);
      if (!match) return null;
      const [, expiry = '', accountId = '', tag = ''] = match;
      const expiresAt = Number(expiry);
      if (!Number.isSafeInteger(expiresAt) || expiresAt <= now()) return null;
      try {
        const valid = s.crypto_auth_verify(fromBase64(tag), utf8(`${peerId}|${accountId}|${expiresAt}`), key);
        return valid ? accountId : null;
      } catch {
        return null;
      }
    },
  };
}
