/** Random envelope ids: 16 bytes from libsodium's CSPRNG, base64url (22 characters). */
import { toBase64 } from '../../../shared/crypto/encoding.ts';
import { sodium } from '../../../shared/crypto/sodium.ts';

export function newId(): string {
  return toBase64(sodium().randombytes_buf(16));
}
