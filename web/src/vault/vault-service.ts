/**
 * The vault's life cycle on this device: create, unlock, recover, change passphrase, make a new
 * recovery key, lock.
 * The keyring (wrapped keys only) lives in the `vault` collection; the unlocked session lives in
 * memory only and is dropped on lock.
 */
import { generateSalt } from '../../../shared/crypto/account-keys.ts';
import { wipe } from '../../../shared/crypto/bytes.ts';
import type { Identity } from '../../../shared/crypto/identity.ts';
import { DEFAULT_KDF_PARAMS, type KdfParams } from '../../../shared/crypto/kdf-params.ts';
import {
  createVaultWithKeys,
  type Keyring,
  keyringKdf,
  replaceRecoveryKey,
  rewrapVaultKey,
  unlockWithAccountKeys,
  unlockWithRecoveryKey,
} from '../../../shared/crypto/keyring.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { AppError, toAppError } from '../core/app-error.ts';
import type { CarnetDatabase, VaultMeta } from '../db/database.ts';
import type { KdfRunner } from './kdf-runner.ts';

export interface Session {
  readonly vaultKey: SymmetricKey;
  readonly identity: Identity;
}

export const DEFAULT_AUTO_LOCK_MINUTES = 5;
const VAULT_ID = 'vault';

export interface VaultServiceOptions {
  db: CarnetDatabase;
  kdf: KdfRunner;
  params?: KdfParams;
  /**
   * The passphrase is changing: sync publishes the new keyring. With `previousAuthKey` (a change,
   * where the current passphrase was typed) it runs BEFORE the keyring is stored here and may throw
   * to abort the change, so the server and this device never disagree; the server needs a proof by
   * that previous key. After a recovery it is null (the old passphrase is unknown) and this runs
   * after the local change, which always stands.
   */
  onKeyringChanged?: (change: KeyringChange) => Promise<void>;
}

export interface KeyringChange {
  readonly keyring: Keyring;
  /** The new auth key (its public half goes to the server). Wiped once the hook returns. */
  readonly authKey: Uint8Array;
  /** The auth key of the passphrase being replaced; null after a recovery. Wiped after. */
  readonly previousAuthKey: Uint8Array | null;
}

export class VaultService {
  private readonly db: CarnetDatabase;
  private readonly kdf: KdfRunner;
  private readonly params: KdfParams;
  private readonly onKeyringChanged: VaultServiceOptions['onKeyringChanged'];

  constructor(options: VaultServiceOptions) {
    this.db = options.db;
    this.kdf = options.kdf;
    this.params = options.params ?? DEFAULT_KDF_PARAMS;
    this.onKeyringChanged = options.onKeyringChanged;
  }

  async meta(): Promise<VaultMeta | null> {
    const doc = await this.db.vault.findOne(VAULT_ID).exec();
    return doc ? (doc.toMutableJSON() as VaultMeta) : null;
  }

  async exists(): Promise<boolean> {
    return (await this.meta()) !== null;
  }

  /** Creates the vault; the recovery key is returned once and never stored. */
  async create(passphrase: string): Promise<{ session: Session; recoveryKey: string }> {
    if (await this.exists()) throw new AppError('storage', 'a vault already exists on this device');
    await initCrypto();
    const salt = generateSalt();
    const keys = await this.kdf(passphrase, salt, this.params);
    const created = createVaultWithKeys(keys, salt, this.params);
    await this.db.vault.insert({
      id: VAULT_ID,
      keyring: created.keyring,
      autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
      createdAt: new Date().toISOString(),
    });
    return {
      session: { vaultKey: created.vaultKey, identity: created.identity },
      recoveryKey: created.recoveryKey,
    };
  }

  /** Stores a keyring that came from the sync server (signing in on a new device). */
  async adopt(keyring: Keyring): Promise<void> {
    if (await this.exists()) throw new AppError('storage', 'a vault already exists on this device');
    await this.db.vault.insert({
      id: VAULT_ID,
      keyring,
      autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
      createdAt: new Date().toISOString(),
    });
  }

  private async keyring(): Promise<Keyring> {
    const meta = await this.meta();
    if (!meta) throw new AppError('not-found', 'there is no vault on this device');
    return meta.keyring;
  }

