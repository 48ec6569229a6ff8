/**
 * A tiny client for tests and the bench: the same calls against `app.request()` or a real server.
 * Vaults are made with the real crypto core, minus Argon2id (a random root key stands in for the
 * passphrase), so a test can register, sign in and push in milliseconds.
 */

import { deriveAccountKeys, generateSalt } from '../../../shared/crypto/account-keys.ts';
import { authKeyPair, signLoginProof } from '../../../shared/crypto/auth-proof.ts';
import { DEFAULT_KDF_PARAMS } from '../../../shared/crypto/kdf-params.ts';
import { createVaultWithKeys, type Keyring } from '../../../shared/crypto/keyring.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type {
  ChallengeResponse,
  FreshProof,
  LoginResponse,
  SessionResponse,
} from '../../../shared/protocol/account.ts';
import type { PullResponse, PushResponse, PushRow } from '../../../shared/protocol/replication.ts';
import type { Envelope, EnvelopeKind } from '../../../shared/schema/envelope.ts';

export type Fetcher = (path: string, init?: RequestInit) => Promise<Response>;

export function serverFetcher(baseUrl: string): Fetcher {
  return (path, init) => fetch(`${baseUrl}${path}`, init);
}

export interface TestVault {
  readonly email: string;
  readonly keyring: Keyring;
  readonly authKey: Uint8Array;
  readonly authPublicKey: string;
  readonly vaultKey: SymmetricKey;
}

/** Call after `initCrypto()`. */
export function testVault(email: string): TestVault {
  const keys = deriveAccountKeys(sodium().randombytes_buf(32));
  const vault = createVaultWithKeys(keys, generateSalt(), DEFAULT_KDF_PARAMS);
  return {
    email,
    keyring: vault.keyring,
    authKey: keys.authKey,
    authPublicKey: authKeyPair(keys.authKey).publicKey,
    vaultKey: vault.vaultKey,
  };
}

export function jsonInit(method: string, body?: unknown, token?: string): RequestInit {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
}

async function expectJson<T>(response: Response, status: number, what: string): Promise<T> {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as T;
}

export async function register(fetcher: Fetcher, vault: TestVault): Promise<string> {
  const body = { email: vault.email, keyring: vault.keyring, authPublicKey: vault.authPublicKey };
  const response = await fetcher('/api/auth/register', jsonInit('POST', body));
  return (await expectJson<SessionResponse>(response, 201, 'register')).token;
}

export async function challenge(fetcher: Fetcher, email: string): Promise<string> {
  const response = await fetcher('/api/auth/challenge', jsonInit('POST', { email }));
  return (await expectJson<ChallengeResponse>(response, 200, 'challenge')).nonce;
}

export async function signIn(fetcher: Fetcher, vault: TestVault): Promise<LoginResponse> {
  const nonce = await challenge(fetcher, vault.email);
  const signature = signLoginProof(vault.authKey, nonce, vault.email);
  const response = await fetcher(
    '/api/auth/login',
    jsonInit('POST', { email: vault.email, nonce, signature }),
  );
  return expectJson<LoginResponse>(response, 200, 'login');
}

export async function pull(
  fetcher: Fetcher,
  token: string,
  checkpoint: { seq: number } | null,
  batchSize = 500,
  kind?: EnvelopeKind,
): Promise<PullResponse> {
  const response = await fetcher('/api/sync/pull', jsonInit('POST', { checkpoint, batchSize, kind }, token));
  return expectJson<PullResponse>(response, 200, 'pull');
}

export async function push(fetcher: Fetcher, token: string, rows: readonly PushRow[]): Promise<PushResponse> {
  const response = await fetcher('/api/sync/push', jsonInit('POST', { rows }, token));
  return expectJson<PushResponse>(response, 200, 'push');
}

/** Pulls from `checkpoint` to the end; returns every document (in order) and the last checkpoint. */
export async function pullAll(
  fetcher: Fetcher,
  token: string,
  batchSize = 500,
): Promise<{ documents: Envelope[]; checkpoint: { seq: number } | null }> {
  const documents: Envelope[] = [];
  let checkpoint: { seq: number } | null = null;
  for (;;) {
    const page = await pull(fetcher, token, checkpoint, batchSize);
    documents.push(...page.documents);
    if (page.documents.length === 0) return { documents, checkpoint };
    checkpoint = page.checkpoint;
  }
}

/**
 * A fresh proof for keyring replacement, account deletion or "sign out everywhere else": a nonce
 * from `POST /api/account/challenge` (with the session) signed by `authKey` (the vault's current one
 * unless another is given).
 */
export async function freshProof(
  fetcher: Fetcher,
  token: string,
  vault: TestVault,
  authKey: Uint8Array = vault.authKey,
): Promise<FreshProof> {
  const response = await fetcher('/api/account/challenge', jsonInit('POST', undefined, token));
  const { nonce } = await expectJson<ChallengeResponse>(response, 200, 'account challenge');
  return { email: vault.email, nonce, signature: signLoginProof(authKey, nonce, vault.email) };
}
