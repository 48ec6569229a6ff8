/**
 * Pull and push handlers for RxDB's `replicateRxCollection` over the sync API (docs/architecture.md §6).
 *
 * Pull (checkpoint `{seq}`, the account's one server sequence):
 * - Each collection asks the server for its own `kind` only, so a page holds nothing else and one
 *   request answers a pull. The handler still checks each document's kind and keeps only its own,
 *   as a guard: should a page hold other kinds (a server that did not filter), it reads on until it
 *   has a full batch of its kind or the end, because RxDB stops asking when a page has fewer
 *   documents than the batch size and never stores the checkpoint of an empty page, and it
 *   remembers in memory where a scan that found nothing ended, so it is not repeated. With a
 *   filtering server these loops end after the first request.
 * - Each document is parsed with `envelopeSchema`. The first invalid one stops the page: the valid
 *   ones before it are returned with the checkpoint just before it (asked of the server with a
 *   shorter page), so the checkpoint never passes a document this client did not store. It is
 *   reported (id and issue paths only), and the pull resumes there once the server holds a valid
 *   version of it.
 *
 * Push (rows `{assumedMasterState, newDocumentState}` → conflicts as master states):
 * - A row whose new state equals the assumed master (a conflict resolved to the master) is not sent.
 * - The app seals its deletions at the next rev (records/sealed-removal.ts). A deletion that kept the
 *   rev of the state it deleted (RxDB's `remove()`, as versions before envelope version 2 did, still
 *   waiting in an old device's queue) is sent as `assumed.rev + 1`: a version-1 tombstone, which
 *   other devices accept only where it hides nothing they show (pull-guard.ts).
 * - Any other row whose rev does not move forward cannot be sent; it is answered as a conflict
 *   against its assumed master, so the conflict handler re-encrypts it on top. Nothing is dropped.
 * - Rows go in requests of at most `MAX_BATCH_SIZE` rows and about 6 MiB (the server takes 8 MiB).
 *
 * With a guard (pull-guard.ts), each pulled document of the collection's kind is checked before it is
 * returned: a refused one is reported and either stops the page like an invalid one or, for an
 * unverifiable legacy deletion, is left out while the page goes on; the server's conflict answers
 * are checked the same way, and acknowledged writes are remembered as seen.
 */
import type { ReplicationPullHandler, ReplicationPushHandler } from 'rxdb';
import { type Checkpoint, MAX_BATCH_SIZE, type PushRow } from '../../../shared/protocol/replication.ts';
import { type Envelope, type EnvelopeKind, envelopeSchema } from '../../../shared/schema/envelope.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import type { ReplicationApi } from '../server/replication.ts';
import { ServerError } from '../server/server-error.ts';
import { type SyncedEnvelope, sameEnvelopeState, toWireEnvelope } from './envelope-state.ts';
import type { PullGuard } from './pull-guard.ts';

export interface InvalidDocumentReport {
  /** The document's id when it has a readable one. */
  readonly id: string | null;
  /** Paths of the fields that failed, e.g. `rev` or `title` (never their values). */
  readonly paths: readonly string[];
}

export interface PullHandlerOptions {
  readonly api: () => ReplicationApi;
  readonly kind: EnvelopeKind;
  readonly onInvalid?: (report: InvalidDocumentReport) => void;
  /** Each successful page, for the sync status. */
  readonly onPulled?: (count: number) => void;
  /** Refuses rolled-back, tampered or unverifiable changes (pull-guard.ts). */
  readonly guard?: PullGuard;
}

type Issue = {
  readonly path: readonly PropertyKey[];
  readonly code?: string;
  readonly keys?: readonly string[];
};

function reportOf(doc: unknown, issues: readonly Issue[]): InvalidDocumentReport {
  const id = (doc as { id?: unknown } | null)?.id;
  const paths = issues.flatMap((issue) => {
    const at = issue.path.map(String);
    // An unknown field is reported on its parent, with its name in `keys`.
    const names = issue.code === 'unrecognized_keys' && issue.keys ? issue.keys : [null];
    return names.map((name) => (name === null ? at : [...at, name]).join('.'));
  });
  return { id: typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null, paths };
}

