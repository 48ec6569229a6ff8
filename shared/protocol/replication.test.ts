import { describe, expect, it } from 'vitest';
import { parseWith } from '../schema/readable-issues.ts';
import { issuesOf } from '../schema/testing.ts';
import {
  MAX_BATCH_SIZE,
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  streamMessageSchema,
} from './replication.ts';

function envelope(id: string, rev: number) {
  return {
    id,
    profileId: 'prf_lea',
    kind: 'record',
    rev,
    updatedAt: 0,
    _deleted: false,
    keyId: 'q2mHh1Jm0bJ2kC5s',
    schemaVersion: 1,
    nonce: 'Hs1Y0bT3WQ6mW8m4y2ZtYk1S0xP9cB7d',
    ciphertext: 'y3Jp9dJ0tQ8nX2zLmB7vR1cK4wE6hG5a',
  };
}

describe('pull', () => {
  it('accepts a first pull without checkpoint and a pull from a checkpoint', () => {
    expect(parseWith(pullRequestSchema, { checkpoint: null, batchSize: 100 }).ok).toBe(true);
    expect(parseWith(pullRequestSchema, { checkpoint: { seq: 42 }, batchSize: MAX_BATCH_SIZE })).toEqual({
      ok: true,
      value: { checkpoint: { seq: 42 }, batchSize: 500 },
    });
  });

  it.each([0, 501, 2.5])('rejects a batch size of %s', (batchSize) => {
    const message = Number.isInteger(batchSize)
      ? 'Batch size must be between 1 and 500'
      : 'Batch size must be a whole number';
    expect(issuesOf(pullRequestSchema, { checkpoint: null, batchSize })).toEqual([
      { path: 'batchSize', message },
    ]);
  });

  it('requires the checkpoint, even if null, and rejects a negative sequence', () => {
    expect(issuesOf(pullRequestSchema, { batchSize: 10 })).toEqual([
      { path: 'checkpoint', message: 'Checkpoint is required' },
    ]);
    expect(issuesOf(pullRequestSchema, { checkpoint: 42, batchSize: 10 })).toEqual([
      { path: 'checkpoint', message: 'Checkpoint must be an object such as {"seq": 42}' },
    ]);
    expect(issuesOf(pullRequestSchema, { checkpoint: { seq: -1 }, batchSize: 10 })).toEqual([
      { path: 'checkpoint.seq', message: 'Checkpoint sequence must not be negative' },
    ]);
  });

  it('rejects a timestamp-based checkpoint: only the server sequence orders documents', () => {
    expect(issuesOf(pullRequestSchema, { checkpoint: { seq: 3, updatedAt: 1 }, batchSize: 10 })).toEqual([
      { path: 'checkpoint.updatedAt', message: 'Unknown field "updatedAt" is not allowed here' },
    ]);
  });

  it('accepts a response with documents and validates each envelope', () => {
    expect(parseWith(pullResponseSchema, { documents: [envelope('a', 1)], checkpoint: { seq: 7 } }).ok).toBe(
      true,
    );
    expect(issuesOf(pullResponseSchema, { documents: [envelope('a', 0)], checkpoint: { seq: 7 } })).toEqual([
      { path: 'documents.0.rev', message: 'Revision must be at least 1' },
    ]);
  });
});

describe('push', () => {
  it('accepts a new document and an update of a known one', () => {
    const push = {
      rows: [
        { assumedMasterState: null, newDocumentState: envelope('a', 1) },
        { assumedMasterState: envelope('b', 4), newDocumentState: envelope('b', 5) },
      ],
    };
    expect(parseWith(pushRequestSchema, push)).toEqual({ ok: true, value: push });
  });

  it('rejects more than 500 rows, and none', () => {
    const rows = Array.from({ length: 501 }, (_, i) => ({
      assumedMasterState: null,
      newDocumentState: envelope(`d${i}`, 1),
    }));
    expect(issuesOf(pushRequestSchema, { rows })).toEqual([
      { path: 'rows', message: 'A push may contain at most 500 rows' },
    ]);
    expect(issuesOf(pushRequestSchema, { rows: [] })).toEqual([
      { path: 'rows', message: 'A push must contain at least one row' },
    ]);
  });

  it('accepts exactly 500 rows', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({
      assumedMasterState: null,
      newDocumentState: envelope(`d${i}`, 1),
    }));
    expect(parseWith(pushRequestSchema, { rows }).ok).toBe(true);
  });

  it('rejects a new state for another document than the assumed one', () => {
    expect(
      issuesOf(pushRequestSchema, {
        rows: [{ assumedMasterState: envelope('a', 1), newDocumentState: envelope('b', 2) }],
      }),
    ).toEqual([
      {
        path: 'rows.0.newDocumentState',
        message: 'The new state must have the same id, profile and kind as the assumed master state',
      },
    ]);
  });

  it('rejects a new revision that does not move forward', () => {
    expect(
      issuesOf(pushRequestSchema, {
        rows: [{ assumedMasterState: envelope('a', 3), newDocumentState: envelope('a', 3) }],
      }),
    ).toEqual([
      {
        path: 'rows.0.newDocumentState.rev',
        message: 'The new revision must be higher than the assumed master revision',
      },
    ]);
  });

  it('rejects two writes to one document in one push', () => {
    const rows = [
      { assumedMasterState: null, newDocumentState: envelope('a', 1) },
      { assumedMasterState: envelope('a', 1), newDocumentState: envelope('a', 2) },
    ];
    expect(issuesOf(pushRequestSchema, { rows })).toEqual([
      { path: 'rows.1.newDocumentState.id', message: 'Document a appears more than once in this push' },
    ]);
  });

  it('rejects a malformed envelope inside a row, at its path', () => {
    const rows = [{ assumedMasterState: null, newDocumentState: { ...envelope('a', 1), title: 'HIV test' } }];
    expect(issuesOf(pushRequestSchema, { rows })).toEqual([
      { path: 'rows.0.newDocumentState.title', message: 'Unknown field "title" is not allowed here' },
    ]);
  });

  it('returns conflicts as master envelopes', () => {
    expect(parseWith(pushResponseSchema, { conflicts: [envelope('b', 6)] }).ok).toBe(true);
    expect(parseWith(pushResponseSchema, { conflicts: [] }).ok).toBe(true);
    expect(issuesOf(pushResponseSchema, {})).toEqual([
      { path: 'conflicts', message: 'Conflicts is required' },
    ]);
  });
});

describe('stream', () => {
  it('accepts change and resync messages', () => {
    const change = { type: 'change', documents: [envelope('a', 2)], checkpoint: { seq: 9 } };
    expect(parseWith(streamMessageSchema, change)).toEqual({ ok: true, value: change });
    expect(parseWith(streamMessageSchema, { type: 'resync' })).toEqual({
      ok: true,
      value: { type: 'resync' },
    });
    const message = { type: 'message', threadId: 'A'.repeat(22), seq: 3 };
    expect(parseWith(streamMessageSchema, message)).toEqual({ ok: true, value: message });
  });

  it('rejects an unknown message type and a change without checkpoint', () => {
    expect(issuesOf(streamMessageSchema, { type: 'ping' })).toEqual([
      { path: 'type', message: 'Stream message type must be one of: change, resync, message' },
    ]);
    expect(issuesOf(streamMessageSchema, { type: 'change', documents: [] })).toEqual([
      { path: 'checkpoint', message: 'Checkpoint is required' },
    ]);
  });
});
