/**
 * The app store's shapes (app-store.ts makes it): what the screens read and call, the vault's
 * status, and what the store is made from.
 */
import type { Accessor } from 'solid-js';
import type { Keyring } from '../../../shared/crypto/keyring.ts';
import type { Profile } from '../../../shared/schema/profile.ts';
import type { Now, SetTimer } from '../core/clock.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { Appointments } from '../messaging/appointments.ts';
import type { Messaging } from '../messaging/messaging.ts';
import type { Notifications } from '../notifications/notifications.ts';
import type { Opinions } from '../opinions/opinions.ts';
import type { NewDocument } from '../records/document-service.ts';
import type { ProfileEntry } from '../records/profile-service.ts';
import type { RecordEntry } from '../records/record-service.ts';
import type { DeviceIdentity } from '../records/this-device.ts';
import type { ReminderState } from '../reminders/reminder-state.ts';
import type { Server } from '../server/server.ts';
import type { PendingShareSlot } from '../shares/pending-share.ts';
import type { Sharing } from '../shares/sharing.ts';
import type { SyncStatus } from '../sync/sync-status.ts';
import type { DeviceEvent, DeviceEventKind } from '../vault/device-log.ts';
import type { KdfRunner } from '../vault/kdf-runner.ts';
import type { TermsAcceptance, TermsConsent } from '../vault/terms-acceptance.ts';
import type { Session } from '../vault/vault-service.ts';
import type { WipeTargets } from '../vault/wipe-device.ts';
import type { Closure } from './account-closure.ts';
import type { SyncWiring } from './sync-controller.ts';

/** 'closed': this device was just wiped (account closed or data removed); `closure()` says what went. */
export type VaultStatus = 'loading' | 'no-vault' | 'locked' | 'unlocked' | 'error' | 'closed';

export interface AppStore {
  status: Accessor<VaultStatus>;
  /** 0..1 while a key derivation runs (estimated from the last one), otherwise null. */
  kdfProgress: Accessor<number | null>;
  profiles: Accessor<readonly ProfileEntry[]>;
  activeProfile: Accessor<ProfileEntry | undefined>;
  setActiveProfile(id: string): void;
  /** Records of every profile. */
  records: Accessor<readonly RecordEntry[]>;
  /** Records of the active profile. */
  profileRecords: Accessor<readonly RecordEntry[]>;
  autoLockMinutes: Accessor<number>;
  /** null while sync is off on this device. */
  syncStatus: Accessor<SyncStatus | null>;
  syncEmail: Accessor<string | null>;
  /** The server's resources, signed in as this device, while sync is on; else null. */
  server(): Server | null;

  /**
   * Creates the vault; `consent` (the terms accepted, 18 or over) is kept with it. Without one (tests,
   * older callers) the acceptance is asked after the first unlock.
   */
  createVault(passphrase: string, consent?: TermsConsent): Promise<string>;
  /** The acceptance of the terms kept with this vault, while unlocked; null when none. */
  termsAcceptance: Accessor<TermsAcceptance | null>;
  /** Unlocked, and the current version of the terms is accepted (vault/terms-acceptance.ts). */
  termsAccepted: Accessor<boolean>;
  /** Records the acceptance of the current terms (asked again after a new version), with the account too. */
  acceptTerms(consent: TermsConsent): Promise<void>;
  /**
   * With sync on and no current acceptance here: takes the one recorded with the account, if its
   * signature is this vault's (accepted on another device). True when the terms are now accepted.
   */
  adoptAccountTerms(): Promise<boolean>;
  unlock(passphrase: string): Promise<void>;
  /** The unlock screen is up: load what an unlock needs (libsodium, the KDF worker) meanwhile. */
  prepareUnlock(): void;
  recover(recoveryKey: string, newPassphrase: string): Promise<void>;
  changePassphrase(current: string, next: string): Promise<void>;
  /** What is known of the recovery key while unlocked: null when nothing is (an older vault). */
  recovery: Accessor<RecoveryStatus | null>;
  /** The unconfirmed recovery key, in memory while unlocked, to show and confirm; else null. */
  recoveryPrompt: Accessor<string | null>;
  /** Part of the key was typed back: a usable copy exists; the kept copy is dropped. */
  confirmRecoveryKey(): Promise<void>;
  /** Needs the passphrase; the old recovery key stops working. Returns the new one. */
  newRecoveryKey(passphrase: string): Promise<string>;
  lock(): void;
  setAutoLockMinutes(minutes: number): Promise<void>;
  /** Call on user activity; restarts the auto-lock countdown. */
  touch(): void;
  /**
   * Locks if the idle time has passed by the wall clock. Timers do not run while a device sleeps or
   * a page is frozen, so the layout calls this on wake-up events (visibility, focus, pageshow).
   */
  checkIdle(): void;

