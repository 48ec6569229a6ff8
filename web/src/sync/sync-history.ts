/**
 * What this device has seen of the server's history (issue 12 finding 2), kept across reloads: for
 * each document the highest rev it accepted (from a pull or an acknowledged push) and that write's
 * nonce, and the last changes it refused. The pull guard (pull-guard.ts) reads it to refuse a rev
 * lower than one already seen, or another write under a rev already seen.
 *
 * Stored as one document of the existing `syncstate` collection (id `history`), sealed with the vault
 * key (shared/crypto/local-seal.ts, label `sync-history`): RxDB's open core caps the collections of a
 * database, and the map is small (one short entry per document). Doc ids and revs are already
 * plaintext in the envelopes; sealing makes a tampered or foreign store read as empty rather than
 * trusted.
 *
 * Invariants: a seen rev only grows; writes to IndexedDB are serialized (the three collections'
 * handlers share one store), and each write holds the whole state, so the last one wins with
 * everything; the refused list keeps the newest `MAX_REFUSED`, one entry per (id, rev, reason, nonce).
 */
import { openLocal, sealLocal } from '../../../shared/crypto/local-seal.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { EnvelopeKind } from '../../../shared/schema/envelope.ts';
import { z } from '../../../shared/schema/zod.ts';
import type { CarnetDatabase } from '../db/database.ts';

export const HISTORY_ID = 'history';
export const MAX_REFUSED = 20;

/**
 * - `rolled-back`: an authentic envelope older than one already seen, or another write under a rev
 *   already seen (a replay or a server showing two histories);
 * - `tampered`: it does not authenticate, e.g. a deletion flag flipped on a version-2 envelope;
 * - `unverified-deletion`: a version-1 tombstone (deletion flag not authenticated) for a document
 *   this device shows: the document is kept.
 */
export type RefusalReason = 'rolled-back' | 'tampered' | 'unverified-deletion';

export interface RefusedChange {
  readonly id: string;
  readonly kind: EnvelopeKind;
  readonly rev: number;
  /** The highest rev this device had seen, if any. */
  readonly seenRev: number | null;
  readonly deleted: boolean;
  readonly reason: RefusalReason;
  /** Milliseconds since the epoch, this device's clock. */
  readonly at: number;
  readonly nonce: string;
}

export interface Seen {
  readonly rev: number;
  readonly nonce: string;
}

const refusedSchema = z.object({
  id: z.string(),
  kind: z.enum(['record', 'blob', 'keyring', 'profile']),
  rev: z.number(),
  seenRev: z.number().nullable(),
  deleted: z.boolean(),
  reason: z.enum(['rolled-back', 'tampered', 'unverified-deletion']),
  at: z.number(),
  nonce: z.string(),
});

const storedSchema = z.object({
  seen: z.record(z.string(), z.tuple([z.number(), z.string()])),
  refused: z.array(refusedSchema),
});

export class SyncHistory {
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  private constructor(
    private readonly db: CarnetDatabase,
    private readonly vaultKey: SymmetricKey,
    private readonly seenById: Map<string, Seen>,
    private refusedList: RefusedChange[],
  ) {}

  /** Reads the stored history; an absent, foreign or unreadable one starts empty. */
  static async load(db: CarnetDatabase, vaultKey: SymmetricKey): Promise<SyncHistory> {
    const doc = await db.syncstate.findOne(HISTORY_ID).exec();
    let stored: z.infer<typeof storedSchema> = { seen: {}, refused: [] };
    if (doc) {
      try {
        stored = storedSchema.parse(openLocal(vaultKey, 'sync-history', JSON.parse(doc.sealed)));
      } catch {
        // Sealed by another vault (or damaged): nothing in it can be trusted.
      }
    }
    const seen = new Map(Object.entries(stored.seen).map(([id, [rev, nonce]]) => [id, { rev, nonce }]));
    return new SyncHistory(db, vaultKey, seen, stored.refused);
  }

  seen(id: string): Seen | undefined {
    return this.seenById.get(id);
  }

  /** Remembers an accepted write; never lowers what is remembered. */
  accept(id: string, rev: number, nonce: string): void {
    const known = this.seenById.get(id);
    if (known && (known.rev > rev || (known.rev === rev && known.nonce === nonce))) return;
    this.seenById.set(id, { rev, nonce });
    this.dirty = true;
  }

  /** Adds a refusal unless the same one is listed; true when it is new. */
  refuse(change: RefusedChange): boolean {
    const same = this.refusedList.some(
      (r) =>
        r.id === change.id && r.rev === change.rev && r.reason === change.reason && r.nonce === change.nonce,
    );
    if (same) return false;
    this.refusedList = [change, ...this.refusedList].slice(0, MAX_REFUSED);
    this.dirty = true;
    return true;
  }

  refused(): readonly RefusedChange[] {
    return this.refusedList;
  }

  /** Writes the state if it changed; resolves once it (and every earlier write) is stored. */
  flush(): Promise<void> {
    if (!this.dirty) return this.writing;
    this.dirty = false;
    const value = {
      seen: Object.fromEntries([...this.seenById].map(([id, s]) => [id, [s.rev, s.nonce]])),
      refused: this.refusedList,
    };
    const sealed = JSON.stringify(sealLocal(this.vaultKey, 'sync-history', value));
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        await this.db.syncstate.upsert({ id: HISTORY_ID, sealed });
      });
    return this.writing;
  }
}
