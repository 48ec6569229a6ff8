/**
 * Zeroes the key material of a session that ended (lock), as far as JavaScript allows: the vault
 * key, the identity's secret keys and the profile keys are Uint8Arrays this code owns, overwritten
 * in place. What cannot be wiped: copies libsodium's WebAssembly heap made while using them (freed,
 * not zeroed), decrypted records (JavaScript strings and objects, immutable, left to the garbage
 * collector), and the passphrase typed into an input (a string). A write still running when the
 * vault locks then fails (`aeadEncrypt` refuses a zeroed key) instead of sealing with zeros.
 */
import { wipe } from '../../../shared/crypto/bytes.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { Session } from './vault-service.ts';

export function wipeSession(session: Session, profileKeys: readonly SymmetricKey[] = []): void {
  wipe(session.vaultKey.bytes);
  wipe(session.identity.box.secretKey);
  wipe(session.identity.sign.secretKey);
  for (const key of profileKeys) wipe(key.bytes);
}
