/**
 * Starts the replication of the envelope collections with the sync server (docs/architecture.md §6): one RxDB
 * `replicateRxCollection` per collection (profiles, records, blobs), each keeping its own envelope
 * `kind` from the account's single sequence; one live stream shared by the three.
 *
 * Run it while the vault is unlocked: conflicts are resolved after decryption (conflict-handler.ts,
 * installed on the collections by the database), so a locked device has nothing to resolve with.
 * Errors are retried by RxDB every `retryTime` (and at once when the browser comes back online);
 * the status says why meanwhile.
 */
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import { concatMap, filter, type Observable, type Subscription, share } from 'rxjs';
import type { MessageEvent } from '../../../shared/protocol/messages.ts';
import { type Checkpoint, MAX_BATCH_SIZE } from '../../../shared/protocol/replication.ts';
import { type Envelope, type EnvelopeKind, envelopeSchema } from '../../../shared/schema/envelope.ts';
import type { Now, SetTimer } from '../core/clock.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import type { ReplicationApi } from '../server/replication.ts';
import { ServerError, toServerError } from '../server/server-error.ts';
import type { SyncedEnvelope } from './envelope-state.ts';
import { createPullGuard, type PullGuard } from './pull-guard.ts';
import { createPullHandler, createPushHandler, type InvalidDocumentReport } from './replication-handlers.ts';
import { liveStream, type StreamItem } from './stream.ts';
import type { SyncKeys } from './sync-keys.ts';
import { type SyncStatus, SyncStatusTracker } from './sync-status.ts';

// The server's largest page (MAX_BATCH_SIZE): each request, history write and local bulk write
// costs about the same for 100 rows as for 500 (issue 15 profile), so fewer and fuller is faster.
export const SYNCED_COLLECTIONS = [
  { name: 'profiles', kind: 'profile', pushBatch: MAX_BATCH_SIZE },
  { name: 'records', kind: 'record', pushBatch: MAX_BATCH_SIZE },
  // 512 KiB chunks: a handful per request keeps pushes under the server's body limit.
  { name: 'blobs', kind: 'blob', pushBatch: 8 },
] as const satisfies readonly {
  name: keyof CarnetDatabase['collections'];
  kind: EnvelopeKind;
  pushBatch: number;
}[];

export interface StartReplicationOptions {
  readonly db: CarnetDatabase;
  readonly api: ReplicationApi;
  readonly onStatus?: (status: SyncStatus) => void;
  readonly onInvalidDocument?: (report: InvalidDocumentReport) => void;
  /**
   * The unlocked session's keys, for the pull guard (pull-guard.ts: rollback, tampered and
   * unverifiable deletions are refused and listed in the status). Without it nothing is checked
   * beyond the envelope schema: tests of the transport only.
   */
  readonly getKeys?: () => SyncKeys | null;
  /** Names this replication's checkpoints in the database; one per server and account. */
  readonly identifier?: string;
  readonly live?: boolean;
  /** Live `message` events of the stream (messaging refreshes that thread). */
  readonly onMessage?: (event: MessageEvent) => void;
  /** Each (re)connection of the live stream: events sent while away are not replayed. */
  readonly onReconnected?: () => void;
  /** Defaults to the live stream over `api`; tests may pass their own or none. */
  readonly stream$?: Observable<StreamItem> | null;
  readonly retryTime?: number;
  readonly pullBatchSize?: number;
  /** With several tabs open, only the leader replicates (RxDB's default). */
  readonly waitForLeadership?: boolean;
  readonly setTimer?: SetTimer;
  readonly now?: Now;
}

export interface SyncHandle {
  status(): SyncStatus;
  /** Resolves when every local write is on the server and every server change is here. */
  awaitInSync(): Promise<void>;
  /** Pulls now (e.g. the user pressed "retry"). */
  reSync(): void;
  stop(): Promise<void>;
}

type ReplicationState = RxReplicationState<StoredEnvelope, Checkpoint>;

