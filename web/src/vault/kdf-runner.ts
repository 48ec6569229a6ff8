/**
 * Runs Argon2id off the UI thread. In the browser each derivation gets its own Web Worker, which is
 * terminated afterwards so its 64 MiB of WebAssembly memory is returned at once. Tests in Node use
 * the inline runner: same code path, no Worker.
 */
import { type AccountKeys, accountKeysFromPassphrase } from '../../../shared/crypto/account-keys.ts';
import { toBase64 } from '../../../shared/crypto/encoding.ts';
import { encodeKdfParams, type KdfParams } from '../../../shared/crypto/kdf-params.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { symmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { KdfRequest, KdfResponse } from './kdf-messages.ts';

export type KdfRunner = (passphrase: string, salt: Uint8Array, params: KdfParams) => Promise<AccountKeys>;

export const inlineKdfRunner: KdfRunner = async (passphrase, salt, params) => {
  await initCrypto();
  return accountKeysFromPassphrase(passphrase, salt, params);
};

/** Far above any real derivation (about 0.2–1.5 s): only a worker that died or hung hits it. */
const KDF_TIMEOUT_MS = 60_000;

const startWorker = () => new Worker(new URL('./kdf-worker.ts', import.meta.url), { type: 'module' });

/** A worker started ahead, its libsodium already loading; used (and so ended) by the next derivation. */
let spare: Worker | null = null;

/**
 * Starts the next derivation's worker now (the unlock screen calls it as it appears), so loading the
 * worker and libsodium's WebAssembly is done while the passphrase is being typed, not after.
 */
export function prepareKdfWorker(): void {
  if (!spare && typeof Worker !== 'undefined') spare = startWorker();
}

export const workerKdfRunner: KdfRunner = (passphrase, salt, params) =>
  new Promise<AccountKeys>((resolve, reject) => {
    const worker = spare ?? startWorker();
    spare = null;
    const timeout = setTimeout(() => {
      worker.terminate();
      reject(new Error('key derivation did not finish'));
    }, KDF_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<KdfResponse>) => {
      clearTimeout(timeout);
      worker.terminate();
      const data = event.data;
      if (data.ok) {
        resolve({ keyEncryptionKey: symmetricKey(data.keyEncryptionKey), authKey: data.authKey });
      } else {
        reject(new Error(data.message));
      }
    };
    worker.onerror = (event) => {
      clearTimeout(timeout);
      worker.terminate();
      reject(new Error(event.message || 'key derivation failed'));
    };
    const request: KdfRequest = { passphrase, salt: toBase64(salt), kdf: encodeKdfParams(params) };
    worker.postMessage(request);
  });