  async unlock(passphrase: string): Promise<Session> {
    const { session, authKey } = await this.open(passphrase);
    wipe(authKey);
    return session;
  }

  /** Unlocks and keeps the auth key, which a passphrase change signs its proof with. */
  private async open(passphrase: string): Promise<{ session: Session; authKey: Uint8Array }> {
    await initCrypto();
    const keyring = await this.keyring();
    try {
      const { salt, params } = keyringKdf(keyring);
      const keys = await this.kdf(passphrase, salt, params);
      const unlocked = unlockWithAccountKeys(keyring, keys);
      wipe(keys.keyEncryptionKey.bytes);
      return { session: { vaultKey: unlocked.vaultKey, identity: unlocked.identity }, authKey: keys.authKey };
    } catch (error) {
      throw toAppError(error);
    }
  }

  /** Opens the vault with the recovery key and sets a new passphrase in the same step. */
  async recover(recoveryKey: string, newPassphrase: string): Promise<Session> {
    await initCrypto();
    const keyring = await this.keyring();
    let session: Session;
    try {
      const unlocked = unlockWithRecoveryKey(keyring, recoveryKey);
      session = { vaultKey: unlocked.vaultKey, identity: unlocked.identity };
    } catch (error) {
      throw toAppError(error);
    }
    await this.setPassphrase(keyring, session, newPassphrase, null);
    return session;
  }

  /** Asks for the current passphrase again: an unlocked, unattended device must not be enough. */
  async changePassphrase(session: Session, currentPassphrase: string, newPassphrase: string): Promise<void> {
    const keyring = await this.keyring();
    const check = await this.open(currentPassphrase);
    try {
      if (check.session.vaultKey.id !== session.vaultKey.id) throw new AppError('wrong-key');
      await this.setPassphrase(keyring, session, newPassphrase, check.authKey);
    } finally {
      wipe(check.authKey);
    }
  }

  /**
   * Wraps the vault key under a new recovery key; the old one stops working here and, with sync on,
   * on the server (which takes the new keyring only with a fresh proof by the current passphrase's
   * auth key, so it is asked for again). Returns the new key, to be shown and confirmed.
   */
  async newRecoveryKey(session: Session, passphrase: string): Promise<string> {
    const keyring = await this.keyring();
    const check = await this.open(passphrase);
    const authKey = check.authKey.slice();
    try {
      if (check.session.vaultKey.id !== session.vaultKey.id) throw new AppError('wrong-key');
      const next = replaceRecoveryKey(keyring, session.vaultKey);
      // The passphrase stays: the login key does not change, the proof is by that same key.
      await this.onKeyringChanged?.({ keyring: next.keyring, authKey, previousAuthKey: check.authKey });
      await this.replaceKeyring(next.keyring);
      return next.recoveryKey;
    } finally {
      wipe(authKey);
      wipe(check.authKey);
    }
  }

  private async setPassphrase(
    keyring: Keyring,
    session: Session,
    passphrase: string,
    previousAuthKey: Uint8Array | null,
  ): Promise<void> {
    const salt = generateSalt();
    const keys = await this.kdf(passphrase, salt, this.params);
    const next = rewrapVaultKey(keyring, session.vaultKey, keys, salt, this.params);
    wipe(keys.keyEncryptionKey.bytes);
    const change = { keyring: next.keyring, authKey: next.authKey, previousAuthKey };
    try {
      if (previousAuthKey) {
        await this.onKeyringChanged?.(change);
        await this.replaceKeyring(next.keyring);
      } else {
        await this.replaceKeyring(next.keyring);
        await this.onKeyringChanged?.(change);
      }
    } finally {
      wipe(next.authKey);
    }
  }

  /** Stores a keyring for this same vault (after a passphrase change here or on another device). */
  async replaceKeyring(keyring: Keyring): Promise<void> {
    const doc = await this.db.vault.findOne(VAULT_ID).exec();
    if (!doc) throw new AppError('not-found');
    await doc.incrementalPatch({ keyring });
  }

  async setAutoLockMinutes(minutes: number): Promise<void> {
    const doc = await this.db.vault.findOne(VAULT_ID).exec();
    await doc?.incrementalPatch({ autoLockMinutes: Math.max(0, Math.round(minutes)) });
  }
}