export function startReplication(options: StartReplicationOptions): SyncHandle {
  const status = new SyncStatusTracker(options.onStatus, options.now);
  const identifier = options.identifier ?? `carnet-sync:${options.api.baseUrl}`;
  const subscriptions: Subscription[] = [];
  const api = () => options.api;
  const guard = options.getKeys
    ? createPullGuard({
        db: options.db,
        getKeys: options.getKeys,
        ...(options.now ? { now: options.now } : {}),
        onRefused: (refused) => status.refused(refused),
      })
    : undefined;
  // Refusals listed before a reload stay visible.
  void guard?.refused().then((refused) => {
    if (refused.length > 0) status.refused(refused);
  });

  const shared$ =
    options.stream$ === undefined
      ? liveStream({
          api: options.api,
          ...(options.setTimer ? { setTimer: options.setTimer } : {}),
          onError: (error) => status.failed(error),
          onConnected: () => {
            status.succeeded();
            options.onReconnected?.();
          },
          ...(options.onMessage ? { onMessage: options.onMessage } : {}),
        }).pipe(share())
      : options.stream$?.pipe(share());

  const tracked =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        const result = await fn(...args);
        status.succeeded();
        return result;
      } catch (error) {
        status.failed(toServerError(error));
        throw error;
      }
    };

  const states: ReplicationState[] = SYNCED_COLLECTIONS.map(({ name, kind, pushBatch }) => {
    const pull = createPullHandler({
      api,
      kind,
      onPulled: (count) => status.pulled(count),
      ...(guard ? { guard } : {}),
      onInvalid: (report) => {
        options.onInvalidDocument?.(report);
        status.failed(new ServerError('invalid-document', 'a document from the server was skipped'));
      },
    });
    const push = createPushHandler({
      api,
      onPushing: (rows) => status.pushing(rows),
      onPushed: (rows) => status.pushed(rows),
      ...(guard ? { guard } : {}),
    });
    const state = replicateRxCollection<StoredEnvelope, Checkpoint>({
      replicationIdentifier: `${identifier}:${name}`,
      collection: options.db.collections[name],
      live: options.live ?? true,
      retryTime: options.retryTime ?? 5_000,
      waitForLeadership: options.waitForLeadership ?? true,
      pull: {
        handler: tracked(pull),
        batchSize: options.pullBatchSize ?? MAX_BATCH_SIZE,
        ...(shared$
          ? {
              stream$: shared$.pipe(
                concatMap((item) => forKind(item, kind, guard)),
                filter(isDefined),
              ),
            }
          : {}),
      },
      push: { handler: tracked(push), batchSize: pushBatch },
    });
    subscriptions.push(state.active$.subscribe((active) => status.setActive(name, active)));
    return state;
  });

  return {
    status: () => status.status,
    async awaitInSync() {
      await Promise.all(states.map((state) => state.awaitInSync()));
    },
    reSync() {
      for (const state of states) state.reSync();
    },
    async stop() {
      for (const subscription of subscriptions) subscription.unsubscribe();
      await Promise.all(states.map((state) => state.cancel()));
    },
  };
}

type PullStreamItem = 'RESYNC' | { documents: SyncedEnvelope[]; checkpoint: Checkpoint };

/**
 * A stream event as one collection sees it: its own kind only. A change carrying an invalid
 * envelope, or one the guard does not accept, becomes a resync, so the pull path (which never passes
 * such a document, and reports it) handles it.
 */
async function forKind(
  item: StreamItem,
  kind: EnvelopeKind,
  guard: PullGuard | undefined,
): Promise<PullStreamItem | undefined> {
  if (item === 'RESYNC') return item;
  const documents: Envelope[] = [];
  for (const doc of item.documents) {
    const parsed = envelopeSchema.safeParse(doc);
    if (!parsed.success) return 'RESYNC';
    if (parsed.data.kind === kind) documents.push(parsed.data);
  }
  // The echo of this device's own acknowledged writes is left out: RxDB would only read its
  // copies to find them equal (pull-guard.ts says when a change is an echo). One is kept when
  // nothing else is left, to carry the event's checkpoint: RxDB stores none for an empty change, and
  // the next start would pull every echo again.
  const changed: Envelope[] = [];
  let echo: Envelope | undefined;
  try {
    for (const doc of documents) {
      const verdict = guard ? await guard.check(doc) : ({ type: 'accept' } as const);
      if (verdict.type !== 'accept') return 'RESYNC';
      if ('echo' in verdict && verdict.echo) echo = doc;
      else changed.push(doc);
    }
    await guard?.flush();
  } catch {
    // The stream must outlive a failed check (e.g. the database closing): the pull retries it.
    return 'RESYNC';
  }
  if (changed.length === 0 && echo) changed.push(echo);
  return changed.length > 0 ? { documents: changed, checkpoint: item.checkpoint } : undefined;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
