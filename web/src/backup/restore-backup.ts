/**
 * Restoring a `.carnet` file, on a fresh device or into the open vault, in two passes over the file:
 *
 * 1. `prepareRestore`: the secret opens the file (Argon2id through the vault's `KdfRunner`), then
 *    every frame is read and authenticated to the last byte, keeping only each envelope's metadata;
 *    the merge is planned against the vault (shared/backup/merge-plan.ts). Nothing is written: a
 *    wrong secret, a cut, a changed byte, a newer format or a file that is no backup fails here and
 *    the vault stays exactly as it was.
 * 2. `apply`: the file is read again (`reread`, no second KDF) and each envelope is written by its
 *    decision: added, taken (the vault held an ancestor), or kept beside the vault's as a conflicting
 *    copy. An envelope differing from what pass 1 saw stops the restore (`tampered`).
 *
 * Envelopes are stored as the file carries them. The one exception: a profile envelope is sealed
 * with the vault key, so when the backup's vault key is not the open vault's, the backup's profiles
 * are opened with the backup's key and sealed again with the open vault's (same id and rev); the
 * records under them keep their profile keys and are untouched.
 */
import { BackupError, isBackupError } from '../../../shared/backup/backup-error.ts';
import { inspectBackup, type OpenedBackup, openBackup } from '../../../shared/backup/backup-reader.ts';
import type { BackupSecret } from '../../../shared/backup/backup-unlock.ts';
import { parseEnvelopeFrame } from '../../../shared/backup/envelope-frames.ts';
import type { BackupFrame } from '../../../shared/backup/frame-codec.ts';
import {
  type EnvelopeState,
  type MergeDecision,
  type MergePlan,
  planRestoreMerge,
} from '../../../shared/backup/merge-plan.ts';
import type { Keyring } from '../../../shared/crypto/keyring.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import { AppError } from '../core/app-error.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { KdfRunner } from '../vault/kdf-runner.ts';
import type { Session } from '../vault/vault-service.ts';
import { restoreSettings } from './backup-settings.ts';
import { envelopeState, stateKey, vaultStates } from './backup-states.ts';
import { RestoreWriter } from './restore-writer.ts';

