/**
 * The pull guard (issue 12 finding 2): what this device does with an envelope the server hands it,
 * before RxDB stores it. The server is not trusted with history: it could replay an older genuine
 * envelope (hiding a new severe allergy), flip `_deleted`, or show two histories. The AEAD already
 * binds every plaintext field but the history (record-envelope.ts); this adds the device's memory
 * (sync-history.ts).
 *
 * Verdicts, in this order:
 * 1. rev lower than the highest seen for this id, or the same rev with another nonce →
 *    `rolled-back`, refused and the pull stops before it (see below);
 * 2. a tombstone of version 2 → opened with the key its profile holds (`openTombstone`); failing → `tampered`, stop.
 *    Without the key (its profile deleted, or not pulled yet) it is accepted: this device can then
 *    neither show nor check the document, so the tombstone hides nothing it could show; and waiting
 *    would stall sync for good once a deleted profile's key is gone;
 * 3. a tombstone of version 1 (flag not authenticated): accepted only when this device holds no live
 *    copy of the document, since it then hides nothing the user has (a withholding server could do as
 *    much); otherwise `unverified-deletion`, refused and skipped: the copy stays and is shown. Old
 *    app versions wrote such tombstones, so an honest server serves them and stopping there would
 *    stall sync for good;
 * 4. a live record or profile is decrypted with its key: failing authentication (e.g. a version-2
 *    tombstone flipped back to live) or naming another key than the one its profile holds (an
 *    envelope moved to another profile) → `tampered`, stop. A profile this device cannot open, or a
 *    version it does not know, is left to the screens, which show it as a problem. Live chunks
 *    (immutable, and checked against the document's SHA-256 on reading) are not opened here.
 * Accepted envelopes are remembered as seen. While the vault is locked every envelope waits (`wait`:
 * stop before it, unreported); replication only runs unlocked anyway.
 *
 * "Stop" means the pull returns the documents before it with the checkpoint just before it, like an
 * invalid document (replication-handlers.ts): the checkpoint never passes a document this device did
 * not store, so once the server (or whatever altered its answer) serves the genuine one, it arrives.
 * An honest server never triggers 1, 2 or 4.
 */
import { CryptoError } from '../../../shared/crypto/errors.ts';
import { decryptBytes, openTombstone } from '../../../shared/crypto/record-envelope.ts';
import { type Envelope, type EnvelopeKind, sameEnvelopeState } from '../../../shared/schema/envelope.ts';
import type { CarnetDatabase } from '../db/database.ts';
import { openedPlaintext } from '../records/opened-plaintext.ts';
import { type RefusalReason, type RefusedChange, SyncHistory } from './sync-history.ts';
import { keyFor, type SyncKeys } from './sync-keys.ts';

export type Verdict =
  /** `echo`: exactly a write of this device the server acknowledged (nothing was decrypted). */
  | { readonly type: 'accept'; readonly echo?: true }
  | { readonly type: 'wait' }
  | { readonly type: 'refuse'; readonly change: RefusedChange; readonly skip: boolean };

export interface PullGuard {
  check(doc: Envelope): Promise<Verdict>;
  /** Records a refusal (once) and stores the history. */
  report(change: RefusedChange): Promise<void>;
  /** Writes the server acknowledged: they are the newest it holds. */
  acknowledged(docs: readonly Envelope[]): Promise<void>;
  /** Stores what was accepted since the last call. */
  flush(): Promise<void>;
  refused(): Promise<readonly RefusedChange[]>;
}

export interface PullGuardOptions {
  readonly db: CarnetDatabase;
  /** The unlocked session's keys; null while locked (then every envelope waits). */
  readonly getKeys: () => SyncKeys | null;
  readonly now?: () => number;
  readonly onRefused?: (refused: readonly RefusedChange[]) => void;
}

const COLLECTION_OF: Partial<Record<EnvelopeKind, 'profiles' | 'records' | 'blobs'>> = {
  profile: 'profiles',
  record: 'records',
  blob: 'blobs',
};

