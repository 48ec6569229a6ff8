/**
 * Conflict resolution for RxDB replication (docs/architecture.md §6.4), one handler per collection, given to
 * `addCollections` as `conflictHandler`. RxDB calls `resolve` when the server refused a push
 * because its copy moved on (`realMasterState`); the result is written locally and pushed next,
 * against that master.
 *
 * - `isEqual` is synchronous and cheap: id + rev + nonce + deletion flag (envelope-state.ts).
 * - Records (profile key) and profiles (vault key) are decrypted, merged field by field (merge.ts)
 *   and re-encrypted with `rev = realMasterState.rev + 1`, so the server accepts the result. When the
 *   merge equals the master, the master itself is returned and nothing new is written.
 * - A field both sides changed differently: the master wins and the local version is stored as a
 *   new record (a conflicting copy, conflict-copy.ts) through `saveCopy`, before `resolve` returns.
 *   For a profile the copy is a note in that profile: a seventh profile would break the limit.
 * - Deletion against an edit: the edit wins (merge.ts `resolveDeletion`).
 * - Blobs (document chunks) are immutable: the master is taken.
 * - If the local version cannot be decrypted (vault locked, key missing, tampered), the master is
 *   kept and the local envelope is stored unchanged as a raw copy. Never dropped. For a profile
 *   (no raw copy possible: it would count as a profile) `resolve` throws and RxDB retries later.
 */
import type { RxConflictHandler, RxConflictHandlerInput } from 'rxdb';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { type Profile, profileSchema } from '../../../shared/schema/profile.ts';
import { type ClinicalRecord, parseRecord } from '../../../shared/schema/record.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import {
  openProfileEnvelope,
  openRecordEnvelope,
  openStampedRecordEnvelope,
  type ProfileContent,
  sealProfileEnvelope,
  sealRecordEnvelope,
} from '../records/envelope-codec.ts';
import type { SavedStamp } from '../records/saved-stamp.ts';
import { ServerError } from '../server/server-error.ts';
import { copyId, rawCopyId } from './conflict-copy.ts';
import { type SyncedEnvelope, sameEnvelopeState } from './envelope-state.ts';
import { mergeRecords, resolveDeletion, sameValue } from './merge.ts';
import { keyFor, type SyncKeys } from './sync-keys.ts';

export type SyncedCollection = 'profiles' | 'records' | 'blobs';

export type ConflictOutcome = 'master' | 'merged' | 'local' | 'copied' | 'raw-copy';

export interface ConflictHandlerDeps {
  /** The unlocked session's keys, or null when the vault is locked. */
  getKeys(): SyncKeys | null;
  /** Stores a conflicting copy in the records collection; an id already present must be ignored. */
  saveCopy(envelope: StoredEnvelope): Promise<void>;
  /** This device and the time, for a merged version it writes (saved-stamp.ts). */
  stamp?(): SavedStamp | undefined;
  /** For the sync status and tests; never receives plaintext. */
  onResolved?(event: { collection: SyncedCollection; id: string; outcome: ConflictOutcome }): void;
}

type Input = RxConflictHandlerInput<StoredEnvelope>;

export function isEqualEnvelope(a: SyncedEnvelope, b: SyncedEnvelope): boolean {
  return sameEnvelopeState(a, b);
}

const live = (envelope: StoredEnvelope): SyncedEnvelope => ({ ...envelope, _deleted: false });

/** The envelope's content, or null when it is deleted or does not open (for any reason). */
function open<T>(
  envelope: SyncedEnvelope | undefined,
  read: (envelope: StoredEnvelope) => T | null,
): T | null {
  if (!envelope || envelope._deleted) return null;
  try {
    return read(envelope);
  } catch {
    return null;
  }
}

const recordIn = (key: SymmetricKey) => (envelope: StoredEnvelope) => {
  const parsed = openRecordEnvelope(envelope, key);
  return parsed.ok ? parsed.value : null;
};

/** The stamp of the device that saved the envelope's version (saved-stamp.ts), if it has one. */
const stampIn = (key: SymmetricKey) => (envelope: StoredEnvelope) =>
  openStampedRecordEnvelope(envelope, key).saved ?? null;

const profileIn = (vaultKey: SymmetricKey) => (envelope: StoredEnvelope) =>
  openProfileEnvelope(envelope, vaultKey);

