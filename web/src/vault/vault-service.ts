/**
 * The vault's life cycle on this device: create, unlock, recover, change passphrase, lock.
 * The keyring (wrapped keys only) lives in the `vault` collection; the unlocked session lives in
 * memory only and is dropped on lock.
 */
import { generateSalt } from '../../../shared/crypto/account-keys.ts';
import type { Identity } from '../../../shared/crypto/identity.ts';
import { DEFAULT_KDF_PARAMS, type KdfParams } from '../../../shared/crypto/kdf-params.ts';
import {
  createVaultWithKeys,
  type Keyring,
  keyringKdf,
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
  /** Called after the passphrase changed (change or recovery): sync publishes the new keyring. */
  onKeyringChanged?: (keyring: Keyring, authKey: Uint8Array) => Promise<void>;
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
    await initCrypto();
    const keyring = await this.keyring();
    try {
      const { salt, params } = keyringKdf(keyring);
      const unlocked = unlockWithAccountKeys(keyring, await this.kdf(passphrase, salt, params));
      return { vaultKey: unlocked.vaultKey, identity: unlocked.identity };
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
    await this.setPassphrase(keyring, session, newPassphrase);
    return session;
  }

  /** Asks for the current passphrase again: an unlocked, unattended device must not be enough. */
  async changePassphrase(session: Session, currentPassphrase: string, newPassphrase: string): Promise<void> {
    const keyring = await this.keyring();
    const check = await this.unlock(currentPassphrase);
    if (check.vaultKey.id !== session.vaultKey.id) throw new AppError('wrong-key');
    await this.setPassphrase(keyring, session, newPassphrase);
  }

  private async setPassphrase(keyring: Keyring, session: Session, passphrase: string): Promise<void> {
    const salt = generateSalt();
    const keys = await this.kdf(passphrase, salt, this.params);
    const next = rewrapVaultKey(keyring, session.vaultKey, keys, salt, this.params);
    await this.replaceKeyring(next.keyring);
    await this.onKeyringChanged?.(next.keyring, next.authKey);
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
