/**
 * The app's state while it runs: vault status, the unlocked session (in memory only), decrypted
 * profiles and records (live from RxDB), the active profile, and auto-lock. UI components read
 * accessors and call actions; they never touch RxDB or crypto directly. Its shapes are in
 * app-store-types.ts.
 */

import type { Subscription } from 'rxjs';
import { createMemo, createSignal } from 'solid-js';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { requestPersistentStorage } from '../backup/durable-storage.ts';
import { AppError } from '../core/app-error.ts';
import { realTimer } from '../core/clock.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { type Appointments, createAppointments } from '../messaging/appointments.ts';
import { createMessaging, type Messaging } from '../messaging/messaging.ts';
import { createNotifications, type Notifications } from '../notifications/notifications.ts';
import { createOpinions, type Opinions } from '../opinions/opinions.ts';
import { watchReports } from '../opinions/report-watch.ts';
import { DocumentService } from '../records/document-service.ts';
import { openedPlaintext } from '../records/opened-plaintext.ts';
import { orderProfiles } from '../records/profile-order.ts';
import { type ProfileEntry, ProfileService } from '../records/profile-service.ts';
import { type RecordEntry, RecordService } from '../records/record-service.ts';
import { lazyDevice, stampNow } from '../records/this-device.ts';
import { loadReminderState, updateReminderState } from '../reminders/reminder-state.ts';
import { createPendingShare, startingShareHash } from '../shares/pending-share.ts';
import { createSharing, type Sharing } from '../shares/sharing.ts';
import type { SharingDeps } from '../shares/sharing-deps.ts';
import { appendDeviceEvent, type DeviceEventKind, readDeviceLog } from '../vault/device-log.ts';
import { loadRecoveryState, type RecoveryState, saveRecoveryState } from '../vault/recovery-state.ts';
import {
  isTermsCurrent,
  loadTermsAcceptance,
  saveTermsAcceptance,
  TERMS_VERSION,
  type TermsAcceptance,
  type TermsConsent,
} from '../vault/terms-acceptance.ts';
import { DEFAULT_AUTO_LOCK_MINUTES, type Session, VaultService } from '../vault/vault-service.ts';
import { wipeSession } from '../vault/wipe-session.ts';
import { browserWipeTargets, createAccountClosure } from './account-closure.ts';
import type { AppStore, AppStoreOptions, VaultStatus } from './app-store-types.ts';
import { createKdfProgress } from './kdf-progress.ts';
import { createRecordDecryptor, liveProfiles } from './live-records.ts';
import { createOnline } from './online.ts';
import { createSyncController, requireSync, type SyncController } from './sync-controller.ts';
import { acceptanceFromRecord, signedTermsRecord } from './terms-record.ts';

const SHARES_STATE_ID = 'shares';
const MESSAGE_PINS_ID = 'message-pins';
const NOTICES_ID = 'notices';
const MESSAGE_OUTBOX_ID = 'message-outbox';

const ACTIVE_PROFILE_KEY = 'carnet.activeProfile';

export type {
  AppStore,
  AppStoreOptions,
  BackupAccess,
  RecoveryStatus,
  VaultStatus,
} from './app-store-types.ts';

