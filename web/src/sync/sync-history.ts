/**
 * What this device has seen of the server's history (issue 12 finding 2), kept across reloads: for
 * each document the highest rev it accepted (from a pull or an acknowledged push) and that write's
 * nonce, and the last changes it refused. The pull guard (pull-guard.ts) reads it to refuse a rev
 * lower than one already seen, or another write under a rev already seen.
 *
 * Stored in the existing `syncstate` collection, sealed with the vault key (shared/crypto/local-seal.ts,
 * label `sync-history`): RxDB's open core caps the collections of a database. A base document (id
 * `history`) holds the whole state as of its generation; each flush after it adds a segment
 * (`history.1`, `history.2`, …) with only the entries that changed since the previous flush, so a
 * pull page costs a write of its own entries, not of the whole account's (issue 15: sealing the whole
 * map after every page grew with the account). Once `MAX_SEGMENTS` exist, the next flush writes a new
 * base of the next generation, then removes the segments. Doc ids and revs are already plaintext in
 * the envelopes; sealing makes a tampered or foreign store read as empty rather than trusted.
 *
 * Invariants: a seen rev only grows; writes to IndexedDB are serialized (the three collections'
 * handlers share one store); a flush resolves once everything accepted before it is stored, as before
 * (the pull handler stores the history before RxDB stores the page); a segment names its generation
 * and number inside the sealed value and is read only with a base of that generation and every
 * segment before it (a missing, foreign or stale one ends the reading there); the refused list keeps
 * the newest `MAX_REFUSED`, one entry per (id, rev, reason, nonce).
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

const seenSchema = z.record(z.string(), z.tuple([z.number(), z.string()]));

const storedSchema = z.object({
  seen: seenSchema,
  refused: z.array(refusedSchema),
  /** Absent in bases written before segments: generation 0. */
  generation: z.number().int().nonnegative().optional(),
});

const segmentSchema = z.object({
  generation: z.number().int().nonnegative(),
  index: z.number().int().positive(),
  seen: seenSchema,
  /** The whole refused list, when it changed since the previous flush. */
  refused: z.array(refusedSchema).optional(),
});

/** Segments after a base before the next flush writes a new base. */
export const MAX_SEGMENTS = 32;

const segmentId = (index: number): string => `${HISTORY_ID}.${index}`;

export class SyncHistory {
  private writing: Promise<void> = Promise.resolve();
  /** Ids accepted since the last flush, and whether the refused list changed. */
  private changed = new Set<string>();
  private refusedChanged = false;

  private constructor(
    private readonly db: CarnetDatabase,
    private readonly vaultKey: SymmetricKey,
    private readonly seenById: Map<string, Seen>,
    private refusedList: RefusedChange[],
    private generation: number,
    private segments: number,
  ) {}

  /** Reads the stored history; an absent, foreign or unreadable one starts empty. */
  static async load(db: CarnetDatabase, vaultKey: SymmetricKey): Promise<SyncHistory> {
    const ids = [HISTORY_ID, ...Array.from({ length: MAX_SEGMENTS }, (_, i) => segmentId(i + 1))];
    const docs = await db.syncstate.findByIds(ids).exec();
    const base = docs.get(HISTORY_ID);
    let stored: z.infer<typeof storedSchema> = { seen: {}, refused: [] };
    // No base yet is generation 0, empty; segments of a base that does not open are not read.
    let readable = !base;
    if (base) {
      try {
        stored = storedSchema.parse(openLocal(vaultKey, 'sync-history', JSON.parse(base.sealed)));
        readable = true;
      } catch {
        // Sealed by another vault (or damaged): nothing in it can be trusted.
      }
    }
    const generation = stored.generation ?? 0;
    const seen = new Map(Object.entries(stored.seen).map(([id, [rev, nonce]]) => [id, { rev, nonce }]));
    const history = new SyncHistory(db, vaultKey, seen, stored.refused, generation, 0);
    for (let index = 1; readable && index <= MAX_SEGMENTS; index++) {
      const segment = readSegment(docs.get(segmentId(index))?.sealed, vaultKey, generation, index);
      if (!segment) break;
      for (const [id, [rev, nonce]] of Object.entries(segment.seen)) history.accept(id, rev, nonce);
      if (segment.refused) history.refusedList = segment.refused;
      history.segments = index;
    }
    history.changed.clear();
    // Segments found past an unreadable one are replaced by the next flushes.
    return history;
  }

  seen(id: string): Seen | undefined {
    return this.seenById.get(id);
  }

  /** Remembers an accepted write; never lowers what is remembered. */
  accept(id: string, rev: number, nonce: string): void {
    const known = this.seenById.get(id);
    if (known && (known.rev > rev || (known.rev === rev && known.nonce === nonce))) return;
    this.seenById.set(id, { rev, nonce });
    this.changed.add(id);
  }

  /** Adds a refusal unless the same one is listed; true when it is new. */
  refuse(change: RefusedChange): boolean {
    const same = this.refusedList.some(
      (r) =>
        r.id === change.id && r.rev === change.rev && r.reason === change.reason && r.nonce === change.nonce,
    );
    if (same) return false;
    this.refusedList = [change, ...this.refusedList].slice(0, MAX_REFUSED);
    this.refusedChanged = true;
    return true;
  }

  refused(): readonly RefusedChange[] {
    return this.refusedList;
  }

  /** Writes what changed, if anything; resolves once it (and every earlier write) is stored. */
  flush(): Promise<void> {
    if (this.changed.size === 0 && !this.refusedChanged) return this.writing;
    const write = this.segments < MAX_SEGMENTS ? this.nextSegment() : this.nextBase();
    this.changed = new Set();
    this.refusedChanged = false;
    this.writing = this.writing.catch(() => undefined).then(write);
    return this.writing;
  }

  private nextSegment(): () => Promise<void> {
    this.segments += 1;
    const value: z.infer<typeof segmentSchema> = {
      generation: this.generation,
      index: this.segments,
      seen: Object.fromEntries(
        [...this.changed].map((id) => {
          const s = this.seenById.get(id);
          return [id, [s?.rev ?? 0, s?.nonce ?? '']];
        }),
      ),
      ...(this.refusedChanged ? { refused: this.refusedList } : {}),
    };
    const doc = { id: segmentId(this.segments), sealed: this.seal(value) };
    return async () => {
      await this.db.syncstate.upsert(doc);
    };
  }

  private nextBase(): () => Promise<void> {
    const stale = Array.from({ length: this.segments }, (_, i) => segmentId(i + 1));
    this.generation += 1;
    this.segments = 0;
    const value: z.infer<typeof storedSchema> = {
      seen: Object.fromEntries([...this.seenById].map(([id, s]) => [id, [s.rev, s.nonce]])),
      refused: this.refusedList,
      generation: this.generation,
    };
    const doc = { id: HISTORY_ID, sealed: this.seal(value) };
    return async () => {
      await this.db.syncstate.upsert(doc);
      // Segments of the previous generation are ignored from now on; removing them frees the space.
      await this.db.syncstate.bulkRemove(stale);
    };
  }

  private seal(value: unknown): string {
    return JSON.stringify(sealLocal(this.vaultKey, 'sync-history', value));
  }
}

function readSegment(
  sealed: string | undefined,
  vaultKey: SymmetricKey,
  generation: number,
  index: number,
): z.infer<typeof segmentSchema> | null {
  if (sealed === undefined) return null;
  try {
    const segment = segmentSchema.parse(openLocal(vaultKey, 'sync-history', JSON.parse(sealed)));
    return segment.generation === generation && segment.index === index ? segment : null;
  } catch {
    return null;
  }
}
