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
 * - A local deletion keeps the rev of the state it deleted (RxDB's `remove()`), but the server wants
 *   the rev to move forward: the tombstone is sent as `assumed.rev + 1`. Nobody decrypts a tombstone.
 * - Any other row whose rev does not move forward cannot be sent; it is answered as a conflict
 *   against its assumed master, so the conflict handler re-encrypts it on top. Nothing is dropped.
 * - Rows go in requests of at most `MAX_BATCH_SIZE` rows and about 6 MiB (the server takes 8 MiB).
 */
import type { ReplicationPullHandler, ReplicationPushHandler } from 'rxdb';
import { type Checkpoint, MAX_BATCH_SIZE, type PushRow } from '../../../shared/protocol/replication.ts';
import { type Envelope, type EnvelopeKind, envelopeSchema } from '../../../shared/schema/envelope.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import type { ReplicationApi } from '../server/replication.ts';
import { type SyncedEnvelope, sameEnvelopeState, toWireEnvelope } from './envelope-state.ts';

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
    const finish = (at: number) => {
      emptyScan = kept.length === 0 ? { from: start, to: at } : null;
      options.onPulled?.(kept.length);
      return { documents: kept, checkpoint: { seq: at } };
    };
    for (;;) {
      const page = await api.pull({ seq }, batchSize, options.kind);
      const valid: Envelope[] = [];
      for (const doc of page.documents) {
        const parsed = envelopeSchema.safeParse(doc);
        if (!parsed.success) {
          options.onInvalid?.(reportOf(doc, parsed.error.issues));
          return finish(await checkpointBefore(api, seq, valid, kept, options.kind));
        }
        valid.push(parsed.data);
      }
      for (const doc of valid) if (doc.kind === options.kind) kept.push(doc);
      seq = page.checkpoint.seq;
      if (page.documents.length < batchSize || kept.length >= batchSize) return finish(seq);
    }
  };
}

/**
 * The checkpoint right after `valid` (the documents before an invalid one), by asking the server
 * for exactly that many. If the account changed meanwhile, `valid` is dropped from `kept` and the
 * page start is returned: the next pull reads it again.
 */
async function checkpointBefore(
  api: ReplicationApi,
  seq: number,
  valid: readonly Envelope[],
  kept: SyncedEnvelope[],
  kind: EnvelopeKind,
): Promise<number> {
  if (valid.length === 0) return seq;
  const again = await api.pull({ seq }, valid.length, kind);
  const same =
    again.documents.length === valid.length &&
    again.documents.every((doc, i) => (doc as { id?: unknown }).id === valid[i]?.id);
  if (!same) return seq;
  for (const doc of valid) if (doc.kind === kind) kept.push(doc);
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
      conflicts.push(...answer.conflicts);
    }
    return conflicts;
  };
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
