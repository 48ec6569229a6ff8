/// <reference lib="webworker" />
/** Web Worker: Argon2id + subkey derivation, so the UI never freezes during unlock. */
import { accountKeysFromPassphrase } from '../../../shared/crypto/account-keys.ts';
import { fromBase64 } from '../../../shared/crypto/encoding.ts';
import { decodeKdfParams } from '../../../shared/crypto/kdf-params.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import type { KdfRequest, KdfResponse } from './kdf-messages.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Loaded at once: a worker started ahead (kdf-runner.ts `prepareKdfWorker`) is ready when asked.
const ready = initCrypto();

scope.onmessage = async (event: MessageEvent<KdfRequest>) => {
  let response: KdfResponse;
  try {
    await ready;
    const { passphrase, salt, kdf } = event.data;
    const keys = accountKeysFromPassphrase(passphrase, fromBase64(salt, 'salt'), decodeKdfParams(kdf));
    response = { ok: true, keyEncryptionKey: keys.keyEncryptionKey.bytes, authKey: keys.authKey };
  } catch (error) {
    response = { ok: false, message: error instanceof Error ? error.message : 'key derivation failed' };
  }
  scope.postMessage(response);
};
