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
import { AppError } from '../core/app-error.ts';
import type { CarnetDatabase, EnvelopeConflictHandlers } from '../db/database.ts';
import { protocolVerdict } from '../server/protocol-verdict.ts';
import { createServer, type Server } from '../server/server.ts';
import { toUserError } from '../server/server-app-error.ts';
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
import { type SyncKeys, syncKeysFromDatabase } from '../sync/sync-keys.ts';
import type { SyncStatus } from '../sync/sync-status.ts';
import type { KdfRunner } from '../vault/kdf-runner.ts';
import type { Session } from '../vault/vault-service.ts';

const STATE_ID = 'sync';

/** Created before the database (which needs the conflict handlers), attached to it after. */
export interface SyncWiring {
  readonly conflictHandlers: EnvelopeConflictHandlers;
  /** The unlocked session's keys (conflict handlers, pull guard), or null. */
  getKeys(): SyncKeys | null;
  attach(db: CarnetDatabase): void;
  setSession(session: Session | null): void;
}

export function createSyncWiring(): SyncWiring {
  let db: CarnetDatabase | null = null;
  let session: Session | null = null;
  let keys: SyncKeys | null = null;
  const getKeys = (): SyncKeys | null => {
    if (!db || !session) return null;
    keys ??= syncKeysFromDatabase(db, session.vaultKey);
    return keys;
  };
  return {
    getKeys,
    conflictHandlers: createConflictHandlers({
      getKeys,
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
  /** The server signed in as this device while sync is on, else null (shares, calls, access log). */
  server(): Server | null;
  turnOff(): Promise<void>;
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

  const anonymous = createServer({ baseUrl: options.serverUrl });
  // One Server per session token, so reactive readers of `server()` see the same object until it changes.
  let signedIn: Server | null = null;
  const as = (token: string): Server => {
    if (signedIn?.token !== token) signedIn = anonymous.withToken(token);
    return signedIn;
  };

  function run(session: Session, creds: SyncCredentials): void {
    stop();
    credentials = creds;
    wiring.setSession(session);
    setEmail(creds.email);
    setStatus({ state: 'syncing' });
    // A stopped replication may still report once while it winds down: only the current one counts.
    const token = epoch;
    const server = as(creds.token);
    // A server speaking another protocol version would refuse or misread what this app sends.
    void protocolVerdict(server).then((verdict) => {
      if (epoch !== token) return;
      if (verdict === 'mismatch') {
        setStatus({ state: 'outdated' });
        return;
      }
      handle = startReplication({
        db,
        api: server.replication,
        onStatus: (next) => {
          if (epoch === token) setStatus(next);
        },
        identifier: `carnet-sync-${creds.serverUrl}`,
        getKeys: wiring.getKeys,
      });
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
    server: () => (credentials && status() !== null ? as(credentials.token) : null),
    async resume(session) {
      const started = epoch;
      const doc = await db.syncstate.findOne(STATE_ID).exec();
      if (!doc || epoch !== started) return;
      const creds = openSyncCredentials(doc.sealed, session.vaultKey);
      if (pendingUpload) {
        const upload = keyringUpdateRequestSchema.parse(pendingUpload);
        await as(creds.token)
          .account.putKeyring(upload)
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
          api: anonymous.account,
          email: address,
          keyring,
          proof: { passphrase, kdf: options.kdf },
        });
        await save(session, creds);
        run(session, creds);
      } catch (error) {
        throw toUserError(error);
      }
    },
    async signIn(address, passphrase) {
      try {
        // A fresh device has loaded nothing yet: creating or unlocking a vault is what usually does.
        await initCrypto();
        return await signInOnThisDevice({
          api: anonymous.account,
          email: address,
          passphrase,
          kdf: options.kdf,
        });
      } catch (error) {
        throw toUserError(error);
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
        await as(credentials.token).account.putKeyring(keyringUpdateRequestSchema.parse(upload));
      } catch (error) {
        pendingUpload = upload;
        throw toUserError(error);
      }
    },
    async signInAgain(session, passphrase) {
      const address = credentials?.email ?? email();
      if (!address) throw new AppError('sync-failed', 'sync is not on');
      try {
        const signed = await signInOnThisDevice({
          api: anonymous.account,
          email: address,
          passphrase,
          kdf: options.kdf,
        });
        if (signed.session.vaultKey.id !== session.vaultKey.id) {
          throw new AppError('wrong-key', 'this account holds another vault');
        }
        await save(session, signed.credentials);
        run(session, signed.credentials);
        return signed.keyring;
      } catch (error) {
        throw toUserError(error);
      }
    },
    stop() {
      stop();
      setStatus(null);
    },
    async turnOff() {
      const token = credentials?.token ?? null;
      stop();
      setStatus(null);
      setEmail(null);
      credentials = null;
      await db.syncstate.findOne(STATE_ID).remove();
      // Best effort: the server forgets this device's session; offline, it simply expires.
      if (token)
        await as(token)
          .account.logout()
          .catch(() => undefined);
    },
  };
}

export function requireSync(controller: SyncController | null): SyncController {
  if (!controller) throw new AppError('sync-failed', 'sync is not available in this build');
  return controller;
}
