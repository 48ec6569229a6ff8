/**
 * Unkeyed hashes of bytes. SHA-256 where another party computes the same digest independently
 * (a file's checksum, a token's hash on the server); BLAKE2b for digests only this code compares.
 */
import { sodium } from './sodium.ts';

export function sha256(bytes: Uint8Array): Uint8Array {
  return sodium().crypto_hash_sha256(bytes);
}

/** BLAKE2b with `length` bytes of output (16 to 64). */
export function blake2b(bytes: Uint8Array, length = 32): Uint8Array {
  return sodium().crypto_generichash(length, bytes, null);
}
