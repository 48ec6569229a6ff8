/**
 * The account keyring: everything needed to go from a passphrase (or the recovery key) to the
 * vault key and identity. It holds no secret in clear, so it is safe to store on the device and
 * upload to the sync server (docs/architecture.md §3).
 *
 *   passphrase ─Argon2id─▶ root ─kdf─▶ key-encryption key ─wraps─▶ vault key ─wraps─▶ identity, profile keys
 *                                  └─kdf─▶ auth key (to the server, which stores only a verifier)
 *   recovery key ─────────────────────────────────────────wraps─▶ vault key
 *
 * Changing the passphrase, recovering or making a new recovery key re-wraps only the vault key:
 * records never need re-encrypting.
 */
import { type AccountKeys, accountKeysFromPassphrase, generateSalt } from './account-keys.ts';
import { fromBase64, toBase64 } from './encoding.ts';
import { CryptoError } from './errors.ts';
import {
  generateIdentity,
  type Identity,
  unwrapIdentity,
  type WrappedIdentity,
  wrapIdentity,
} from './identity.ts';
import { DEFAULT_KDF_PARAMS, decodeKdfParams, encodeKdfParams, type KdfParams } from './kdf-params.ts';
import { unwrapSecret, type WrappedSecret, wrapSecret } from './key-wrap.ts';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from './recovery-key.ts';
import { generateKey, type SymmetricKey, symmetricKey } from './symmetric-key.ts';

export const KEYRING_VERSION = 1;
const VAULT_LABEL = 'vault-key';

export interface Keyring {
  readonly v: number;
  /** Encoded KDF parameters, e.g. `kdf1$argon2id13$m=65536$t=3`. */
  readonly kdf: string;
  readonly salt: string;
  readonly vaultKeyByPassphrase: WrappedSecret;
  readonly vaultKeyByRecoveryKey: WrappedSecret;
  readonly identity: WrappedIdentity;
}

export interface UnlockedVault {
  readonly vaultKey: SymmetricKey;
  readonly identity: Identity;
}

export interface CreatedVault extends UnlockedVault {
  readonly keyring: Keyring;
  /** Shown to the user once; never stored. */
  readonly recoveryKey: string;
  readonly authKey: Uint8Array;
}

function checkVersion(keyring: Keyring): void {
  if (keyring.v !== KEYRING_VERSION) {
    throw new CryptoError('unsupported-version', `unsupported keyring version ${keyring.v}`, {
      version: keyring.v,
    });
  }
}

export function createVault(passphrase: string, params: KdfParams = DEFAULT_KDF_PARAMS): CreatedVault {
  const salt = generateSalt();
  return createVaultWithKeys(accountKeysFromPassphrase(passphrase, salt, params), salt, params);
}

/** As `createVault`, with the Argon2id step already done (the web app runs it in a Worker). */
export function createVaultWithKeys(
  accountKeys: AccountKeys,
  salt: Uint8Array,
  params: KdfParams,
): CreatedVault {
  const vaultKey = generateKey();
  const recovery = generateKey();
  const identity = generateIdentity();
  const keyring: Keyring = {
    v: KEYRING_VERSION,
    kdf: encodeKdfParams(params),
    salt: toBase64(salt),
    vaultKeyByPassphrase: wrapSecret(vaultKey.bytes, accountKeys.keyEncryptionKey, VAULT_LABEL),
    vaultKeyByRecoveryKey: wrapSecret(vaultKey.bytes, recovery, VAULT_LABEL),
    identity: wrapIdentity(identity, vaultKey),
  };
  return {
    keyring,
    vaultKey,
    identity,
    authKey: accountKeys.authKey,
    recoveryKey: formatRecoveryKey(recovery),
  };
}

function openVault(keyring: Keyring, vaultKey: SymmetricKey): UnlockedVault {
  return { vaultKey, identity: unwrapIdentity(keyring.identity, vaultKey) };
}

