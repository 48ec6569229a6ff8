/**
 * One random key per family profile, wrapped by the vault key. A profile's records are encrypted
 * with its key only, so sharing one profile exposes no other. The wrap is bound to the profile id.
 */
import { unwrapSecret, type WrappedSecret, wrapSecret } from './key-wrap.ts';
import { generateKey, type SymmetricKey, symmetricKey } from './symmetric-key.ts';

export function generateProfileKey(): SymmetricKey {
  return generateKey();
}

export function wrapProfileKey(
  profileKey: SymmetricKey,
  vaultKey: SymmetricKey,
  profileId: string,
): WrappedSecret {
  return wrapSecret(profileKey.bytes, vaultKey, `profile:${profileId}`);
}

export function unwrapProfileKey(
  wrapped: WrappedSecret,
  vaultKey: SymmetricKey,
  profileId: string,
): SymmetricKey {
  return symmetricKey(unwrapSecret(wrapped, vaultKey, `profile:${profileId}`));
}