export function createPullGuard(options: PullGuardOptions): PullGuard {
  const now = options.now ?? Date.now;
  const opened = openedPlaintext(options.db);
  const echoes = new PushedEchoes();
  let loading: { key: string; history: Promise<SyncHistory> } | null = null;

  function history(keys: SyncKeys): Promise<SyncHistory> {
    if (loading?.key !== keys.vaultKey.id) {
      loading = { key: keys.vaultKey.id, history: SyncHistory.load(options.db, keys.vaultKey) };
    }
    return loading.history;
  }

  async function holdsLiveCopy(doc: Envelope): Promise<boolean> {
    const name = COLLECTION_OF[doc.kind];
    return name ? (await options.db.collections[name].findOne(doc.id).exec()) !== null : false;
  }

  return {
    async check(doc) {
      const keys = options.getKeys();
      if (!keys) return { type: 'wait' };
      const seen = (await history(keys)).seen(doc.id);
      const refuse = (reason: RefusalReason, skip = false): Verdict => ({
        type: 'refuse',
        skip,
        change: {
          id: doc.id,
          kind: doc.kind,
          rev: doc.rev,
          seenRev: seen?.rev ?? null,
          deleted: doc._deleted,
          reason,
          at: now(),
          nonce: doc.nonce,
        },
      });
      if (seen && (doc.rev < seen.rev || (doc.rev === seen.rev && doc.nonce !== seen.nonce))) {
        return refuse('rolled-back');
      }
      if (echoes.take(doc)) return { type: 'accept', echo: true };
      const key = await keyFor(keys, doc);
      if (doc._deleted) {
        if (doc.schemaVersion === 1) {
          if (await holdsLiveCopy(doc)) return refuse('unverified-deletion', true);
        } else if (key) {
          try {
            openTombstone(doc, key);
          } catch {
            return refuse('tampered');
          }
        }
      } else if (doc.kind !== 'blob' && key) {
        try {
          const plaintext = decryptBytes(doc, key);
          // The record list reads it from there instead of decrypting it again.
          if (doc.kind === 'record') opened.remember(doc, key.id, plaintext);
        } catch (error) {
          if (!(error instanceof CryptoError && error.reason === 'unsupported-version'))
            return refuse('tampered');
        }
      }
      (await history(keys)).accept(doc.id, doc.rev, doc.nonce);
      return { type: 'accept' };
    },
    async report(change) {
      const keys = options.getKeys();
      if (!keys) return;
      const h = await history(keys);
      if (h.refuse(change)) options.onRefused?.(h.refused());
      await h.flush();
    },
    async acknowledged(docs) {
      const keys = options.getKeys();
      if (!keys) return;
      const h = await history(keys);
      for (const doc of docs) {
        h.accept(doc.id, doc.rev, doc.nonce);
        echoes.remember(doc);
      }
      await h.flush();
    },
    async flush() {
      const keys = options.getKeys();
      if (keys) await (await history(keys)).flush();
    },
    async refused() {
      const keys = options.getKeys();
      return keys ? (await history(keys)).refused() : [];
    },
  };
}

/** Most acknowledged writes remembered for their echo; the oldest go first. */
export const MAX_ECHOES = 20_000;

/**
 * This device's writes the server acknowledged, until they come back: the live stream sends every
 * write of the account to all its devices, the writer included. An echo that is the very envelope
 * written here (every field but the server's `updatedAt`) needs no check: it was sealed on this
 * device and its history already holds it. Anything else, even one byte, is checked like any change.
 */
class PushedEchoes {
  private readonly byId = new Map<string, Envelope>();

  remember(doc: Envelope): void {
    this.byId.delete(doc.id);
    this.byId.set(doc.id, doc);
    while (this.byId.size > MAX_ECHOES) {
      const oldest = this.byId.keys().next().value;
      if (oldest === undefined) break;
      this.byId.delete(oldest);
    }
  }

  /** True (once) when `doc` is exactly an acknowledged write of this device. */
  take(doc: Envelope): boolean {
    const mine = this.byId.get(doc.id);
    if (!mine || !sameEnvelopeState(mine, doc)) return false;
    this.byId.delete(doc.id);
    return true;
  }
}
