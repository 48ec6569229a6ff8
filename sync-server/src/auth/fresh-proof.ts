/**
 * Fresh proofs for account changes a stolen session token alone must not make: replacing the
 * keyring (and with it the login key), deleting the account, signing out the other devices.
 *
 * The same challenge machinery as login: `issue` stores a random nonce (hashed, single use, two
 * minutes) tagged with the account, and `verify` consumes it whatever happens, then checks the
 * signature against the account's CURRENT auth public key (`signLoginProof` over nonce and email).
 * The tag keeps the two uses apart: a login nonce is tagged with an email hash, so it is useless
 * here, and a nonce from here is useless for a login.
 */
import { verifyLoginProof } from '../../../shared/crypto/auth-proof.ts';
import { CHALLENGE_TTL_MS, type FreshProof } from '../../../shared/protocol/account.ts';
import type { Store } from '../store/store.ts';
import type { EmailHasher } from './email-hash.ts';
import { hashToken, randomToken } from './tokens.ts';

export function reauthTag(accountId: string): string {
  return `reauth|${accountId}`;
}

export async function issueFreshChallenge(
  store: Store,
  accountId: string,
  now: number,
): Promise<{ nonce: string; expiresAt: number }> {
  const nonce = randomToken();
  const expiresAt = now + CHALLENGE_TTL_MS;
  await store.putChallenge(hashToken(nonce), reauthTag(accountId), expiresAt);
  return { nonce, expiresAt };
}

/** True only for a valid proof by the account's current auth key over an unused nonce issued to it. */
export async function verifyFreshProof(
  store: Store,
  emails: EmailHasher,
  accountId: string,
  proof: FreshProof | undefined,
  now: number,
): Promise<boolean> {
  if (!proof) return false;
  // Consumed first: a nonce is good for one attempt, right or wrong.
  const tag = await store.takeChallenge(hashToken(proof.nonce), now);
  const account = await store.getAccount(accountId);
  if (!account || tag !== reauthTag(accountId)) return false;
  if (emails.hash(proof.email) !== account.emailHash) return false;
  return verifyLoginProof(account.authPublicKey, proof.nonce, proof.email, proof.signature);
}