/** Throws `wrong-passphrase` for a wrong passphrase, `tampered` if the keyring was altered. */
export function unlockWithPassphrase(
  keyring: Keyring,
  passphrase: string,
): UnlockedVault & { authKey: Uint8Array } {
  const { salt, params } = keyringKdf(keyring);
  return unlockWithAccountKeys(keyring, accountKeysFromPassphrase(passphrase, salt, params));
}

/** The salt and parameters to run Argon2id with for this keyring (validated: no downgrade). */
export function keyringKdf(keyring: Keyring): { salt: Uint8Array; params: KdfParams } {
  checkVersion(keyring);
  return { salt: fromBase64(keyring.salt, 'salt'), params: decodeKdfParams(keyring.kdf) };
}

/** As `unlockWithPassphrase`, with the Argon2id step already done. */
export function unlockWithAccountKeys(
  keyring: Keyring,
  accountKeys: AccountKeys,
): UnlockedVault & { authKey: Uint8Array } {
  checkVersion(keyring);
  const bytes = unwrapSecret(
    keyring.vaultKeyByPassphrase,
    accountKeys.keyEncryptionKey,
    VAULT_LABEL,
    'wrong-passphrase',
  );
  return { ...openVault(keyring, symmetricKey(bytes)), authKey: accountKeys.authKey };
}

/** Throws `bad-recovery-key` for a typo (checksum) or a key of another vault. */
export function unlockWithRecoveryKey(keyring: Keyring, typedRecoveryKey: string): UnlockedVault {
  checkVersion(keyring);
  const recovery = parseRecoveryKey(typedRecoveryKey);
  const bytes = unwrapSecret(keyring.vaultKeyByRecoveryKey, recovery, VAULT_LABEL, 'bad-recovery-key');
  return openVault(keyring, symmetricKey(bytes));
}

/**
 * Re-wraps the vault key under a new passphrase (fresh salt, possibly stronger parameters).
 * The recovery wrap, identity and every record stay as they are.
 */
export function changePassphrase(
  keyring: Keyring,
  vaultKey: SymmetricKey,
  newPassphrase: string,
  params: KdfParams = DEFAULT_KDF_PARAMS,
): { keyring: Keyring; authKey: Uint8Array } {
  const salt = generateSalt();
  return rewrapVaultKey(
    keyring,
    vaultKey,
    accountKeysFromPassphrase(newPassphrase, salt, params),
    salt,
    params,
  );
}

/** As `changePassphrase`, with the Argon2id step (over a fresh salt) already done. */
export function rewrapVaultKey(
  keyring: Keyring,
  vaultKey: SymmetricKey,
  accountKeys: AccountKeys,
  salt: Uint8Array,
  params: KdfParams,
): { keyring: Keyring; authKey: Uint8Array } {
  checkVersion(keyring);
  if (keyring.identity.boxSecretKey.by !== vaultKey.id) {
    throw new CryptoError('wrong-key', 'this is not the vault key of this keyring');
  }
  return {
    keyring: {
      ...keyring,
      kdf: encodeKdfParams(params),
      salt: toBase64(salt),
      vaultKeyByPassphrase: wrapSecret(vaultKey.bytes, accountKeys.keyEncryptionKey, VAULT_LABEL),
    },
    authKey: accountKeys.authKey,
  };
}

/**
 * Wraps the vault key under a fresh recovery key, replacing the old wrap: from then on the old
 * recovery key opens nothing. The passphrase wrap, identity and records stay as they are.
 */
export function replaceRecoveryKey(
  keyring: Keyring,
  vaultKey: SymmetricKey,
): { keyring: Keyring; recoveryKey: string } {
  checkVersion(keyring);
  if (keyring.identity.boxSecretKey.by !== vaultKey.id) {
    throw new CryptoError('wrong-key', 'this is not the vault key of this keyring');
  }
  const recovery = generateRecoveryKey();
  return {
    keyring: { ...keyring, vaultKeyByRecoveryKey: wrapSecret(vaultKey.bytes, recovery.key, VAULT_LABEL) },
    recoveryKey: recovery.text,
  };
}
