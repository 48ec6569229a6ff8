/**
 * Wires the sync library (web/src/sync) into the app: conflict handlers that can decrypt while the
 * vault is unlocked, the encrypted credentials kept in the `syncstate` collection, and one
 * replication that runs only while unlocked. Only ciphertext ever leaves the device.
 */
import { type Accessor, createSignal } from 'solid-js';
import { authKeyPair } from '../../../shared/crypto/auth-proof.ts';
import type { Keyring } from '../../../shared/crypto/keyring.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { keyringUpdateRequestSchema } from '../../../shared/protocol/account.ts';
import { AppError, toAppError } from '../core/app-error.ts';
import type { CarnetDatabase, EnvelopeConflictHandlers } from '../db/database.ts';
import { ApiClient } from '../sync/api-client.ts';
import { createConflictHandlers } from '../sync/conflict-handler.ts';
import { type SyncHandle, startReplication } from '../sync/replication.ts';
import { saveConflictCopy } from '../sync/save-conflict-copy.ts';
import {
  openSyncCredentials,
  type SyncCredentials,
  sealSyncCredentials,
  signInOnThisDevice,
  turnOnSync,
} from '../sync/sync-credentials.ts';
import { isSyncError } from '../sync/sync-error.ts';
import { type SyncKeys, syncKeysFromDatabase } from '../sync/sync-keys.ts';
import type { SyncStatus } from '../sync/sync-status.ts';
import type { KdfRunner } from '../vault/kdf-runner.ts';
import type { Session } from '../vault/vault-service.ts';

const STATE_ID = 'sync';

/** Created before the database (which needs the conflict handlers), attached to it after. */
export interface SyncWiring {
  readonly conflictHandlers: EnvelopeConflictHandlers;
  attach(db: CarnetDatabase): void;
  setSession(session: Session | null): void;
}

export function createSyncWiring(): SyncWiring {
  let db: CarnetDatabase | null = null;
  let session: Session | null = null;
  let keys: SyncKeys | null = null;
  return {
    conflictHandlers: createConflictHandlers({
      getKeys: () => {
        if (!db || !session) return null;
        keys ??= syncKeysFromDatabase(db, session.vaultKey);
        return keys;
      },
      saveCopy: async (envelope) => {
        if (db) await saveConflictCopy(db, envelope);
      },
    }),
    attach(next) {
      db = next;
    },
    setSession(next) {
      session = next;
      keys = null;
    },
  };
}

/** Maps sync failures onto the reasons the UI explains. */
export function toSyncAppError(error: unknown): AppError {
  if (isSyncError(error)) {
    if (error.reason === 'offline') return new AppError('sync-offline', error.message);
    if (error.reason === 'rate-limited') return new AppError('sync-rate-limited', error.message);
    if (error.reason === 'account-exists') return new AppError('sync-email-taken', error.message);
    // One answer for an unknown email and a wrong passphrase: accounts cannot be enumerated.
    if (error.reason === 'unauthorized') return new AppError('wrong-passphrase', error.message);
    return new AppError('sync-failed', error.message, { reason: error.reason });
  }
  return toAppError(error);
}

export interface SyncController {
  status: Accessor<SyncStatus | null>;
  email: Accessor<string | null>;
  /** Starts syncing if this device has credentials. */
  resume(session: Session): Promise<void>;
  turnOn(session: Session, keyring: Keyring, email: string, passphrase: string): Promise<void>;
  signIn(
    email: string,
    passphrase: string,
  ): Promise<{ session: Session; keyring: Keyring; credentials: SyncCredentials }>;
  /** After signIn, once the vault is stored: keep the credentials (resume then starts syncing). */
  remember(session: Session, credentials: SyncCredentials): Promise<void>;
  retry(): void;
  /**
   * After a passphrase change: gives the server the new keyring and login key, so signing in on
   * another device takes the new passphrase. Best effort: offline, it is retried on the next resume.
   */
  publishKeyring(keyring: Keyring, authKey: Uint8Array): Promise<void>;
  /**
   * The server refused this device's session (the passphrase was changed on another device, or it
   * expired): signs in again with the account's current passphrase and returns the account's keyring,
   * which the caller stores once it has checked that it opens this same vault.
   */
  signInAgain(session: Session, passphrase: string): Promise<Keyring>;
  /** Stops replicating (on lock); credentials stay. */
  stop(): void;
  /** The API signed in as this device while sync runs, else null (emergency access log). */
  signedInApi(): ApiClient | null;
  /** The session token while syncing, for other server features (shares); null when sync is off. */
  token(): string | null;
  turnOff(): Promise<void>;
  /** The server session while signed in (teleconsultation asks the server for call tokens with it). */
  session(): { serverUrl: string; token: string } | null;
}

