/**
 * Sync sign-in on this device (docs/architecture.md §3.6, §7; messages in shared/protocol/account.ts).
 *
 * - "Turn on sync" registers the existing local vault: the server gets the keyring (wrapped keys
 *   only) and the Ed25519 public key derived from the auth key. The unlocked session holds only the
 *   vault key and identity, not the auth key (which is derived from the passphrase and never kept),
 *   so the user confirms the passphrase once; a caller that still has the auth key from unlock may
 *   pass it instead.
 * - "Sign in on this device": pre-login → Argon2id (the KdfRunner's Worker) → challenge → signed
 *   proof → login → keyring → unlock. The KDF tag from the server is decoded with its floor, so a
 *   hostile server cannot lower the work factor.
 * - The credentials `{email, token, serverUrl, expiresAt}` are kept between reloads encrypted with
 *   the vault key (`sealLocal`, label `sync-credentials`), as one string for the `syncstate`
 *   collection: the token never rests in clear. The older record-envelope form still opens.
 */
import { authKeyPair, normalizeEmail, signLoginProof } from '../../../shared/crypto/auth-proof.ts';
import { wipe } from '../../../shared/crypto/bytes.ts';
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import { decodeKdfParams } from '../../../shared/crypto/kdf-params.ts';
import { type Keyring, keyringKdf, unlockWithAccountKeys } from '../../../shared/crypto/keyring.ts';
import { openLocal, sealLocal } from '../../../shared/crypto/local-seal.ts';
import { openLegacySyncCredentials } from '../../../shared/crypto/local-seal-legacy.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { keyringSchema } from '../../../shared/protocol/keyring.ts';
import { z } from '../../../shared/schema/zod.ts';
import type { AccountApi } from '../server/account.ts';
import { ServerError } from '../server/server-error.ts';
import type { KdfRunner } from '../vault/kdf-runner.ts';
import type { Session } from '../vault/vault-service.ts';

export interface SyncCredentials {
  readonly email: string;
  readonly token: string;
  readonly serverUrl: string;
  /** Milliseconds since the epoch; sign in again after. */
  readonly expiresAt: number;
}

const credentialsSchema = z.strictObject({
  email: z.string().min(3).max(320),
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  serverUrl: z.string().max(2_000),
  expiresAt: z.int().min(0),
});

/** The stored form: sealed locally, the save counter `rev` bound as the context. */
const sealedSchema = z.strictObject({
  rev: z.int().min(1),
  by: z.string(),
  nonce: z.string(),
  ciphertext: z.string(),
});

/** The form written before local sealing, still read (local-seal-legacy.ts). */
const legacySchema = z.strictObject({
  rev: z.int().min(1),
  keyId: z.string(),
  schemaVersion: z.int().min(1),
  nonce: z.string(),
  ciphertext: z.string(),
});

const storedSchema = z.union([sealedSchema, legacySchema]);

/** Encrypts the credentials with the vault key; `rev` goes up by one on each save. */
export function sealSyncCredentials(credentials: SyncCredentials, vaultKey: SymmetricKey, rev = 1): string {
  const plain = credentialsSchema.parse(credentials);
  return JSON.stringify({ rev, ...sealLocal(vaultKey, 'sync-credentials', plain, String(rev)) });
}

/** Throws a CryptoError (`wrong-key`, `tampered`…) or ServerError `bad-response` for a malformed string. */
export function openSyncCredentials(
  sealed: string,
  vaultKey: SymmetricKey,
): SyncCredentials & { rev: number } {
  let stored: z.infer<typeof storedSchema>;
  try {
    stored = storedSchema.parse(JSON.parse(sealed));
  } catch {
    throw new ServerError('bad-response', 'stored sync credentials are malformed');
  }
  const opened =
    'by' in stored
      ? openLocal(vaultKey, 'sync-credentials', stored, String(stored.rev))
      : openLegacySyncCredentials(vaultKey, stored);
  const plain = credentialsSchema.safeParse(opened);
  if (!plain.success) throw new ServerError('bad-response', 'stored sync credentials are malformed');
  return { ...plain.data, rev: stored.rev };
}

export type AuthProof =
  | { readonly passphrase: string; readonly kdf: KdfRunner }
  | { readonly authKey: Uint8Array };

export interface TurnOnSyncOptions {
  readonly api: AccountApi;
  readonly email: string;
  /** The local vault's keyring (vault meta document). */
  readonly keyring: Keyring;
  readonly proof: AuthProof;
}

/**
 * Registers the local vault with the server. With a passphrase, it is checked against the keyring
 * first (`wrong-passphrase` otherwise), so a typo never registers an account nobody can sign in to.
 */
export async function turnOnSync(options: TurnOnSyncOptions): Promise<SyncCredentials> {
  let authKey: Uint8Array;
  if ('authKey' in options.proof) {
    authKey = options.proof.authKey;
  } else {
    const { salt, params } = keyringKdf(options.keyring);
    const keys = await options.proof.kdf(options.proof.passphrase, salt, params);
    unlockWithAccountKeys(options.keyring, keys); // throws wrong-passphrase
    authKey = keys.authKey;
  }
  const email = normalizeEmail(options.email);
  const keyring = keyringSchema.safeParse(options.keyring);
  if (!keyring.success) throw new ServerError('bad-request', 'this vault keyring cannot be registered');
  const session = await options.api.register({
    email,
    keyring: keyring.data,
    authPublicKey: authKeyPair(authKey).publicKey,
  });
  return { email, token: session.token, serverUrl: options.api.baseUrl, expiresAt: session.expiresAt };
}

export interface SignInOptions {
  readonly api: AccountApi;
  readonly email: string;
  readonly passphrase: string;
  readonly kdf: KdfRunner;
}

export interface SignedIn {
  readonly session: Session;
  /** To store in the vault meta document: this device's vault is now the account's. */
  readonly keyring: Keyring;
  readonly credentials: SyncCredentials;
}

/** Signs in and unlocks. A wrong passphrase or unknown email fails as `unauthorized` (one answer). */
export async function signInOnThisDevice(options: SignInOptions): Promise<SignedIn> {
  const { api } = options;
  const email = normalizeEmail(options.email);
  const prelogin = await api.prelogin(email);
  const params = decodeKdfParams(prelogin.kdf);
  const keys = await options.kdf(options.passphrase, fromBase64(prelogin.salt, 'salt'), params);
  try {
    const { nonce } = await api.challenge(email);
    const login = await api.login({ email, nonce, signature: signLoginProof(keys.authKey, nonce, email) });
    const unlocked = unlockWithAccountKeys(login.keyring, keys);
    return {
      session: { vaultKey: unlocked.vaultKey, identity: unlocked.identity },
      keyring: login.keyring,
      credentials: { email, token: login.token, serverUrl: api.baseUrl, expiresAt: login.expiresAt },
    };
  } finally {
    wipe(keys.authKey);
  }
}
