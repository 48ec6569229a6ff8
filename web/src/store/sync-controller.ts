/**
 * Wires the sync library (web/src/sync) into the app: conflict handlers that can decrypt while the
 * vault is unlocked, the encrypted credentials kept in the `syncstate` collection, and one
 * replication that runs only while unlocked. Only ciphertext ever leaves the device.
 */
import { type Accessor, createSignal } from 'solid-js';
import { authKeyPair } from '../../../shared/crypto/auth-proof.ts';
import { wipe } from '../../../shared/crypto/bytes.ts';
import { type Keyring, keyringKdf, unlockWithAccountKeys } from '../../../shared/crypto/keyring.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { keyringUpdateRequestSchema, type TermsRecord } from '../../../shared/protocol/account.ts';
import type { MessageEvent } from '../../../shared/protocol/messages.ts';
import { AppError } from '../core/app-error.ts';
import type { CarnetDatabase, EnvelopeConflictHandlers } from '../db/database.ts';
import { lazyDevice, stampNow } from '../records/this-device.ts';
import { freshProof } from '../server/fresh-proof.ts';
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
import type { KeyringChange, Session } from '../vault/vault-service.ts';

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
  const device = lazyDevice();
  const getKeys = (): SyncKeys | null => {
    if (!db || !session) return null;
    keys ??= syncKeysFromDatabase(db, session.vaultKey);
    return keys;
  };
  return {
    getKeys,
    conflictHandlers: createConflictHandlers({
      getKeys,
      stamp: () => stampNow(device()),
      saveCopy: async (envelope) => {
        if (db) await saveConflictCopy(db, envelope);
      },
    }),
    attach(next) {
      db = next;
    },
    setSession(next) {
      session = next;
      keys?.dispose?.();
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
   * A passphrase change: gives the server the new keyring and login key, with a fresh proof signed
   * by the previous auth key, so signing in on another device takes the new passphrase. Throws when
   * the server did not take it (offline, refused): the caller then keeps the old passphrase, so this
   * device and the server never disagree. After a recovery (`previousAuthKey` null) no proof can be
   * made: nothing is sent and `keyringBehind` becomes true.
   */
  publishKeyring(change: KeyringChange): Promise<void>;
  /**
   * True after a recovery on this device while sync is on: the server still holds the keyring of the
   * old passphrase (it accepts a new one only with a proof by the old passphrase, which a recovery
   * does not know), so other devices and new sign-ins keep using the old passphrase.
   */
  keyringBehind: Accessor<boolean>;
  /** Ends every other session of the account; the passphrase signs the fresh proof. */
  signOutOthers(passphrase: string): Promise<void>;
  /** Ends one other session (a device in the list); the passphrase signs the fresh proof. */
  signOutDevice(id: string, passphrase: string): Promise<void>;
  /** Deletes the account and everything it stores on the server; sync then stops here (local data stays). */
  deleteAccount(passphrase: string): Promise<void>;
  /** Ciphertext bytes the account stores on the server and may store; null when unknown. */
  storage(): Promise<{ used: number; limit: number } | null>;
  /** The acceptance of the terms recorded with the account of `token` (or this device's); null if none or unknown. */
  accountTerms(token?: string): Promise<TermsRecord | null>;
  /** Records the acceptance with the account, while sync is on; best effort (false when not sent). */
  publishTerms(record: TermsRecord): Promise<boolean>;
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
  /**
   * Listens to the live stream's `message` events (a thread got a message), and to its
   * reconnections (`null`: events sent meanwhile are not replayed, so refetch); returns the unsubscribe.
   */
  onMessage(listener: (event: MessageEvent | null) => void): () => void;
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
  const messageListeners = new Set<(event: MessageEvent | null) => void>();
  let credentials: SyncCredentials | null = null;
  const [keyringBehind, setKeyringBehind] = createSignal(false);
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
        onMessage: (event) => {
          if (epoch !== token) return;
          for (const listener of messageListeners) listener(event);
        },
        onReconnected: () => {
          if (epoch !== token) return;
          for (const listener of messageListeners) listener(null);
        },
      });
    });
  }

  /**
   * Runs an account change that needs a fresh proof. The auth key is derived from the passphrase
   * with the SERVER's keyring (its salt and KDF), which is the one the server checks against, and
   * tried on it first, so a typo says "wrong passphrase" without spending a nonce.
   */
  async function withProof(
    passphrase: string,
    change: (api: Server['account'], proof: Awaited<ReturnType<typeof freshProof>>) => Promise<unknown>,
  ): Promise<void> {
    const creds = credentials;
    if (!creds) throw new AppError('sync-failed', 'sync is not on');
    const api = as(creds.token).account;
    try {
      const { keyring } = await api.getAccount();
      const { salt, params } = keyringKdf(keyring);
      const keys = await options.kdf(passphrase, salt, params);
      try {
        // Throws wrong-passphrase; what it opens is not needed here.
        const unlocked = unlockWithAccountKeys(keyring, keys);
        wipe(unlocked.vaultKey.bytes);
        wipe(unlocked.identity.box.secretKey);
        wipe(unlocked.identity.sign.secretKey);
        await change(api, await freshProof(api, keys.authKey, creds.email));
      } finally {
        wipe(keys.authKey);
        wipe(keys.keyEncryptionKey.bytes);
      }
    } catch (error) {
      throw toUserError(error);
    }
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
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    async resume(session) {
      const started = epoch;
      const doc = await db.syncstate.findOne(STATE_ID).exec();
      if (!doc || epoch !== started) return;
      const creds = openSyncCredentials(doc.sealed, session.vaultKey);
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
    async publishKeyring({ keyring, authKey, previousAuthKey }) {
      if (!previousAuthKey) {
        // A recovery may run before sync resumed: whether sync is on is what is stored.
        if (credentials || (await db.syncstate.findOne(STATE_ID).exec())) setKeyringBehind(true);
        return;
      }
      const creds = credentials;
      if (!creds) return;
      try {
        const api = as(creds.token).account;
        const proof = await freshProof(api, previousAuthKey, creds.email);
        const upload = { keyring, authPublicKey: authKeyPair(authKey).publicKey, proof };
        await api.putKeyring(keyringUpdateRequestSchema.parse(upload));
        setKeyringBehind(false);
      } catch (error) {
        throw toUserError(error);
      }
    },
    keyringBehind,
    async signOutOthers(passphrase) {
      await withProof(passphrase, (api, proof) => api.signOutOthers(proof));
    },
    async signOutDevice(id, passphrase) {
      await withProof(passphrase, (api, proof) => api.signOutDevice(id, proof));
    },
    async deleteAccount(passphrase) {
      await withProof(passphrase, (api, proof) => api.deleteAccount(proof));
      // Everything is gone on the server, this session included: sync stops here, local data stays.
      stop();
      setStatus(null);
      setEmail(null);
      credentials = null;
      setKeyringBehind(false);
      await db.syncstate.findOne(STATE_ID).remove();
    },
    async storage() {
      if (!credentials) return null;
      try {
        return (await as(credentials.token).account.getAccount()).storage ?? null;
      } catch {
        return null;
      }
    },
    async accountTerms(token) {
      const use = token ?? credentials?.token;
      if (!use) return null;
      try {
        return (await as(use).account.getAccount()).terms ?? null;
      } catch {
        return null;
      }
    },
    async publishTerms(record) {
      if (!credentials) return false;
      try {
        await as(credentials.token).account.putTerms(record);
        return true;
      } catch {
        return false;
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