  /** Registers this vault on the server (same origin) and starts syncing; needs the passphrase again. */
  turnOnSync(email: string, passphrase: string): Promise<void>;
  /** With no vault on this device: downloads the keyring, unlocks, and pulls the whole record. */
  signInOnThisDevice(email: string, passphrase: string): Promise<void>;
  retrySync(): void;
  /** After the server refused this device (passphrase changed elsewhere): sign in again. */
  signInAgain(passphrase: string): Promise<void>;
  /** Signs this device out of the server and stops syncing; local data stays. */
  turnOffSync(): Promise<void>;
  /** Ends the account's other sessions (a lost device); needs the passphrase. */
  signOutOthers(passphrase: string): Promise<void>;
  /** Signs one other device of the account out (fresh proof by the passphrase). */
  signOutDevice(id: string, passphrase: string): Promise<void>;
  /** Deletes the account and all it stores on the server; sync stops here, local data stays. */
  deleteAccount(passphrase: string): Promise<void>;
  /**
   * Closes the account: the passphrase is checked on this device, then with sync on the server
   * deletes everything (refused offline: then nothing is done), then this device is wiped.
   */
  closeAccount(passphrase: string): Promise<void>;
  /** Wipes this device only (the passphrase checked first); a synced account stays on the server. */
  removeFromThisDevice(passphrase: string): Promise<void>;
  /** After closeAccount or removeFromThisDevice (status 'closed'): what was deleted. */
  closure: Accessor<Closure | null>;
  /** Ciphertext bytes the account stores on the server, and its quota; null when unknown. */
  syncStorage(): Promise<{ used: number; limit: number } | null>;
  /**
   * Notes what this device did for the access history (vault/device-log.ts): a backup, an export.
   * Best effort: a failure to note never fails the action itself.
   */
  noteDeviceEvent(kind: DeviceEventKind, profileId?: string): Promise<void>;
  /** This device's own events, newest first; empty while locked. */
  deviceLog(): Promise<DeviceEvent[]>;
  /** This device's reminder settings and log (reminders/reminder-state.ts); null while locked. */
  reminderState(): Promise<ReminderState | null>;
  /** Changes them, one change at a time; null while locked (nothing changed). */
  updateReminders(change: (state: ReminderState) => ReminderState): Promise<ReminderState | null>;
  /** After a recovery with sync on: the server still has the old passphrase's keyring. */
  syncKeyringBehind: Accessor<boolean>;

  createProfile(profile: Profile): Promise<ProfileEntry>;
  updateProfile(id: string, profile: Profile): Promise<ProfileEntry>;
  deleteProfile(id: string): Promise<void>;

  addRecord(input: unknown): Promise<RecordEntry>;
  /** With `expectedRev`, refuses (reason `conflict`) if the entry changed since the form opened. */
  updateRecord(id: string, input: unknown, expectedRev?: number): Promise<RecordEntry>;
  deleteRecord(id: string): Promise<void>;
  /** This device as the stamps of its saves name it (records/saved-stamp.ts). */
  thisDevice(): DeviceIdentity;
  addDocument(doc: NewDocument): Promise<RecordEntry>;
  readDocument(entry: RecordEntry): Promise<Uint8Array>;

  /** Sharing with practitioners (shares/): made on unlock with the keys it needs, dropped on lock. */
  sharing: Accessor<Sharing | null>;
  /** Messaging (messaging/): made on unlock with the keys it needs, dropped on lock. */
  messaging: Accessor<Messaging | null>;
  /** The in-app notices (notifications/): made on unlock, dropped on lock. */
  notifications: Accessor<Notifications | null>;
  /** Appointments (messaging/appointments.ts): made on unlock with the identity, dropped on lock. */
  appointments: Accessor<Appointments | null>;
  /** Second opinions (opinions/): made on unlock with the identity keys, dropped on lock. */
  opinions: Accessor<Opinions | null>;
  /** The share a practitioner is opening: kept across the unlock screen, never stored. */
  pendingShare: PendingShareSlot;

  /** Backup and restore (web/src/backup): the database, the KDF, and the open session if any. */
  backupAccess(): BackupAccess;
  /** Opens the session of a vault just restored on this device (its keyring already stored). */
  openRestored(session: Session): Promise<void>;
}

export interface RecoveryStatus {
  /** When the current recovery key was made; null when not known. */
  readonly madeAt: string | null;
  readonly confirmed: boolean;
}

export interface BackupAccess {
  readonly db: CarnetDatabase;
  readonly kdf: KdfRunner;
  readonly session: Session | null;
  readonly keyring: () => Promise<Keyring | null>;
}

export interface AppStoreOptions {
  db: CarnetDatabase;
  kdf: KdfRunner;
  /** Injected so tests can use fake timers; defaults to the real clock. */
  setTimer?: SetTimer;
  now?: Now;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Starts the next key derivation's worker ahead (the browser's runner); absent in tests. */
  prepareKdf?: () => void;
  /** Sync with the server at `serverUrl`; without it the app is local-only. */
  sync?: { wiring: SyncWiring; serverUrl: string };
  /** What a device wipe clears besides the database; the browser's own by default. */
  wipeTargets?: Omit<WipeTargets, 'db'>;
  /** Where tabs of this vault hear of a wipe (tests give two stores one name). */
  closureChannel?: string;
  /** The address's fragment when the page started; read now when not given. */
  initialShareHash?: string;
}