export function createConflictHandler(
  collection: SyncedCollection,
  deps: ConflictHandlerDeps,
): RxConflictHandler<StoredEnvelope> {
  const done = (id: string, outcome: ConflictOutcome, result: SyncedEnvelope): SyncedEnvelope => {
    deps.onResolved?.({ collection, id, outcome });
    return result;
  };

  /** Keeps the master; stores the local envelope, still encrypted as it was, under a copy id. */
  async function keepMasterAndRawCopy(real: SyncedEnvelope, local: SyncedEnvelope): Promise<SyncedEnvelope> {
    const id = rawCopyId(local);
    if (id === null || collection !== 'records') {
      throw new ServerError('internal', 'a conflict could not be resolved on this device yet');
    }
    await deps.saveCopy({ ...toStored(local), id });
    return done(real.id, 'raw-copy', real);
  }

  async function resolveRecord(input: Input, real: SyncedEnvelope, local: SyncedEnvelope) {
    const keys = deps.getKeys();
    const key = keys ? await keyFor(keys, real) : undefined;
    const localRecord = key ? open(local, recordIn(key)) : null;
    if (!key || !localRecord) return keepMasterAndRawCopy(real, local);
    const next = { profileId: real.profileId, id: real.id, rev: real.rev + 1 };
    // The copy is the local version as it was saved: it keeps that save's device and time.
    const localStamp = open(local, stampIn(key)) ?? undefined;
    const copyOf = (record: ClinicalRecord) =>
      sealRecordEnvelope({ profileId: real.profileId, id: copyId(local), rev: 1 }, record, key, localStamp);
    const outcome = resolveDeletion(Boolean(local._deleted), Boolean(real._deleted));
    if (outcome === 'keep-local')
      return done(real.id, 'local', live(sealRecordEnvelope(next, localRecord, key, localStamp)));
    const realRecord = open(real, recordIn(key));
    if (!realRecord) {
      // The master is unreadable here (tampered, or written by a newer app): keep it, copy ours.
      await deps.saveCopy(copyOf(localRecord));
      return done(real.id, 'copied', real);
    }
    const base = open(input.assumedMasterState, recordIn(key));
    const { merged, conflictingCopy } = mergeRecords(base, localRecord, realRecord, (r) => parseRecord(r).ok);
    if (conflictingCopy) await deps.saveCopy(copyOf(conflictingCopy));
    if (sameValue(merged, realRecord)) return done(real.id, conflictingCopy ? 'copied' : 'master', real);
    return done(real.id, 'merged', live(sealRecordEnvelope(next, merged, key, deps.stamp?.())));
  }

  async function resolveProfile(input: Input, real: SyncedEnvelope, local: SyncedEnvelope) {
    const keys = deps.getKeys();
    const vaultKey = keys ? await keyFor(keys, real) : undefined;
    const localPlain = keys && vaultKey ? open(local, profileIn(vaultKey)) : null;
    if (!keys || !vaultKey || !localPlain) return keepMasterAndRawCopy(real, local);
    const next = { id: real.id, rev: real.rev + 1 };
    const outcome = resolveDeletion(Boolean(local._deleted), Boolean(real._deleted));
    if (outcome === 'keep-local')
      return done(real.id, 'local', live(sealProfileEnvelope(next, localPlain, vaultKey)));
    const realPlain = open(real, profileIn(vaultKey));
    if (!realPlain) throw new ServerError('internal', 'a profile from the server cannot be opened here');
    const base = open(input.assumedMasterState, profileIn(vaultKey));
    const valid = (p: Profile) => profileSchema.safeParse(p).success;
    const { merged, conflictingCopy } = mergeRecords(
      base?.profile ?? null,
      localPlain.profile,
      realPlain.profile,
      valid,
    );
    if (conflictingCopy) {
      const profileKey = await keys.profileKey(real.id);
      if (profileKey) {
        const note = profileCopyNote(conflictingCopy, merged);
        const target = { profileId: real.id, id: copyId(local), rev: 1 };
        await deps.saveCopy(sealRecordEnvelope(target, note, profileKey));
      }
    }
    if (sameValue(merged, realPlain.profile))
      return done(real.id, conflictingCopy ? 'copied' : 'master', real);
    const content: ProfileContent = { profile: merged, key: realPlain.key };
    return done(real.id, 'merged', live(sealProfileEnvelope(next, content, vaultKey)));
  }

  return {
    isEqual: isEqualEnvelope,
    async resolve(input) {
      const real = input.realMasterState;
      const local = input.newDocumentState;
      if (sameEnvelopeState(real, local)) return real;
      if (collection === 'blobs') return done(real.id, 'master', real);
      if (resolveDeletion(Boolean(local._deleted), Boolean(real._deleted)) === 'keep-remote') {
        return done(real.id, 'master', real);
      }
      return collection === 'records'
        ? resolveRecord(input, real, local)
        : resolveProfile(input, real, local);
    },
  };
}

/** One handler per synced collection, for `addCollections`. */
export function createConflictHandlers(
  deps: ConflictHandlerDeps,
): Record<SyncedCollection, RxConflictHandler<StoredEnvelope>> {
  return {
    profiles: createConflictHandler('profiles', deps),
    records: createConflictHandler('records', deps),
    blobs: createConflictHandler('blobs', deps),
  };
}

function toStored(envelope: SyncedEnvelope): StoredEnvelope {
  const { _deleted: _ignored, ...rest } = envelope;
  return rest;
}

/** The local profile's values that lost, as a note the user can read and copy back. */
function profileCopyNote(local: Profile, kept: Profile): ClinicalRecord {
  const lines: string[] = [];
  for (const [field, value] of Object.entries(local)) {
    if (field === 'schemaVersion' || sameValue(value, (kept as Record<string, unknown>)[field])) continue;
    lines.push(`${field}: ${String(value)}`);
  }
  const body = lines.join('\n').slice(0, 20_000) || local.displayName;
  return {
    kind: 'note',
    schemaVersion: 1,
    title: local.displayName,
    body,
    tags: ['conflicting-copy', 'profile'],
  };
}
