/**
 * Restoring a backup into a vault that already holds data: a pure decision per envelope id, made on
 * plaintext metadata only (no key needed), so the whole plan can be shown before anything is written.
 *
 * What the metadata can prove (the sync server accepts a write only on top of its current copy):
 * - envelopes the server has stamped (`updatedAt` > 0) lie on one linear history per id, so between
 *   two stamped copies the higher rev descends from the lower;
 * - an unstamped vault envelope (`updatedAt` 0) is a write no other device has seen, so no backup
 *   made elsewhere can contain it;
 * - the nonce is fresh on every encryption: equal id, rev, nonce and deletion flag are the same write.
 *
 * Rules, in order (vault = this device's copy, backup = the file's):
 * 1. not in the vault                                  → `add` (a tombstone too: it keeps a
 *                                                         deletion from coming back through sync);
 * 2. the same write                                    → `same` (nothing to do);
 * 3. blob (document chunk): immutable, written once    → `keep` (the sync takes the master likewise);
 * 4. vault rev > backup rev                            → `keep` (the vault is newer);
 * 5. backup rev > vault rev, vault copy stamped        → `take-backup` (the vault's copy is an ancestor);
 * 6. otherwise the histories diverged (same rev with a different write, or a newer backup over an
 *    unsynced vault write)                             → `conflict-copy`: the vault's copy stays, the
 *    backup's version is stored beside it as a visible conflicting copy; when the backup's side is a
 *    tombstone there is nothing to copy → `keep` (as in the sync, an edit beats a deletion).
 * Nothing in the vault is replaced except by a descendant of itself (rule 5).
 *
 * What cannot be told without history: a backup's unsynced edit that another device later
 * overwrote at a higher rev (rule 4 keeps the vault's); the sync has the same blind spot for a
 * device that was offline when it edited and restored before pushing.
 */
import type { EnvelopeKind } from '../schema/envelope.ts';
import { MAX_PROFILES } from '../schema/profile.ts';
import { BackupError } from './backup-error.ts';

/** The plaintext fields a decision needs; `nonce` identifies the write. */
export interface EnvelopeState {
  readonly id: string;
  readonly kind: EnvelopeKind;
  readonly rev: number;
  readonly updatedAt: number;
  readonly deleted: boolean;
  readonly nonce: string;
}

export type MergeAction = 'add' | 'same' | 'keep' | 'take-backup' | 'conflict-copy';

export type MergeWhy =
  | 'not-in-vault'
  | 'same-write'
  | 'blob-immutable'
  | 'vault-newer'
  | 'backup-newer'
  | 'same-rev-different-write'
  | 'unsynced-vault-write'
  | 'backup-deleted';

export interface MergeDecision {
  readonly id: string;
  readonly kind: EnvelopeKind;
  readonly action: MergeAction;
  readonly why: MergeWhy;
}

export function decideMerge(backup: EnvelopeState, vault: EnvelopeState | undefined): MergeDecision {
  const decide = (action: MergeAction, why: MergeWhy): MergeDecision => ({
    id: backup.id,
    kind: backup.kind,
    action,
    why,
  });
  if (vault === undefined) return decide('add', 'not-in-vault');
  if (vault.rev === backup.rev && vault.nonce === backup.nonce && vault.deleted === backup.deleted) {
    return decide('same', 'same-write');
  }
  if (backup.kind === 'blob') return decide('keep', 'blob-immutable');
  if (vault.rev > backup.rev) return decide('keep', 'vault-newer');
  if (backup.rev > vault.rev && vault.updatedAt > 0) return decide('take-backup', 'backup-newer');
  if (backup.deleted) return decide('keep', 'backup-deleted');
  return decide(
    'conflict-copy',
    vault.rev === backup.rev ? 'same-rev-different-write' : 'unsynced-vault-write',
  );
}

export interface MergePlan {
  readonly decisions: readonly MergeDecision[];
  readonly counts: Readonly<Record<MergeAction, number>>;
  /** Live profiles once the plan is applied (conflicting copies of profiles are notes, not profiles). */
  readonly profilesAfter: number;
  /** True when applying the plan would exceed the profile limit: the restore must not proceed as is. */
  readonly profileLimitExceeded: boolean;
}

function keyOf(state: Pick<EnvelopeState, 'kind' | 'id'>): string {
  return `${state.kind}:${state.id}`;
}

/**
 * Plans a restore. `vault` is every envelope of the vault, tombstones included; ids are unique per
 * kind (each kind is its own collection). A backup that lists one id twice is refused as `tampered`.
 */
export function planRestoreMerge(
  backup: Iterable<EnvelopeState>,
  vault: Iterable<EnvelopeState>,
  maxProfiles: number = MAX_PROFILES,
): MergePlan {
  const current = new Map<string, EnvelopeState>();
  for (const state of vault) current.set(keyOf(state), state);
  let profilesAfter = 0;
  for (const state of current.values()) if (state.kind === 'profile' && !state.deleted) profilesAfter += 1;

  const seen = new Set<string>();
  const decisions: MergeDecision[] = [];
  const counts: Record<MergeAction, number> = {
    add: 0,
    same: 0,
    keep: 0,
    'take-backup': 0,
    'conflict-copy': 0,
  };
  for (const state of backup) {
    const key = keyOf(state);
    if (seen.has(key))
      throw new BackupError('tampered', 'the backup lists an envelope twice', { id: state.id });
    seen.add(key);
    const existing = current.get(key);
    const decision = decideMerge(state, existing);
    decisions.push(decision);
    counts[decision.action] += 1;
    if (state.kind === 'profile' && (decision.action === 'add' || decision.action === 'take-backup')) {
      const before = existing !== undefined && !existing.deleted ? 1 : 0;
      profilesAfter += (state.deleted ? 0 : 1) - before;
    }
  }
  return { decisions, counts, profilesAfter, profileLimitExceeded: profilesAfter > maxProfiles };
}
