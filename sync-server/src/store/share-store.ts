/**
 * Storage of practitioner shares (docs/architecture.md §8), part of the `Store` interface, with one SQLite and one
 * PostgreSQL implementation run through the same contract suite (shares.contract.ts).
 *
 * What is kept: a share's public metadata (owner, mode, sections, times, state), hashes of its
 * access token and code proof, the share key wrapped by the typed code (opaque), the latest snapshot
 * ciphertext, a log of openings and writes, and sealed practitioner entries until the patient's
 * device fetches them. Nothing here decrypts: the share key never reaches the server.
 * Deleting the owner's account removes its shares, their log and pending entries (ON DELETE CASCADE).
 */
import type { ShareMode } from '../../../shared/protocol/shares.ts';

export interface StoredSnapshot {
  readonly version: number;
  readonly nonce: string;
  readonly ciphertext: string;
}

export interface NewShare {
  readonly id: string;
  readonly ownerId: string;
  readonly mode: ShareMode;
  readonly sections: readonly string[];
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly tokenHash: string;
  readonly hasPasscode: boolean;
  readonly lookupId: string | null;
  readonly codeProofHash: string | null;
  readonly wrappedKeyJson: string | null;
  /** The share's secrets sealed with the owner's vault key (opaque here), or null. */
  readonly ownerSecretJson: string | null;
  readonly snapshot: StoredSnapshot;
  /** Closed by its first opening (issue 19 item 5); false when absent. */
  readonly singleUse?: boolean;
}

export interface ShareRecord extends Omit<NewShare, 'snapshot' | 'singleUse'> {
  readonly singleUse: boolean;
  /** When a single-use share was opened (and so closed); null before, and for other shares. */
  readonly usedAt: number | null;
  readonly revokedAt: number | null;
  /** Wrong access tokens (the link); at the limit the share is locked for the link. */
  readonly failedAttempts: number;
  readonly lockedAt: number | null;
  /** Wrong typed-code proofs, counted apart: guessing at the code never locks the link. */
  readonly codeFailedAttempts: number;
  readonly codeLockedAt: number | null;
  readonly snapshotVersion: number;
}

export interface ShareLogEntry {
  readonly shareId: string;
  readonly at: number;
  readonly action: 'open' | 'refresh' | 'write' | 'refused';
  readonly actorId: string | null;
  readonly actor: string | null;
  readonly profession: string | null;
  readonly sections: readonly string[];
  /** The snapshot version served by an `open` or `refresh`; null otherwise. */
  readonly version?: number | null;
}

export interface PendingEntry {
  readonly id: string;
  readonly shareId: string;
  readonly sealed: string;
  readonly createdAt: number;
  /** The poster, as the server knows them (account, published signing key, profile name). */
  readonly authorId: string;
  readonly authorName: string;
  readonly authorSignPk: string;
}

/**
 * A lookup id in use is not an outcome: lookup ids need not be unique (redemption tells the shares
 * apart by their proof), so creating a share never confirms that another one has that id.
 */
export type CreateShareOutcome = 'created' | 'id-taken';

/** Which proof an attempt presents: the link's access token or the typed code's proof. */
export type ProofPath = 'link' | 'code';