export function createPullHandler(
  options: PullHandlerOptions,
): ReplicationPullHandler<StoredEnvelope, Checkpoint> {
  let emptyScan: { from: number; to: number } | null = null;

  return async (lastCheckpoint, batchSize) => {
    const api = options.api();
    const start = lastCheckpoint?.seq ?? 0;
    let seq = emptyScan?.from === start ? emptyScan.to : start;
    const kept: SyncedEnvelope[] = [];
    const finish = async (at: number) => {
      emptyScan = kept.length === 0 ? { from: start, to: at } : null;
      await options.guard?.flush();
      options.onPulled?.(kept.length);
      return { documents: kept, checkpoint: { seq: at } };
    };
    for (;;) {
      const page = await api.pull({ seq }, batchSize, options.kind);
      // The page's documents before a stop, in order, and those of them to store.
      const before: Envelope[] = [];
      const keep: Envelope[] = [];
      for (const doc of page.documents) {
        const parsed = envelopeSchema.safeParse(doc);
        if (!parsed.success) {
          options.onInvalid?.(reportOf(doc, parsed.error.issues));
          return finish(await checkpointBefore(api, seq, before, keep, kept, options.kind));
        }
        const envelope = parsed.data;
        if (envelope.kind === options.kind) {
          const verdict = options.guard ? await options.guard.check(envelope) : null;
          if (verdict?.type === 'refuse') await options.guard?.report(verdict.change);
          if (verdict?.type === 'wait' || (verdict?.type === 'refuse' && !verdict.skip)) {
            return finish(await checkpointBefore(api, seq, before, keep, kept, options.kind));
          }
          if (verdict === null || verdict.type === 'accept') keep.push(envelope);
        }
        before.push(envelope);
      }
      kept.push(...keep);
      seq = page.checkpoint.seq;
      if (page.documents.length < batchSize || kept.length >= batchSize) return finish(seq);
    }
  };
}

/**
 * The checkpoint right after `before` (the documents ahead of the one that stopped the page), by
 * asking the server for exactly that many; `keep` (those of them to store) then joins `kept`. If the
 * account changed meanwhile, `keep` is dropped and the page start is returned: the next pull reads it
 * again.
 */
async function checkpointBefore(
  api: ReplicationApi,
  seq: number,
  before: readonly Envelope[],
  keep: readonly Envelope[],
  kept: SyncedEnvelope[],
  kind: EnvelopeKind,
): Promise<number> {
  if (before.length === 0) return seq;
  const again = await api.pull({ seq }, before.length, kind);
  const same =
    again.documents.length === before.length &&
    again.documents.every((doc, i) => (doc as { id?: unknown }).id === before[i]?.id);
  if (!same) return seq;
  kept.push(...keep);
  return again.checkpoint.seq;
}

/** Bytes of JSON a row costs, roughly: ciphertext dominates. */
function rowSize(row: PushRow): number {
  return 600 + row.newDocumentState.ciphertext.length + (row.assumedMasterState?.ciphertext.length ?? 0);
}

const MAX_PUSH_BYTES = 6 * 1024 * 1024;

export interface PushHandlerOptions {
  readonly api: () => ReplicationApi;
  /** Before and after each request, for the sync status. */
  readonly onPushing?: (rows: number) => void;
  readonly onPushed?: (rows: number) => void;
  /** Checks the server's answers like pulled documents, and learns the acknowledged writes. */
  readonly guard?: PullGuard;
}

export function createPushHandler(options: PushHandlerOptions): ReplicationPushHandler<StoredEnvelope> {
  return async (rows) => {
    const api = options.api();
    const conflicts: SyncedEnvelope[] = [];
    const send: PushRow[] = [];
    for (const row of rows) {
      const assumed = row.assumedMasterState ? toWireEnvelope(row.assumedMasterState) : null;
      let next = toWireEnvelope(row.newDocumentState);
      if (assumed && sameEnvelopeState(assumed, next)) continue;
      if (assumed && next.rev <= assumed.rev) {
        if (!next._deleted) {
          conflicts.push(assumed);
          continue;
        }
        next = { ...next, rev: assumed.rev + 1 };
      }
      send.push({ assumedMasterState: assumed, newDocumentState: next });
    }
    for (const batch of batches(send)) {
      options.onPushing?.(batch.length);
      const answer = await api.push(batch);
      options.onPushed?.(batch.length);
      await checkAnswer(options.guard, batch, answer.conflicts);
      conflicts.push(...answer.conflicts);
    }
    return conflicts;
  };
}

/**
 * A conflict answer is the server's copy and becomes this device's master, so it is checked like a
 * pulled document: a refused one fails the push (RxDB retries it later) rather than being merged
 * under. The rows without a conflict are the server's newest copies: remembered as seen.
 */
async function checkAnswer(
  guard: PullGuard | undefined,
  batch: readonly PushRow[],
  conflicts: readonly Envelope[],
): Promise<void> {
  if (!guard) return;
  for (const conflict of conflicts) {
    const verdict = await guard.check(conflict);
    if (verdict.type === 'accept') continue;
    if (verdict.type === 'refuse') await guard.report(verdict.change);
    throw new ServerError('invalid-document', 'the server answered a push with a refused copy');
  }
  const conflicting = new Set(conflicts.map((c) => c.id));
  await guard.acknowledged(
    batch.map((row) => row.newDocumentState).filter((doc) => !conflicting.has(doc.id)),
  );
}

function batches(rows: readonly PushRow[]): PushRow[][] {
  const out: PushRow[][] = [];
  let current: PushRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = rowSize(row);
    if (current.length > 0 && (current.length >= MAX_BATCH_SIZE || bytes + size > MAX_PUSH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
