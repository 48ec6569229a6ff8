/**
 * Writes a restore's decisions into RxDB (restore-backup.ts plans them):
 * - `add`: inserted as carried (a tombstone is inserted, then removed, so the deletion is kept);
 *   batched, since a vault holds thousands of records;
 * - `take-backup`: the vault's copy, an ancestor, is replaced by the backup's (or deleted);
 * - `conflict-copy`: the vault's copy stays, the backup's becomes a conflicting copy beside it;
 * - `same`, `keep`: nothing.
 * Profiles from another vault key are sealed again under the open vault's (restore-backup.ts).
 */
import type { MergeDecision } from '../../../shared/backup/merge-plan.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { openProfileEnvelope, openProfileKey, sealProfileEnvelope } from '../records/envelope-codec.ts';
import type { Session } from '../vault/vault-service.ts';
import { copyProfile, copyRecord } from './conflict-copies.ts';
import { collectionOf, ENVELOPE_COLLECTIONS, type EnvelopeCollection } from './vault-envelopes.ts';

const BATCH: Record<EnvelopeCollection, number> = { profiles: 20, records: 200, blobs: 4 };

function stored(envelope: Envelope): StoredEnvelope {
  const { _deleted: _ignored, ...rest } = envelope;
  return rest;
}

export class RestoreWriter {
  readonly sameVaultKey: boolean;
  private readonly pending: Record<EnvelopeCollection, StoredEnvelope[]> = {
    profiles: [],
    records: [],
    blobs: [],
  };
  private readonly tombstones: Record<EnvelopeCollection, string[]> = {
    profiles: [],
    records: [],
    blobs: [],
  };
  /** Profile keys from the backup's profile envelopes, for copies of records. */
  private readonly backupProfileKeys = new Map<string, SymmetricKey>();

  constructor(
    private readonly db: CarnetDatabase,
    private readonly backup: Session,
    private readonly current: Session,
  ) {
    this.sameVaultKey = backup.vaultKey.id === current.vaultKey.id;
  }

  async write({ envelope, decision }: { envelope: Envelope; decision: MergeDecision }): Promise<void> {
    if (envelope.kind === 'profile' && !envelope._deleted) {
      try {
        this.backupProfileKeys.set(envelope.id, openProfileKey(stored(envelope), this.backup.vaultKey));
      } catch {
        // An unreadable profile in the backup: its records' copies fall back to raw copies.
      }
    }
    switch (decision.action) {
      case 'add':
        return this.add(this.forThisVault(envelope));
      case 'take-backup':
        return this.take(this.forThisVault(envelope));
      case 'conflict-copy':
        return this.copy(envelope);
      default:
        return;
    }
  }

  async flush(): Promise<void> {
    for (const collection of ENVELOPE_COLLECTIONS) await this.flushCollection(collection);
  }

  /** After a failed restore on a fresh device: every write of this restore goes again. */
  async undoFresh(): Promise<void> {
    for (const collection of ENVELOPE_COLLECTIONS) await this.db[collection].find().remove();
    await this.db.syncstate.find().remove();
    await this.db.vault.find().remove();
  }

  /** A profile sealed with another vault key, opened with it and sealed with this vault's. */
  private forThisVault(envelope: Envelope): Envelope {
    if (envelope.kind !== 'profile' || this.sameVaultKey || envelope._deleted) return envelope;
    const content = openProfileEnvelope(stored(envelope), this.backup.vaultKey);
    const sealed = sealProfileEnvelope(
      { id: envelope.id, rev: envelope.rev },
      content,
      this.current.vaultKey,
    );
    return { ...sealed, _deleted: false };
  }

  private async add(envelope: Envelope): Promise<void> {
    const collection = collectionOf(envelope.kind);
    this.pending[collection].push(stored(envelope));
    if (envelope._deleted) this.tombstones[collection].push(envelope.id);
    if (this.pending[collection].length >= BATCH[collection]) await this.flushCollection(collection);
  }

  private async flushCollection(collection: EnvelopeCollection): Promise<void> {
    const batch = this.pending[collection];
    const tombstones = this.tombstones[collection];
    if (batch.length === 0) return;
    this.pending[collection] = [];
    this.tombstones[collection] = [];
    const { error } = await this.db[collection].bulkInsert(batch);
    if (error.length > 0) throw new Error(`restore could not write ${error.length} envelopes`);
    if (tombstones.length > 0) await this.db[collection].bulkRemove(tombstones);
  }

  private async take(envelope: Envelope): Promise<void> {
    const collection = collectionOf(envelope.kind);
    await this.flushCollection(collection);
    if (envelope._deleted) {
      await this.db[collection].findOne(envelope.id).remove();
      return;
    }
    await this.db[collection].upsert(stored(envelope));
  }

  private async copy(envelope: Envelope): Promise<void> {
    const collection = collectionOf(envelope.kind);
    await this.flushCollection('records');
    if (collection === 'profiles') {
      const current = await this.db.profiles.findOne(envelope.id).exec();
      await copyProfile(
        this.db,
        stored(envelope),
        this.backup.vaultKey,
        current ? (current.toJSON() as StoredEnvelope) : undefined,
        this.current.vaultKey,
      );
      return;
    }
    if (collection === 'records')
      await copyRecord(this.db, stored(envelope), await this.profileKey(envelope));
  }

  private async profileKey(envelope: Envelope): Promise<SymmetricKey | undefined> {
    const doc = await this.db.profiles.findOne(envelope.profileId).exec();
    if (doc) {
      try {
        return openProfileKey(doc.toJSON() as StoredEnvelope, this.current.vaultKey);
      } catch {
        // Falls back to the backup's copy of the profile.
      }
    }
    return this.backupProfileKeys.get(envelope.profileId);
  }
}