export interface SyncControllerOptions {
  db: CarnetDatabase;
  wiring: SyncWiring;
  serverUrl: string;
  kdf: KdfRunner;
}

export function createSyncController(options: SyncControllerOptions): SyncController {
  const { db, wiring } = options;
  const [status, setStatus] = createSignal<SyncStatus | null>(null);
  const [email, setEmail] = createSignal<string | null>(null);
  let handle: SyncHandle | null = null;
  let credentials: SyncCredentials | null = null;
  let pendingUpload: { keyring: Keyring; authPublicKey: string } | null = null;
  // Bumped by every stop: a resume still reading its credentials must not start after one.
  let epoch = 0;

  const api = (token: string | null = null) => new ApiClient({ baseUrl: options.serverUrl, token });

  function run(session: Session, creds: SyncCredentials): void {
    stop();
    credentials = creds;
    wiring.setSession(session);
    setEmail(creds.email);
    setStatus({ state: 'syncing' });
    // A stopped replication may still report once while it winds down: only the current one counts.
    const token = epoch;
    handle = startReplication({
      db,
      api: api(creds.token),
      onStatus: (next) => {
        if (epoch === token) setStatus(next);
      },
      identifier: `carnet-sync-${creds.serverUrl}`,
    });
  }

  async function save(session: Session, creds: SyncCredentials): Promise<void> {
    await db.syncstate.upsert({ id: STATE_ID, sealed: sealSyncCredentials(creds, session.vaultKey) });
  }

  function stop(): void {
    epoch++;
    const current = handle;
    handle = null;
    wiring.setSession(null);
    void current?.stop();
  }

  return {
    status,
    email,
    signedInApi: () => (credentials && status() !== null ? api(credentials.token) : null),
    async resume(session) {
      const started = epoch;
      const doc = await db.syncstate.findOne(STATE_ID).exec();
      if (!doc || epoch !== started) return;
      const creds = openSyncCredentials(doc.sealed, session.vaultKey);
      if (pendingUpload) {
        const upload = keyringUpdateRequestSchema.parse(pendingUpload);
        await api(creds.token)
          .putKeyring(upload)
          .then(() => {
            pendingUpload = null;
          })
          .catch(() => undefined);
      }
      if (epoch !== started) return;
      run(session, creds);
    },
    async turnOn(session, keyring, address, passphrase) {
      try {
        const creds = await turnOnSync({
          api: api(),
          email: address,
          keyring,
          proof: { passphrase, kdf: options.kdf },
        });
        await save(session, creds);
        run(session, creds);
      } catch (error) {
        throw toSyncAppError(error);
      }
    },
    async signIn(address, passphrase) {
      try {
        // A fresh device has loaded nothing yet: creating or unlocking a vault is what usually does.
        await initCrypto();
        return await signInOnThisDevice({ api: api(), email: address, passphrase, kdf: options.kdf });
      } catch (error) {
        throw toSyncAppError(error);
      }
    },
    async remember(session, creds) {
      await save(session, creds);
    },
    retry() {
      handle?.reSync();
    },
    async publishKeyring(keyring, authKey) {
      if (!credentials) return;
      const upload = { keyring, authPublicKey: authKeyPair(authKey).publicKey };
      try {
        await api(credentials.token).putKeyring(keyringUpdateRequestSchema.parse(upload));
      } catch (error) {
        pendingUpload = upload;
        throw toSyncAppError(error);
      }
    },
    async signInAgain(session, passphrase) {
      const address = credentials?.email ?? email();
      if (!address) throw new AppError('sync-failed', 'sync is not on');
      try {
        const signed = await signInOnThisDevice({ api: api(), email: address, passphrase, kdf: options.kdf });
        if (signed.session.vaultKey.id !== session.vaultKey.id) {
          throw new AppError('wrong-key', 'this account holds another vault');
        }
        await save(session, signed.credentials);
        run(session, signed.credentials);
        return signed.keyring;
      } catch (error) {
        throw toSyncAppError(error);
      }
    },
    stop() {
      stop();
      setStatus(null);
    },
    token: () => (handle ? (credentials?.token ?? null) : null),
    async turnOff() {
      const token = credentials?.token ?? null;
      stop();
      setStatus(null);
      setEmail(null);
      credentials = null;
      await db.syncstate.findOne(STATE_ID).remove();
      // Best effort: the server forgets this device's session; offline, it simply expires.
      await api(token)
        .logout()
        .catch(() => undefined);
    },
    session() {
      if (!credentials || status() === null) return null;
      return { serverUrl: credentials.serverUrl, token: credentials.token };
    },
  };
}

export function requireSync(controller: SyncController | null): SyncController {
  if (!controller) throw new AppError('sync-failed', 'sync is not available in this build');
  return controller;
}
