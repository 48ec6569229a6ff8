/**
 * From what the user typed to the keys of a `.carnet` file: the passphrase goes through the keyring's
 * own KDF (injectable: the web runs Argon2id in a Worker) and `unlockWithAccountKeys`, the recovery
 * key through `unlockWithRecoveryKey`, exactly as when unlocking the vault; then the vault key opens
 * the file key. Crypto failures become backup reasons: a secret that does not fit is `wrong-secret`,
 * a right secret whose wraps do not authenticate means the header was altered: `tampered`.
 */
import { type AccountKeys, accountKeysFromPassphrase } from '../crypto/account-keys.ts';
import { unwrapBackupFileKey } from '../crypto/backup-keys.ts';
import { isCryptoError } from '../crypto/errors.ts';
import type { KdfParams } from '../crypto/kdf-params.ts';
import {
  keyringKdf,
  type UnlockedVault,
  unlockWithAccountKeys,
  unlockWithRecoveryKey,
} from '../crypto/keyring.ts';
import type { SymmetricKey } from '../crypto/symmetric-key.ts';
import { BackupError } from './backup-error.ts';
import type { BackupHeader } from './header-codec.ts';

/** What the user typed: the passphrase in force when the backup was made, or the recovery key. */
export type BackupSecret = { readonly passphrase: string } | { readonly recoveryKey: string };

/** Argon2id and the subkeys; the web passes its Worker runner (same signature as its `KdfRunner`). */
export type DeriveAccountKeys = (
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
) => Promise<AccountKeys>;

export const inlineDeriveAccountKeys: DeriveAccountKeys = async (passphrase, salt, params) =>
  accountKeysFromPassphrase(passphrase, salt, params);

/** The vault key and identity this file's keyring wraps, from the secret the user typed. */
export async function unlockBackup(
  header: BackupHeader,
  secret: BackupSecret,
  deriveKeys: DeriveAccountKeys,
): Promise<UnlockedVault> {
  if ('recoveryKey' in secret) {
    try {
      return unlockWithRecoveryKey(header.keyring, secret.recoveryKey);
    } catch (error) {
      throw fromUnlockError(error, 'recovery-key');
    }
  }
  let kdf: { salt: Uint8Array; params: KdfParams };
  try {
    kdf = keyringKdf(header.keyring);
  } catch {
    throw new BackupError('corrupt-header', 'the backup’s key derivation settings are not acceptable');
  }
  if (secret.passphrase.length === 0) {
    throw new BackupError('wrong-secret', 'the passphrase is empty', { secret: 'passphrase' });
  }
  try {
    return unlockWithAccountKeys(header.keyring, await deriveKeys(secret.passphrase, kdf.salt, kdf.params));
  } catch (error) {
    throw fromUnlockError(error, 'passphrase');
  }
}

function fromUnlockError(error: unknown, secret: 'passphrase' | 'recovery-key'): unknown {
  if (isCryptoError(error, 'wrong-passphrase') || isCryptoError(error, 'bad-recovery-key')) {
    const problem = error.meta.problem;
    return new BackupError('wrong-secret', `this ${secret.replace('-', ' ')} does not open this backup`, {
      secret,
      ...(problem === undefined ? {} : { problem }),
    });
  }
  // The right secret, yet a wrap or the identity does not authenticate: the header was altered.
  if (isCryptoError(error)) return new BackupError('tampered', 'the backup’s keys were altered');
  return error;
}

/** The file key; any failure, with a vault key that opened this header's keyring, is an altered header. */
export function openBackupFileKey(
  header: BackupHeader,
  vaultKey: SymmetricKey,
  streamHeader: Uint8Array,
): SymmetricKey {
  try {
    return unwrapBackupFileKey(header.fileKey, vaultKey, streamHeader);
  } catch {
    throw new BackupError('tampered', 'the backup’s file key was altered');
  }
}
