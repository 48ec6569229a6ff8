/**
 * A fresh proof for the account changes a stolen session token alone must not make (replace the
 * keyring, delete the account, sign out the other devices): a single-use nonce from the server,
 * signed like a login with the account's CURRENT auth key. The nonce lives two minutes, so a proof
 * is made just before the request that carries it, never kept.
 */
import { signLoginProof } from '../../../shared/crypto/auth-proof.ts';
import type { FreshProof } from '../../../shared/protocol/account.ts';
import type { AccountApi } from './account.ts';

export async function freshProof(
  api: Pick<AccountApi, 'freshChallenge'>,
  authKey: Uint8Array,
  email: string,
): Promise<FreshProof> {
  const { nonce } = await api.freshChallenge();
  return { email, nonce, signature: signLoginProof(authKey, nonce, email) };
}
