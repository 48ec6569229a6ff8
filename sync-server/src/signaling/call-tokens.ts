/**
 * Call tokens: what lets a signed-in session register one PeerJS peer id on the signaling server.
 *
 * token = `expiresAt.accountId.session.mac`, mac = crypto_auth(callKey,
 * "peerId|accountId|expiresAt|session") with callKey derived from the server key (so the email
 * hashes and call tokens never share a key). `session` is the issuing session's token hash sealed
 * with a second derived key (secretbox): the signaling server checks at the upgrade that this session
 * is still live, so a session's call tokens end at logout, "sign out everywhere else" and a keyring
 * change, on any instance (the check reads the shared store), while the URL (which proxies may log)
 * never carries the hash the database keys sessions by.
 *
 * A token is good for ONE upgrade (`consume`), and for a few minutes: a PeerJS client that lost its
 * socket asks for a new one (the same room id comes back; a guest may ask again for the guest id it
 * was given, which carries a MAC of its account, so nobody else can claim it).
 * The peer id is not in the token: PeerJS sends it next to the token, and the MAC binds them.
 */
import { encodeBase32 } from '../../../shared/crypto/base32.ts';
import { fromBase64, toBase64, utf8 } from '../../../shared/crypto/encoding.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { CALL_TOKEN_TTL_MS, type CallTokenRequest, roomPeerId } from '../../../shared/protocol/calls.ts';

const KDF_CONTEXT = 'carnetCT'; // crypto_kdf_CONTEXTBYTES (8)
const SUBKEY_CALL_TOKENS = 1;
const SUBKEY_SESSION_SEAL = 2;
const TOKEN_PATTERN = /^(\d{1,16})\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{96})\.([A-Za-z0-9_-]{43})$/;
const GUEST_PATTERN = /^guest([0-9a-f]{16})([0-9a-f]{16})$/;
/** Used tokens remembered past this many are pruned of expired ones (they are refused by expiry anyway). */
const USED_PRUNE_AT = 1_000;

export interface IssuedCallToken {
  readonly peerId: string;
  readonly token: string;
  readonly expiresAt: number;
  readonly roomCode?: string;
}

export interface VerifiedCallToken {
  readonly accountId: string;
  /** The issuing session's token hash: the upgrade is refused once that session has ended. */
  readonly sessionHash: string;
  /** Identifies this token for single use. */
  readonly tag: string;
  readonly expiresAt: number;
}

export type AccountChangeListener = (accountId: string) => void;

export interface CallTokens {
  /** A token for the given session: the account's room id, or a new guest id. */
  issue(accountId: string, purpose: CallTokenRequest['purpose'], sessionHash: string): IssuedCallToken;
  /** A new token for a guest id issued to this account before (a reconnect keeps its id); else null. */
  reissueGuest(accountId: string, sessionHash: string, guestPeerId: string): IssuedCallToken | null;
  /** The token's content when it was issued for `peerId` and has not expired; else null. Stateless. */
  verify(peerId: string, token: string): VerifiedCallToken | null;
  /** Marks the token used; false when it already was (a replay). */
  consume(verified: VerifiedCallToken): boolean;
  /** Sessions of the account may have ended (logout, sign-out, keyring change, deletion). */
  accountChanged(accountId: string): void;
  onAccountChanged(listener: AccountChangeListener): () => void;
  /** The account's room code (the same as its room tokens name), for a patient with an appointment. */
  roomCode(accountId: string): string;
}

export function createCallTokens(serverKey: Uint8Array, now: () => number): CallTokens {
  const s = sodium();
  const key = s.crypto_kdf_derive_from_key(32, SUBKEY_CALL_TOKENS, KDF_CONTEXT, serverKey);
  const sealKey = s.crypto_kdf_derive_from_key(32, SUBKEY_SESSION_SEAL, KDF_CONTEXT, serverKey);
  const mac = (text: string) => s.crypto_auth(utf8(text), key);
  const used = new Map<string, number>();
  const listeners = new Set<AccountChangeListener>();

  const roomCode = (accountId: string) => encodeBase32(mac(`room|${accountId}`).slice(0, 7)).slice(0, 10);
  const guestMac = (accountId: string, random: string) =>
    s.to_hex(mac(`guest|${accountId}|${random}`).slice(0, 8));

  const seal = (sessionHash: string): string => {
    const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
    const box = s.crypto_secretbox_easy(fromBase64(sessionHash), nonce, sealKey);
    const out = new Uint8Array(nonce.length + box.length);
    out.set(nonce);
    out.set(box, nonce.length);
    return toBase64(out);
  };
  const unseal = (sealed: string): string | null => {
    try {
      const bytes = fromBase64(sealed);
      const nonce = bytes.slice(0, s.crypto_secretbox_NONCEBYTES);
      return toBase64(s.crypto_secretbox_open_easy(bytes.slice(nonce.length), nonce, sealKey));
    } catch {
      return null;
    }
  };

  const tokenFor = (
    peerId: string,
    accountId: string,
    sessionHash: string,
    code?: string,
  ): IssuedCallToken => {
    const expiresAt = now() + CALL_TOKEN_TTL_MS;
    const session = seal(sessionHash);
    const tag = toBase64(mac(`${peerId}|${accountId}|${expiresAt}|${session}`));
    const token = `${expiresAt}.${accountId}.${session}.${tag}`;
    return { peerId, token, expiresAt, ...(code ? { roomCode: code } : {}) };
  };

  return {
    roomCode,
    issue(accountId, purpose, sessionHash) {
      if (purpose === 'room') {
        const code = roomCode(accountId);
        return tokenFor(roomPeerId(code), accountId, sessionHash, code);
      }
      const random = s.to_hex(s.randombytes_buf(8));
      return tokenFor(`guest${random}${guestMac(accountId, random)}`, accountId, sessionHash);
    },
    reissueGuest(accountId, sessionHash, guestPeerId) {
      const match = GUEST_PATTERN.exec(guestPeerId);
      if (!match || !s.memcmp(utf8(guestMac(accountId, match[1] ?? '')), utf8(match[2] ?? ''))) return null;
      return tokenFor(guestPeerId, accountId, sessionHash);
    },
    verify(peerId, token) {
      const match = TOKEN_PATTERN.exec(token);
      if (!match) return null;
      const [, expiry = '', accountId = '', session = '', tag = ''] = match;
      const expiresAt = Number(expiry);
      if (!Number.isSafeInteger(expiresAt) || expiresAt <= now()) return null;
      try {
        const message = utf8(`${peerId}|${accountId}|${expiresAt}|${session}`);
        if (!s.crypto_auth_verify(fromBase64(tag), message, key)) return null;
      } catch {
        return null;
      }
      const sessionHash = unseal(session);
      return sessionHash === null ? null : { accountId, sessionHash, tag, expiresAt };
    },
    consume(verified) {
      if (used.size >= USED_PRUNE_AT) {
        for (const [tag, expiresAt] of used) if (expiresAt <= now()) used.delete(tag);
      }
      if (used.has(verified.tag)) return false;
      used.set(verified.tag, verified.expiresAt);
      return true;
    },
    accountChanged(accountId) {
      for (const listener of listeners) listener(accountId);
    },
    onAccountChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