export interface ShareStore extends ShareFileStore {
  createShare(share: NewShare): Promise<CreateShareOutcome>;
  getShare(id: string): Promise<ShareRecord | null>;
  /** Every share with this typed-code lookup id (almost always one), newest first. */
  findSharesByLookup(lookupId: string): Promise<ShareRecord[]>;
  listShares(ownerId: string): Promise<ShareRecord[]>;
  /** Null for an unknown share, and for a purged one. */
  getSnapshot(id: string): Promise<StoredSnapshot | null>;
  /** Owner only, only a newer version, never on a purged share: false otherwise. */
  putSnapshot(id: string, ownerId: string, snapshot: StoredSnapshot): Promise<boolean>;
  /**
   * Owner only; revoking twice keeps the first time. False when the owner has no such share. The
   * documents the owner shared are deleted with it; files practitioners attached stay until the
   * owner's device has imported them (it deletes each then), so entries written just before the
   * revocation are not lost.
   */
  revokeShare(id: string, ownerId: string, now: number): Promise<boolean>;
  /**
   * Spends a single-use share's one opening, atomically: true for the one call that finds it
   * single-use, not used and not revoked (it is then closed: `usedAt` and `revokedAt` set to `now`);
   * false for every other call, parallel ones included.
   */
  useShare(id: string, now: number): Promise<boolean>;
  /**
   * Reserves one attempt before a proof is compared, atomically: false (locked) when the share is
   * locked or already at `maxFailures`; the reservation reaching the limit locks the share. A
   * correct proof gives its attempt back (`releaseShareAttempt`), so only wrong ones stay counted.
   */
  reserveShareAttempt(id: string, now: number, maxFailures: number, path?: ProofPath): Promise<boolean>;
  releaseShareAttempt(id: string, path?: ProofPath): Promise<void>;
  addShareLog(entry: ShareLogEntry): Promise<void>;
  listShareLog(shareId: string): Promise<ShareLogEntry[]>;
  /** False (nothing stored) when the share already holds `maxPending` entries. */
  addPendingEntry(entry: PendingEntry, maxPending: number): Promise<boolean>;
  listPendingEntries(shareId: string): Promise<PendingEntry[]>;
  deletePendingEntry(shareId: string, entryId: string): Promise<void>;
  putPractitioner(accountId: string, profileJson: string, now: number): Promise<void>;
  getPractitioner(accountId: string): Promise<string | null>;
  /** Shares this account opened, newest opening first, with the time of its last opening. */
  listReceivedShares(accountId: string): Promise<(ShareRecord & { lastOpenedAt: number })[]>;
  /** Shares of this owner neither revoked nor expired at `now` (the per-account limit counts them). */
  countActiveShares(ownerId: string, now: number): Promise<number>;
  /**
   * Forgets the ciphertext of shares revoked or expired by `now`: the snapshot and the code-wrapped
   * key (the code proof's hash too: nothing is left to redeem). Their metadata, log, owner secret
   * (the owner's devices still need it to drain pending entries) and pending entries stay. The files
   * the owner shared go too; practitioners' attachments stay for the owner's devices. Returns
   * how many shares this call purged; a purged share is not counted again.
   */
  purgeEndedShares(now: number): Promise<number>;
}

/** A file carried by a share (shared/crypto/share-file.ts): who uploads it and how many chunks it has. */
export interface ShareFile {
  readonly shareId: string;
  readonly id: string;
  readonly uploaderId: string;
  readonly chunkCount: number;
  readonly createdAt: number;
}

/** `full`: the share already carries `maxFiles` files. */
export type CreateShareFileOutcome = 'created' | 'id-taken' | 'full';

/**
 * The files of a share: declared by their uploader (the owner's shared documents, a practitioner's
 * attachments), each chunk written once, read by anyone the route lets in. Deleting a share's files
 * deletes their chunks.
 */
export interface ShareFileStore {
  createShareFile(file: ShareFile, maxFiles: number): Promise<CreateShareFileOutcome>;
  getShareFile(shareId: string, fileId: string): Promise<ShareFile | null>;
  /** False when this chunk was already written (chunks are written once). */
  putShareFileChunk(shareId: string, fileId: string, index: number, data: string): Promise<boolean>;
  getShareFileChunk(shareId: string, fileId: string, index: number): Promise<string | null>;
  /** Deletes one file and its chunks; false when there was none. */
  deleteShareFile(shareId: string, fileId: string): Promise<boolean>;
  /** The share's files, oldest first. */
  listShareFiles(shareId: string): Promise<ShareFile[]>;
}

