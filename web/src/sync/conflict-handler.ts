/**
 * Conflict resolution for RxDB replication (DESIGN §4), one handler per collection, given to
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
import { decryptRecord, encryptRecord } from '../../../shared/crypto/record-envelope.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { type Profile, profileSchema } from '../../../shared/schema/profile.ts';
import { type ClinicalRecord, parseRecord } from '../../../shared/schema/record.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { ServerError } from '../server/server-error.ts';
import { copyId, rawCopyId } from './conflict-copy.ts';
import { type SyncedEnvelope, sameEnvelopeState } from './envelope-state.ts';
import { mergeRecords, resolveDeletion, sameValue } from './merge.ts';
import type { SyncKeys } from './sync-keys.ts';

export type SyncedCollection = 'profiles' | 'records' | 'blobs';

export type ConflictOutcome = 'master' | 'merged' | 'local' | 'copied' | 'raw-copy';

export interface ConflictHandlerDeps {
  /** The unlocked session's keys, or null when the vault is locked. */
  getKeys(): SyncKeys | null;
  /** Stores a conflicting copy in the records collection; an id already present must be ignored. */
  saveCopy(envelope: StoredEnvelope): Promise<void>;
  /** For the sync status and tests; never receives plaintext. */
  onResolved?(event: { collection: SyncedCollection; id: string; outcome: ConflictOutcome }): void;
}

type Input = RxConflictHandlerInput<StoredEnvelope>;
type Sealable = { readonly profileId: string; readonly kind: 'record' | 'profile'; readonly id: string };

export function isEqualEnvelope(a: SyncedEnvelope, b: SyncedEnvelope): boolean {
  return sameEnvelopeState(a, b);
}

function seal(target: Sealable, rev: number, plaintext: unknown, key: SymmetricKey): SyncedEnvelope {
  const binding = { profileId: target.profileId, kind: target.kind, id: target.id, rev };
  return { ...binding, updatedAt: 0, _deleted: false, ...encryptRecord(binding, plaintext, key) };
}

function open<T>(
  envelope: SyncedEnvelope | undefined,
  key: SymmetricKey,
  parse: (x: unknown) => T | null,
): T | null {
  if (!envelope || envelope._deleted) return null;
  try {
    return parse(decryptRecord(envelope, key));
  } catch {
    return null;
  }
}

const asRecord = (x: unknown): ClinicalRecord | null => {
  const parsed = parseRecord(x);
  return parsed.ok ? parsed.value : null;
};

interface ProfilePlaintext {
  readonly profile: Profile;
  readonly key: string;
}
const asProfile = (x: unknown): ProfilePlaintext | null => {
  const plain = x as Partial<ProfilePlaintext> | null;
  const parsed = profileSchema.safeParse(plain?.profile);
  return parsed.success && typeof plain?.key === 'string' ? { profile: parsed.data, key: plain.key } : null;
};

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
    const key = keys ? await keys.profileKey(real.profileId) : undefined;
    const localRecord = key ? open(local, key, asRecord) : null;
    if (!key || !localRecord) return keepMasterAndRawCopy(real, local);
    const outcome = resolveDeletion(Boolean(local._deleted), Boolean(real._deleted));
    if (outcome === 'keep-local')
      return done(real.id, 'local', seal(real as Sealable, real.rev + 1, localRecord, key));
    const realRecord = open(real, key, asRecord);
    if (!realRecord) {
      // The master is unreadable here (tampered, or written by a newer app): keep it, copy ours.
      await deps.saveCopy(toStored(seal({ ...(real as Sealable), id: copyId(local) }, 1, localRecord, key)));
      return done(real.id, 'copied', real);
    }
    const base = open(input.assumedMasterState, key, asRecord);
    const { merged, conflictingCopy } = mergeRecords(
      base,
      localRecord,
      realRecord,
      (r) => asRecord(r) !== null,
    );
    if (conflictingCopy) {
      const copy = seal({ ...(real as Sealable), id: copyId(local) }, 1, conflictingCopy, key);
      await deps.saveCopy(toStored(copy));
    }
    if (sameValue(merged, realRecord)) return done(real.id, conflictingCopy ? 'copied' : 'master', real);
    return done(real.id, 'merged', seal(real as Sealable, real.rev + 1, merged, key));
  }

  async function resolveProfile(input: Input, real: SyncedEnvelope, local: SyncedEnvelope) {
    const keys = deps.getKeys();
    const localPlain = keys ? open(local, keys.vaultKey, asProfile) : null;
    if (!keys || !localPlain) return keepMasterAndRawCopy(real, local);
    const outcome = resolveDeletion(Boolean(local._deleted), Boolean(real._deleted));
    if (outcome === 'keep-local')
      return done(real.id, 'local', seal(real as Sealable, real.rev + 1, localPlain, keys.vaultKey));
    const realPlain = open(real, keys.vaultKey, asProfile);
    if (!realPlain) throw new ServerError('internal', 'a profile from the server cannot be opened here');
    const base = open(input.assumedMasterState, keys.vaultKey, asProfile);
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
        const target = { profileId: real.id, kind: 'record' as const, id: copyId(local) };
        await deps.saveCopy(toStored(seal(target, 1, note, profileKey)));
      }
    }
    if (sameValue(merged, realPlain.profile))
      return done(real.id, conflictingCopy ? 'copied' : 'master', real);
    const plaintext: ProfilePlaintext = { profile: merged, key: realPlain.key };
    return done(real.id, 'merged', seal(real as Sealable, real.rev + 1, plaintext, keys.vaultKey));
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
