/**
 * The single entry point to libsodium (sumo build: the plain build has no `crypto_pwhash`).
 *
 * Every other module in `shared/crypto` calls `sodium()` synchronously; callers must have
 * awaited `initCrypto()` once before. Keeping the functions synchronous makes bulk record
 * encryption cheap, and keeping the await in one place lets the web app load libsodium lazily.
 */
import lib from 'libsodium-wrappers-sumo';
import { CryptoError } from './errors.ts';

export type Sodium = typeof lib;

let loaded = false;

export async function initCrypto(): Promise<void> {
  await lib.ready;
  loaded = true;
}

export function sodium(): Sodium {
  if (!loaded) {
    throw new CryptoError('not-ready', 'libsodium is not loaded: await initCrypto() first');
  }
  return lib;
}
