/**
 * Replication: pull and push pages of encrypted envelopes, and the live stream's connection.
 * Pulled documents stay unvalidated here: the replication checks each envelope on its own, so one
 * bad document is skipped and reported instead of failing the page.
 */
import { API } from '../../../shared/protocol/api.ts';
import type { Checkpoint, PushRow } from '../../../shared/protocol/replication.ts';
import type { EnvelopeKind } from '../../../shared/schema/envelope.ts';
import type { Transport } from './transport.ts';

export interface RawPullResponse {
  /** Not yet validated: check each with `envelopeSchema`. */
  readonly documents: readonly unknown[];
  readonly checkpoint: Checkpoint;
}

export class ReplicationApi {
  constructor(private readonly transport: Transport) {}

  get baseUrl(): string {
    return this.transport.baseUrl;
  }

  /** With `kind`, the server returns only documents of that kind. */
  pull = (checkpoint: Checkpoint | null, batchSize: number, kind?: EnvelopeKind): Promise<RawPullResponse> =>
    this.transport.call(API.pull, { body: { checkpoint, batchSize, ...(kind ? { kind } : {}) } });

  push = (rows: readonly PushRow[]) => this.transport.call(API.push, { body: { rows: [...rows] } });

  /** Opens the live stream (server-sent events); the caller reads the body (sync/stream.ts). */
  openStream = (signal: AbortSignal): Promise<Response> =>
    this.transport.open(API.stream, signal, 'text/event-stream');
}
