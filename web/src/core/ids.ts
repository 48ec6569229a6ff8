/** Random envelope ids: 16 bytes from libsodium's CSPRNG, base64url (22 characters). */
import { randomId } from '../../../shared/crypto/random.ts';

export function newId(): string {
  return randomId();
}
