/**
 * The single entry point to libsodium (sumo build: the plain build has no `crypto_pwhash`).
 *
 * libsodium is loaded lazily by `initCrypto()` (a dynamic import, so bundlers put its ~190 KB
 * gzipped in a separate chunk and the first screen does not wait for it). Every other module in
 * `shared/crypto` then calls `sodium()` synchronously: keeping the functions synchronous makes bulk
 * record encryption cheap, and keeps the one await in one place.
 */
import type Lib from 'libsodium-wrappers-sumo';
import { CryptoError } from './errors.ts';

export type Sodium = typeof Lib;

let lib: Sodium | null = null;
let loading: Promise<void> | null = null;

export function initCrypto(): Promise<void> {
  loading ??= import('libsodium-wrappers-sumo')
    .then(async (module) => {
      await module.default.ready;
      lib = module.default;
    })
    .catch((error: unknown) => {
      // A failed chunk load (offline before the first cache, say) must not poison every later try.
      loading = null;
      throw error;
    });
  return loading;
}

export function sodium(): Sodium {
  if (!lib) {
    throw new CryptoError('not-ready', 'libsodium is not loaded: await initCrypto() first');
  }
  return lib;
}
