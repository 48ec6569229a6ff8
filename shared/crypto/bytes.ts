/** Operations on secret bytes that must not leak through timing or linger in memory. */
import { sodium } from './sodium.ts';

/** Equal length and equal content, compared in time independent of where they first differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && sodium().memcmp(a, b);
}

/** Overwrites a secret with zeros once it is no longer needed. */
export function wipe(bytes: Uint8Array): void {
  sodium().memzero(bytes);
}
