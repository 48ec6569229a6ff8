/**
 * Random values from libsodium's CSPRNG, for callers outside `shared/crypto` that need randomness
 * without touching libsodium themselves.
 */
import { toBase64 } from './encoding.ts';
import { sodium } from './sodium.ts';

export function randomBytes(length: number): Uint8Array {
  return sodium().randombytes_buf(length);
}

/** A random identifier: 16 bytes (128 bits, collision-free in practice), base64url, 22 characters. */
export function randomId(): string {
  return toBase64(randomBytes(16));
}
