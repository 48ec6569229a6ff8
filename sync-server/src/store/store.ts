/**
 * The server's storage, behind one interface with a SQLite and a PostgreSQL implementation
 * (docs/architecture.md §2.3). Both pass the same contract suite (store.contract.ts).
 *
 * Invariants every implementation keeps:
 * - Each account has a strictly increasing `seq`; every document write takes the next value in the
 *   same transaction as the write, under a lock on the account, so a pull by `seq` never skips a
 *   document that commits late (timestamps would).
 * - One push is one transaction: all of its rows are written, or none (profile limit, crash).
 * - Deleting an account removes every row that belongs to it in one transaction (emergency tokens
 *   and openings, access events included).
 * - The store holds envelopes, a keyring (no secret in clear), an Ed25519 public key and hashes of
 *   emails, tokens and nonces: nothing that decrypts, nothing in clear that names a person.
 */
import type { PushRow } from '../../../shared/protocol/replication.ts';
import type { Envelope, EnvelopeKind } from '../../../shared/schema/envelope.ts';
import type { AppointmentStore } from './appointment-store.ts';
import type { DeviceStore } from './device-store.ts';
import type { MessageStore } from './message-store.ts';
import type { OpinionStore } from './opinion-store.ts';
import type { PushSubscriptionStore } from './push-subscription-store.ts';
import type { ShareStore } from './share-store.ts';

export interface NewAccount {
  readonly id: string;
  /** Keyed hash of the normalized email (auth/email-hash.ts). */
  readonly emailHash: string;
  /** The keyring JSON as uploaded (validated by the route). */
  readonly keyringJson: string;
  readonly authPublicKey: string;
  readonly createdAt: number;
}

export interface AccountRecord extends NewAccount {
  /** The last sequence number given to one of this account's documents; 0 before the first write. */
  readonly seq: number;
  /** Ciphertext characters (bytes: base64url is ASCII) of the account's documents, as the quota counts them. */
  readonly storedBytes: number;
  /** The holder's signed acceptance of the terms of use, as uploaded (validated by the route); null before. */
  readonly termsJson: string | null;
}

/** Why the account's owner ended a session from another device; told to that device on its next request. */
export type SessionEndReason = 'keyring-changed' | 'signed-out-elsewhere';

export interface SessionRecord {
  readonly accountId: string;
  readonly expiresAt: number;
  /** The session's random public id (device-store.ts). */
  readonly id: string;
  readonly deviceName: string;
  readonly lastSeenAt: number;
}

/** What a new session says about its device. */
export interface NewSessionDevice {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
}

export interface PullPage {
  readonly documents: Envelope[];
  /** Sequence of the last document returned, or the requested one when nothing is new. */
  readonly checkpoint: number;
}

export interface PushOutcome {
  /** Server copies of the rows that were refused (their assumed revision was not the server's). */
  readonly conflicts: Envelope[];
  /** How many documents this push wrote (retried rows already stored count as none). */
  readonly written: number;
  /** The account's sequence after the push. */
  readonly seq: number;
}

/** What the change feed says about an account: new documents up to `seq`, or the account is gone. */
export type AccountEvent =
  | { readonly type: 'change'; readonly seq: number }
  | { readonly type: 'deleted' }
  | { readonly type: 'message'; readonly threadId: string; readonly seq: number };

export interface EmergencyOpening {
  readonly openedAt: number;
  /** Which registered token was opened: the device maps it back to the profile (tokens are not health data). */
  readonly tokenHash: string;
}

export type EmergencyTokenOutcome = 'registered' | 'taken' | 'no-account';

export type AccountListener = (event: AccountEvent) => void;