export interface ShareFileRow {
  share_id: string;
  id: string;
  uploader_id: string;
  chunk_count: number | string;
  created_at: number | string;
}

export function toShareFile(row: ShareFileRow): ShareFile {
  return {
    shareId: row.share_id,
    id: row.id,
    uploaderId: row.uploader_id,
    chunkCount: Number(row.chunk_count),
    createdAt: Number(row.created_at),
  };
}

/** The row shape both SQL dialects return (numbers may arrive as strings from PostgreSQL). */
export interface ShareRow {
  id: string;
  owner_id: string;
  mode: string;
  sections: string;
  created_at: number | string;
  expires_at: number | string;
  token_hash: string;
  has_passcode: number | boolean;
  code_lookup: string | null;
  code_proof_hash: string | null;
  wrapped_key: string | null;
  revoked_at: number | string | null;
  failed_attempts: number | string;
  locked_at: number | string | null;
  snapshot_version: number | string;
  owner_secret: string | null;
  code_failed_attempts: number | string;
  code_locked_at: number | string | null;
  single_use: number | boolean;
  used_at: number | string | null;
}

export const SHARE_COLUMNS = `id, owner_id, mode, sections, created_at, expires_at, token_hash, has_passcode,
  code_lookup, code_proof_hash, wrapped_key, revoked_at, failed_attempts, locked_at, snapshot_version,
  owner_secret, code_failed_attempts, code_locked_at, single_use, used_at`;

/** The counter and lock columns of each proof path. */
export const ATTEMPT_COLUMNS: Readonly<Record<ProofPath, { count: string; locked: string }>> = {
  link: { count: 'failed_attempts', locked: 'locked_at' },
  code: { count: 'code_failed_attempts', locked: 'code_locked_at' },
};

/** The same columns, qualified for queries that join `shares s` with another table. */
export const SHARE_COLUMNS_OF_S = SHARE_COLUMNS.replaceAll(/\b(\w+)\b/g, (column) => `s.${column}`);

const num = (value: number | string | null): number | null => (value === null ? null : Number(value));

export function toShare(row: ShareRow): ShareRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    mode: row.mode as ShareMode,
    sections: JSON.parse(row.sections) as string[],
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    tokenHash: row.token_hash,
    hasPasscode: Boolean(row.has_passcode),
    lookupId: row.code_lookup,
    codeProofHash: row.code_proof_hash,
    wrappedKeyJson: row.wrapped_key,
    revokedAt: num(row.revoked_at),
    failedAttempts: Number(row.failed_attempts),
    lockedAt: num(row.locked_at),
    codeFailedAttempts: Number(row.code_failed_attempts),
    codeLockedAt: num(row.code_locked_at),
    snapshotVersion: Number(row.snapshot_version),
    ownerSecretJson: row.owner_secret,
    singleUse: Boolean(row.single_use),
    usedAt: num(row.used_at),
  };
}

export interface ShareLogRow {
  share_id: string;
  at: number | string;
  action: string;
  actor_id: string | null;
  actor: string | null;
  profession: string | null;
  sections: string;
  version: number | string | null;
}

export function toLogEntry(row: ShareLogRow): ShareLogEntry {
  return {
    shareId: row.share_id,
    at: Number(row.at),
    action: row.action as ShareLogEntry['action'],
    actorId: row.actor_id,
    actor: row.actor,
    profession: row.profession,
    sections: JSON.parse(row.sections) as string[],
    version: num(row.version),
  };
}

export interface PendingRow {
  id: string;
  share_id: string;
  sealed: string;
  created_at: number | string;
  author_id: string;
  author_name: string;
  author_sign_pk: string;
}

export function toPending(row: PendingRow): PendingEntry {
  return {
    id: row.id,
    shareId: row.share_id,
    sealed: row.sealed,
    createdAt: Number(row.created_at),
    authorId: row.author_id,
    authorName: row.author_name,
    authorSignPk: row.author_sign_pk,
  };
}