/** A file's bytes, as many times as asked: `file.stream()` in the browser. */
export type BackupSource = () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface RestoreTarget {
  readonly db: CarnetDatabase;
  readonly kdf: KdfRunner;
  /** The open vault, or null on a device with no vault (the backup's keyring is then adopted). */
  readonly session: Session | null;
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

/** What the file holds, by kind (tombstones aside): for the preview. */
export interface BackupContents {
  readonly profiles: number;
  readonly records: number;
  readonly chunks: number;
}

export interface PreparedRestore {
  readonly createdAt: number;
  readonly keyring: Keyring;
  /** The backup's vault key and identity: on a fresh device, the session to open. */
  readonly session: Session;
  readonly contents: BackupContents;
  readonly plan: MergePlan;
  /** True when the backup was made from this same vault (same vault key). */
  readonly sameVault: boolean;
  /** Writes the plan; `onProgress` gets the file bytes read again so far. */
  apply(onProgress?: (bytesRead: number) => void): Promise<void>;
  /** Releases the file without writing anything. */
  close(): Promise<void>;
}

/**
 * The file's date, or why it is no backup, before any secret is asked for. Its checksum needs
 * libsodium, which a device with no vault has not loaded yet.
 */
export async function inspectBackupFile(source: BackupSource): Promise<number> {
  await initCrypto();
  return (await inspectBackup(source())).createdAt;
}

export async function prepareRestore(
  source: BackupSource,
  secret: BackupSecret,
  target: RestoreTarget,
  onProgress?: (bytesRead: number) => void,
): Promise<PreparedRestore> {
  await initCrypto();
  const opened = await openBackup(source(), secret, {
    deriveKeys: target.kdf,
    ...(onProgress && { onProgress: (p) => onProgress(p.bytesRead) }),
  });
  const backup = new Map<string, EnvelopeState>();
  const contents = { profiles: 0, records: 0, chunks: 0 };
  const states: EnvelopeState[] = [];
  try {
    for await (const frame of opened.frames()) {
      if (frame.type === 'setting') continue;
      const state = envelopeState(parseEnvelopeFrame(frame));
      states.push(state);
      backup.set(stateKey(state), state);
      if (!state.deleted) {
        if (state.kind === 'profile') contents.profiles += 1;
        else if (state.kind === 'record') contents.records += 1;
        else if (state.kind === 'blob') contents.chunks += 1;
      }
    }
  } catch (error) {
    await opened.close();
    throw error;
  }
  const plan = planRestoreMerge(states, await vaultStates(target.db));
  const session: Session = { vaultKey: opened.vault.vaultKey, identity: opened.vault.identity };
  const sameVault = target.session === null || target.session.vaultKey.id === session.vaultKey.id;
  let applied = false;
  return {
    createdAt: opened.header.createdAt,
    keyring: opened.header.keyring,
    session,
    contents,
    plan,
    sameVault,
    async apply(progress) {
      if (applied) throw new AppError('conflict', 'this restore was already applied');
      applied = true;
      if (plan.profileLimitExceeded) {
        throw new AppError('profile-limit', 'the restore would exceed the profile limit', { max: 6 });
      }
      await applyPlan(opened, source, target, plan, backup, progress);
    },
    close: () => opened.close(),
  };
}

async function applyPlan(
  opened: OpenedBackup,
  source: BackupSource,
  target: RestoreTarget,
  plan: MergePlan,
  expected: ReadonlyMap<string, EnvelopeState>,
  onProgress?: (bytesRead: number) => void,
): Promise<void> {
  const decisions = new Map<string, MergeDecision>(plan.decisions.map((d) => [stateKey(d), d]));
  const backupSession = { vaultKey: opened.vault.vaultKey, identity: opened.vault.identity };
  const writer = new RestoreWriter(target.db, backupSession, target.session ?? backupSession);
  const settings: BackupFrame[] = [];
  if (target.session === null) {
    if (await target.db.vault.findOne('vault').exec()) {
      throw new AppError('storage', 'a vault already exists on this device');
    }
  }
  let wroteKeyring = false;
  try {
    if (target.session === null) {
      await target.db.vault.insert({
        id: 'vault',
        keyring: opened.header.keyring,
        autoLockMinutes: 5,
        createdAt: new Date().toISOString(),
      });
      wroteKeyring = true;
    }
    const frames = opened.reread(source());
    let result = await frames.next();
    while (!result.done) {
      const frame = result.value;
      if (frame.type === 'setting') settings.push(frame);
      else await writer.write(checked(parseEnvelopeFrame(frame), expected, decisions));
      result = await frames.next();
    }
    onProgress?.(result.value.bytesRead);
    await writer.flush();
    await restoreSettings(target.db, target.storage, settings, writer.sameVaultKey);
  } catch (error) {
    // A fresh device holds nothing but this restore: take it back, so the welcome screen returns.
    if (wroteKeyring) await writer.undoFresh().catch(() => undefined);
    throw error;
  }
}

/** The envelope pass 1 planned for, or `tampered`: the file must not change between the passes. */
function checked(
  envelope: Envelope,
  expected: ReadonlyMap<string, EnvelopeState>,
  decisions: ReadonlyMap<string, MergeDecision>,
): { envelope: Envelope; decision: MergeDecision } {
  const state = envelopeState(envelope);
  const before = expected.get(stateKey(state));
  const decision = decisions.get(stateKey(state));
  if (!before || !decision || before.nonce !== state.nonce || before.rev !== state.rev) {
    throw new BackupError('tampered', 'the file changed since it was checked');
  }
  return { envelope, decision };
}

export { isBackupError };