export interface Store
  extends ShareStore,
    MessageStore,
    DeviceStore,
    PushSubscriptionStore,
    AppointmentStore,
    OpinionStore {
  readonly kind: 'sqlite' | 'postgres';

  /** False when the email hash is already registered. */
  createAccount(account: NewAccount): Promise<boolean>;
  findAccountByEmailHash(emailHash: string): Promise<AccountRecord | null>;
  getAccount(accountId: string): Promise<AccountRecord | null>;
  /** After a passphrase change. False when the account does not exist. */
  updateKeyring(accountId: string, keyringJson: string, authPublicKey: string): Promise<boolean>;
  /** Records the acceptance of the terms of use (replaces the previous one). False when the account does not exist. */
  setTerms(accountId: string, termsJson: string): Promise<boolean>;
  /** Wipes the account, its sessions, challenges, documents and access events, in one transaction. */
  deleteAccount(accountId: string): Promise<boolean>;

  putChallenge(nonceHash: string, emailHash: string, expiresAt: number): Promise<void>;
  /** Removes the challenge and returns its email hash, if it existed and had not expired: single use. */
  takeChallenge(nonceHash: string, now: number): Promise<string | null>;

  /** Without `device`, the session gets a random id, no name, and `createdAt` 30 days before expiry. */
  createSession(
    tokenHash: string,
    accountId: string,
    expiresAt: number,
    device?: NewSessionDevice,
  ): Promise<void>;
  /** The live session for this token hash, or null (unknown, expired or ended). */
  findSession(tokenHash: string, now: number): Promise<SessionRecord | null>;
  /** Why a session that is no longer live was ended, if it was ended by `endOtherSessions`. */
  sessionEndReason(tokenHash: string, now: number): Promise<SessionEndReason | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /**
   * Ends every live session of the account except `keepTokenHash`, remembering `reason` until the
   * session would have expired (after a passphrase change, or "sign out everywhere else").
   */
  endOtherSessions(accountId: string, keepTokenHash: string, reason: SessionEndReason): Promise<void>;
  /** Drops expired sessions and challenges. */
  purgeExpired(now: number): Promise<void>;

  /**
   * Documents with `seq > afterSeq`, in `seq` order, at most `limit`; only those of `kind` when it
   * is given (the checkpoint is then the `seq` of the last one of that kind returned).
   */
  pull(accountId: string, afterSeq: number, limit: number, kind?: EnvelopeKind): Promise<PullPage>;
  /**
   * Applies the rows in one transaction (push-rules.ts decides each row), with `updatedAt = now`,
   * and keeps the account's `storedBytes` in step. Throws (nothing written) `ProfileLimitError`
   * when the account would hold too many profiles, `QuotaExceededError` when a push that grows the
   * account would leave it above `quotaBytes` (default: no quota), `AccountGoneError` when the
   * account no longer exists.
   */
  push(accountId: string, rows: readonly PushRow[], now: number, quotaBytes?: number): Promise<PushOutcome>;

  /**
   * Emergency access log (opt-in). Tokens are stored as hashes only. Registering a hash this account
   * already holds changes nothing (`registered`); one another account holds changes nothing either
   * and answers `taken`, so the caller can say so (openings keep going to the first holder);
   * `no-account` when the account does not exist.
   */
  registerEmergencyToken(accountId: string, tokenHash: string, now: number): Promise<EmergencyTokenOutcome>;
  /**
   * Records an opening of a registered token; false (and nothing stored) for an unknown one. Only
   * the account's newest `keep` openings are kept: older ones are deleted in the same step.
   */
  recordEmergencyOpening(tokenHash: string, now: number, keep: number): Promise<boolean>;
  /** The account's openings, newest first, at most `limit`. */
  listEmergencyOpenings(accountId: string, limit: number): Promise<EmergencyOpening[]>;
  /** Forgets a token hash of this account (opt-out); false when the account had no such token. */
  deleteEmergencyToken(accountId: string, tokenHash: string): Promise<boolean>;

  /** Events after each committed push or deletion of this account, from any server instance. */
  subscribe(accountId: string, listener: AccountListener): () => void;

  close(): Promise<void>;
}
