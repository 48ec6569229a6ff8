/** Test helpers for the crypto core (imported by *.test.ts only). */
import { expect } from 'vitest';
import { CryptoError, type CryptoErrorReason } from './errors.ts';

export function expectReason(fn: () => unknown, reason: CryptoErrorReason): CryptoError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CryptoError);
    expect((error as CryptoError).reason).toBe(reason);
    return error as CryptoError;
  }
  throw new Error(`expected a CryptoError with reason ${reason}, but nothing was thrown`);
}

/** Returns a base64url string with one bit flipped in byte `index` of its decoded form. */
export function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}