export function createAppStore(options: AppStoreOptions): AppStore {
  const { db } = options;
  const progress = createKdfProgress(options.storage);
  let sync: SyncController | null = null;
  const vault = new VaultService({
    db,
    kdf: progress.wrap(options.kdf),
    // With sync on, a passphrase change reaches the server first, or does not happen (the server
    // takes it only with a proof by the old passphrase, which no later moment will have).
    onKeyringChanged: async (change) => {
      await sync?.publishKeyring(change);
    },
  });
  const thisDeviceNow = lazyDevice();
  const recordService = new RecordService(db, () => stampNow(thisDeviceNow()));
  const documentService = new DocumentService(db, recordService);
  const setTimer = options.setTimer ?? realTimer;

  const [status, setStatus] = createSignal<VaultStatus>('loading');
  const [session, setSession] = createSignal<Session | null>(null);
  const [sharing, setSharing] = createSignal<Sharing | null>(null);
  const [messaging, setMessaging] = createSignal<Messaging | null>(null);
  const [notifications, setNotifications] = createSignal<Notifications | null>(null);
  const [appointments, setAppointments] = createSignal<Appointments | null>(null);
  const [opinions, setOpinions] = createSignal<Opinions | null>(null);
  const pendingShare = createPendingShare(options.initialShareHash ?? startingShareHash());
  const [profiles, setProfiles] = createSignal<readonly ProfileEntry[]>([]);
  const [records, setRecords] = createSignal<readonly RecordEntry[]>([]);
  const [activeId, setActiveId] = createSignal<string | null>(
    options.storage?.getItem(ACTIVE_PROFILE_KEY) ?? null,
  );
  const [autoLockMinutes, setAutoLock] = createSignal(DEFAULT_AUTO_LOCK_MINUTES);
  const [recoveryState, setRecoveryState] = createSignal<RecoveryState | null>(null);
  const [terms, setTerms] = createSignal<TermsAcceptance | null>(null);
  const online = createOnline();

  const now = options.now ?? Date.now;
  sync = options.sync
    ? createSyncController({
        db,
        wiring: options.sync.wiring,
        serverUrl: options.sync.serverUrl,
        kdf: progress.wrap(options.kdf),
      })
    : null;
  let subscriptions: Subscription[] = [];
  let stopReportWatch: (() => void) | null = null;
  let cancelTimer: (() => void) | null = null;
  let lastActivity = now();
  // Bumped by every lock: an unlock that finishes after a lock it did not see is dropped.
  let generation = 0;

  vault.meta().then(
    (meta) => {
      setStatus(meta ? 'locked' : 'no-vault');
      if (meta) setAutoLock(meta.autoLockMinutes);
    },
    // Never guess 'no-vault' here: that would offer to create a vault over an existing one.
    () => setStatus('error'),
  );

  function armAutoLock(): void {
    cancelTimer?.();
    cancelTimer = null;
    lastActivity = now();
    const minutes = autoLockMinutes();
    if (session() && minutes > 0) cancelTimer = setTimer(lock, minutes * 60_000);
  }

  /** Runs an unlock-like step; its session is used only if no lock happened meanwhile. */
  async function opening(open: () => Promise<Session>): Promise<void> {
    const started = generation;
    const next = await open();
    // Read before the session starts, so the first screen already knows whether to ask for it.
    const recovery = await loadRecoveryState(db, next.vaultKey).catch(() => null);
    const accepted = await loadTermsAcceptance(db, next.vaultKey).catch(() => null);
    if (generation !== started) throw new AppError('locked', 'the vault was locked while opening');
    setTerms(accepted);
    start(next);
    setRecoveryState(recovery);
  }

  function start(next: Session): void {
    // One session at a time: end any previous one, so no old subscription can repopulate state.
    if (session()) lock();
    setSession(next);
    setSharing(createSharing(sharingDeps(next)));
    setOpinions(
      createOpinions({
        server: () => sync?.server() ?? null,
        identity: next.identity,
        records: sharingDeps(next).records,
        now,
      }),
    );
    setMessaging(
      createMessaging({
        server: () => sync?.server() ?? null,
        keys: next,
        storage: {
          read: async () => (await db.syncstate.findOne(MESSAGE_PINS_ID).exec())?.sealed ?? null,
          write: async (sealed) => {
            await db.syncstate.upsert({ id: MESSAGE_PINS_ID, sealed });
          },
        },
        outboxStorage: {
          read: async () => (await db.syncstate.findOne(MESSAGE_OUTBOX_ID).exec())?.sealed ?? null,
          write: async (sealed) => {
            await db.syncstate.upsert({ id: MESSAGE_OUTBOX_ID, sealed });
          },
        },
        onMessage: (listener) => sync?.onMessage(listener) ?? (() => undefined),
        now,
      }),
    );
    setNotifications(
      createNotifications({
        vaultKey: next.vaultKey,
        storage: {
          read: async () => (await db.syncstate.findOne(NOTICES_ID).exec())?.sealed ?? null,
          write: async (sealed) => {
            await db.syncstate.upsert({ id: NOTICES_ID, sealed });
          },
        },
        onMessage: (listener) => sync?.onMessage(listener) ?? (() => undefined),
        hasUnread: async (threadId) =>
          ((await messaging()?.threads()) ?? []).some((t) => t.id === threadId && t.unread > 0),
        currentRoute: () => (typeof location === 'undefined' ? '' : location.pathname),
        now,
      }),
    );
    setAppointments(
      createAppointments({ server: () => sync?.server() ?? null, identity: next.identity, now }),
    );
    // Second-opinion reports arrive without a live event: looked for every two minutes.
    stopReportWatch?.();
    stopReportWatch = watchReports({
      list: async () => {
        const service = opinions();
        if (!service || !sync?.server()) return [];
        return service.list();
      },
      notifyOnce: async (notice) => notifications()?.addOnce(notice),
      setTimer,
      every: 120_000,
    });
    const decrypt = createRecordDecryptor(openedPlaintext(db));
    let latestDocs: StoredEnvelope[] = [];
    subscriptions = [
      liveProfiles(db, next).subscribe((list) => {
        const ordered = orderProfiles(list);
        setProfiles(ordered);
        setRecords(decrypt(latestDocs, ordered));
      }),
      db.records.find().$.subscribe((docs) => {
        latestDocs = docs.map((doc) => doc.toJSON() as StoredEnvelope);
        setRecords(decrypt(latestDocs, profiles()));
      }),
    ];
    setStatus('unlocked');
    armAutoLock();
    // Created, unlocked or restored: ask the browser not to evict the only copy of the record.
    void requestPersistentStorage();
    // Replication runs only while unlocked: conflict resolution needs the keys.
    sync?.resume(next).catch(() => undefined);
  }

  function lock(): void {
    const ended = session();
    const endedProfileKeys = profiles().map((p) => p.key);
    generation++;
    sync?.stop();
    for (const subscription of subscriptions) subscription.unsubscribe();
    subscriptions = [];
    cancelTimer?.();
    cancelTimer = null;
    // Drop every decrypted thing; the garbage collector does the rest. Key bytes are zeroed
    // first-hand (wipe-session.ts says what JavaScript cannot wipe).
    setSession(null);
    setSharing(null);
    messaging()?.dispose();
    setMessaging(null);
    stopReportWatch?.();
    stopReportWatch = null;
    notifications()?.dispose();
    setNotifications(null);
    setAppointments(null);
    setOpinions(null);
    setProfiles([]);
    setRecords([]);
    // Plaintext the pull guard opened and the list had not taken yet (records/opened-plaintext.ts).
    openedPlaintext(db).clear();
    setRecoveryState(null);
    setTerms(null);
    setStatus('locked');
    if (ended) wipeSession(ended, endedProfileKeys);
  }

  async function note(kind: DeviceEventKind, profileId?: string): Promise<void> {
    const current = session();
    if (!current) return;
    const event = { at: now(), kind, ...(profileId ? { profileId } : {}) };
    await appendDeviceEvent(db, current.vaultKey, event).catch(() => undefined);
  }

  function acceptanceNow(consent: TermsConsent): TermsAcceptance {
    return { version: TERMS_VERSION, acceptedAt: new Date(now()).toISOString(), adult: consent.adult };
  }

  function requireSession(): Session {
    const current = session();
    if (!current) throw new AppError('locked', 'the vault is locked');
    return current;
  }

  // Without a choice remembered on this device (a new device, a deleted profile) the account
  // holder opens, never whichever family member the database happens to list first.
  const closing = createAccountClosure({
    db,
    vault,
    sync,
    syncOn: () => (sync?.status() ?? null) !== null,
    endSession: () => {
      lock();
      setStatus('closed');
    },
    targets: options.wipeTargets ?? browserWipeTargets(),
    ...(options.closureChannel ? { channelName: options.closureChannel } : {}),
  });

  const activeProfile = createMemo(() => {
    const list = profiles();
    return list.find((p) => p.id === activeId()) ?? list[0];
  });
  const rememberActive = (id: string) => {
    setActiveId(id);
    options.storage?.setItem(ACTIVE_PROFILE_KEY, id);
  };

  function requireProfile(): ProfileEntry {
    requireSession();
    const profile = activeProfile();
    if (!profile) throw new AppError('not-found', 'no profile yet');
    return profile;
  }

  const profileService = (): ProfileService => new ProfileService(db, requireSession());

  function sharingDeps(keys: Session): SharingDeps {
    return {
      server: () => sync?.server() ?? null,
      keys,
      records: {
        profiles,
        records,
        async importEntry(profileId, record, id) {
          requireSession();
          const profile = profiles().find((p) => p.id === profileId);
          if (!profile) throw new AppError('not-found');
          await recordService.importSigned(profile, record, id);
        },
        async readDocument(recordId) {
          requireSession();
          const entry = records().find((r) => r.id === recordId);
          const profile = profiles().find((p) => p.id === entry?.profileId);
          if (!entry || !profile) throw new AppError('not-found');
          return documentService.read(profile, entry);
        },
        async importDocument(profileId, doc) {
          requireSession();
          const profile = profiles().find((p) => p.id === profileId);
          if (!profile) throw new AppError('not-found');
          if (await db.records.findOne(doc.id).exec()) return;
          await documentService.add(profile, doc);
        },
      },
      storage: {
        read: async () => (await db.syncstate.findOne(SHARES_STATE_ID).exec())?.sealed ?? null,
        write: async (sealed) => {
          await db.syncstate.upsert({ id: SHARES_STATE_ID, sealed });
        },
      },
    };
  }

  return {
    status,
    kdfProgress: progress.value,
    profiles,
    activeProfile,
    setActiveProfile: rememberActive,
    records,
    profileRecords: createMemo(() => {
      const id = activeProfile()?.id;
      return records().filter((r) => r.profileId === id);
    }),
    autoLockMinutes,
    syncStatus: () => {
      const current = sync?.status() ?? null;
      // With no network the status is offline, whatever the last round said.
      if (current === null || online() || current.state === 'offline') return current;
      return current.lastSyncedAt === undefined
        ? { state: 'offline' }
        : { state: 'offline', lastSyncedAt: current.lastSyncedAt };
    },
    syncEmail: () => sync?.email() ?? null,
    server: () => sync?.server() ?? null,

    async turnOnSync(email, passphrase) {
      const controller = requireSync(sync);
      const meta = await vault.meta();
      if (!meta) throw new AppError('not-found');
      const current = requireSession();
      await controller.turnOn(current, meta.keyring, email, passphrase);
      // The account records what was accepted here, so the holder's other devices need not ask.
      const accepted = terms();
      if (accepted) await controller.publishTerms(signedTermsRecord(accepted, current.identity));
    },
    async signInOnThisDevice(email, passphrase) {
      const controller = requireSync(sync);
      if (await vault.exists()) throw new AppError('storage', 'a vault already exists on this device');
      await opening(async () => {
        const signed = await controller.signIn(email, passphrase);
        await vault.adopt(signed.keyring);
        await controller.remember(signed.session, signed.credentials);
        // Accepted on another device of this vault: not asked again here.
        const record = await controller.accountTerms(signed.credentials.token);
        const accepted = acceptanceFromRecord(record, signed.session.identity);
        if (accepted) await saveTermsAcceptance(db, signed.session.vaultKey, accepted);
        return signed.session;
      });
    },
    retrySync() {
      sync?.retry();
    },
    async signInAgain(passphrase) {
      const keyring = await requireSync(sync).signInAgain(requireSession(), passphrase);
      // The account's keyring opens this same vault (checked): from now on the passphrase is the new one.
      await vault.replaceKeyring(keyring);
    },
    async turnOffSync() {
      await requireSync(sync).turnOff();
    },
    async signOutDevice(id, passphrase) {
      await requireSync(sync).signOutDevice(id, passphrase);
    },
    async signOutOthers(passphrase) {
      await requireSync(sync).signOutOthers(passphrase);
    },
    async deleteAccount(passphrase) {
      await requireSync(sync).deleteAccount(passphrase);
    },
    async closeAccount(passphrase) {
      requireSession();
      await closing.closeAccount(passphrase);
    },
    async removeFromThisDevice(passphrase) {
      requireSession();
      await closing.removeFromThisDevice(passphrase);
    },
    closure: closing.closure,
    syncStorage: async () => (await sync?.storage()) ?? null,
    noteDeviceEvent: (kind, profileId) => note(kind, profileId),
    async deviceLog() {
      const current = session();
      return current ? readDeviceLog(db, current.vaultKey) : [];
    },
    async reminderState() {
      const current = session();
      return current ? loadReminderState(db, current.vaultKey, now()) : null;
    },
    async updateReminders(change) {
      const current = session();
      return current ? updateReminderState(db, current.vaultKey, now(), change) : null;
    },
    syncKeyringBehind: () => sync?.keyringBehind() ?? false,

    async createVault(passphrase, consent) {
      let recoveryKey = '';
      await opening(async () => {
        const created = await vault.create(passphrase);
        recoveryKey = created.recoveryKey;
        if (consent) await saveTermsAcceptance(db, created.session.vaultKey, acceptanceNow(consent));
        // Kept (sealed) until confirmed: closing the tab now must not skip the confirmation for good.
        await saveRecoveryState(db, created.session.vaultKey, {
          madeAt: new Date(now()).toISOString(),
          confirmedAt: null,
          pendingKey: created.recoveryKey,
        });
        return created.session;
      });
      return recoveryKey;
    },
    async unlock(passphrase) {
      await opening(async () => {
        const meta = await vault.meta();
        if (meta) setAutoLock(meta.autoLockMinutes);
        return vault.unlock(passphrase);
      });
    },
    prepareUnlock() {
      options.prepareKdf?.();
      void initCrypto().catch(() => undefined);
    },
    async recover(recoveryKey, newPassphrase) {
      await opening(async () => {
        const recovered = await vault.recover(recoveryKey, newPassphrase);
        // The key was just typed in full: it is known to be kept.
        const known = await loadRecoveryState(db, recovered.vaultKey);
        const at = new Date(now()).toISOString();
        await saveRecoveryState(db, recovered.vaultKey, {
          madeAt: known?.madeAt ?? null,
          confirmedAt: at,
          pendingKey: null,
        });
        return recovered;
      });
      await note('recovered');
    },
    async changePassphrase(current, next) {
      await vault.changePassphrase(requireSession(), current, next);
      // With sync on, the server records it (with this device's name); noted here only otherwise.
      if (!sync?.status()) await note('passphrase-changed');
    },
    termsAcceptance: terms,
    termsAccepted: () => status() === 'unlocked' && isTermsCurrent(terms()),
    async acceptTerms(consent) {
      const current = requireSession();
      const acceptance = acceptanceNow(consent);
      await saveTermsAcceptance(db, current.vaultKey, acceptance);
      if (session() === current) setTerms(acceptance);
      await sync?.publishTerms(signedTermsRecord(acceptance, current.identity));
    },
    async adoptAccountTerms() {
      const current = session();
      if (!current || !sync) return false;
      if (isTermsCurrent(terms())) return true;
      const adopted = acceptanceFromRecord(await sync.accountTerms(), current.identity);
      if (!adopted || !isTermsCurrent(adopted) || session() !== current) return false;
      await saveTermsAcceptance(db, current.vaultKey, adopted);
      setTerms(adopted);
      return true;
    },
    recovery: () => {
      const state = recoveryState();
      return state && { madeAt: state.madeAt, confirmed: state.confirmedAt !== null };
    },
    recoveryPrompt: () => recoveryState()?.pendingKey ?? null,
    async confirmRecoveryKey() {
      const current = requireSession();
      const state = recoveryState();
      const confirmed = {
        madeAt: state?.madeAt ?? null,
        confirmedAt: new Date(now()).toISOString(),
        pendingKey: null,
      };
      await saveRecoveryState(db, current.vaultKey, confirmed);
      if (session() === current) setRecoveryState(confirmed);
    },
    async newRecoveryKey(passphrase) {
      const current = requireSession();
      const key = await vault.newRecoveryKey(current, passphrase);
      const made = { madeAt: new Date(now()).toISOString(), confirmedAt: null, pendingKey: key };
      await saveRecoveryState(db, current.vaultKey, made);
      if (session() === current) setRecoveryState(made);
      await note('recovery-key-renewed');
      return key;
    },
    lock,
    async setAutoLockMinutes(minutes) {
      await vault.setAutoLockMinutes(minutes);
      setAutoLock(minutes);
      armAutoLock();
    },
    touch() {
      if (session()) armAutoLock();
    },
    checkIdle() {
      const minutes = autoLockMinutes();
      if (session() && minutes > 0 && now() - lastActivity >= minutes * 60_000) lock();
    },

    async createProfile(profile) {
      // Decided before the insert: the live list may already hold the new profile when it returns.
      const noneChosen = !profiles().some((p) => p.id === activeId());
      const created = await profileService().create(profile);
      // The first profile is remembered as active at once, so it is still the one opened later.
      if (noneChosen) rememberActive(created.id);
      return created;
    },
    async updateProfile(id, profile) {
      const entry = profiles().find((p) => p.id === id);
      if (!entry) throw new AppError('not-found');
      return profileService().update(entry, profile);
    },
    async deleteProfile(id) {
      await profileService().remove(id);
    },

    // async: a locked vault rejects the promise (reason `locked`) rather than throwing synchronously.
    addRecord: async (input) => recordService.add(requireProfile(), input),
    updateRecord: async (id, input, expectedRev) =>
      recordService.update(requireProfile(), id, input, expectedRev),
    deleteRecord: async (id) => {
      requireSession();
      await recordService.remove(id, profiles());
    },
    thisDevice: thisDeviceNow,
    addDocument: async (doc) => documentService.add(requireProfile(), doc),
    async readDocument(entry) {
      requireSession();
      const profile = profiles().find((p) => p.id === entry.profileId);
      if (!profile) throw new AppError('not-found');
      return documentService.read(profile, entry);
    },

    sharing,
    messaging,
    notifications,
    appointments,
    opinions,
    pendingShare,

    backupAccess: () => ({
      db,
      kdf: progress.wrap(options.kdf),
      session: session(),
      keyring: async () => (await vault.meta())?.keyring ?? null,
    }),
    async openRestored(restored) {
      await opening(async () => restored);
    },
  };
}
