/**
 * Deleting an account, checked on the database itself (both stores): every row of every table is
 * read before and after, and searched for the account's id, its email hash and the ids of what it
 * owned. The account's own rows must all be gone. Two kinds of row may still name it, both the
 * OTHER party's data, kept on purpose: an entry it wrote as a practitioner into another patient's
 * share (`share_entries.author_id`, waiting for that patient to import it, signed), and a thread
 * it opened in which the other person still takes part (`threads.created_by`).
 */
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { create, envelope } from '../testing/envelopes.ts';
import { NOW } from './documents.contract.ts';
import { newShare } from './shares.contract.ts';
import type { Store } from './store.ts';

export interface StoredRow {
  readonly table: string;
  /** The row as text (JSON or the database's own rendering). */
  readonly row: string;
}

/** Every table of the store's database, and every row of each. */
export type ReadAllRows = () => Promise<{ readonly tables: readonly string[]; readonly rows: StoredRow[] }>;

const id = () => randomBytes(16).toString('base64url');

/** Every table a store has today; a new one must be added here, and to the scenario if it holds account data. */
export const TABLES = [
  'access_events',
  'accounts',
  'appointments',
  'attachment_chunks',
  'challenges',
  'documents',
  'emergency_openings',
  'emergency_tokens',
  'message_blocks',
  'opinion_items',
  'opinion_offers',
  'opinion_requests',
  'practitioner_availability',
  'practitioners',
  'push_subscriptions',
  'schema_migrations',
  'sessions',
  'share_entries',
  'share_file_chunks',
  'share_files',
  'share_log',
  'shares',
  'thread_attachments',
  'thread_messages',
  'thread_participants',
  'threads',
];

/**
 * PostgreSQL only: the signaling relay between instances (signaling/postgres-relay.ts). They hold
 * peer ids (MACs, not account ids), token MACs and signaling messages in transit, never an account id.
 */
export const POSTGRES_ONLY_TABLES = ['signaling_messages', 'signaling_peers', 'signaling_used_tokens'];

export function deletionScanContract(
  current: () => Store,
  newAccount: () => Promise<string>,
  readAllRows: ReadAllRows,
): void {
  it('deleting an account leaves no row of it in any table (the scan reads every table)', async () => {
    const store = current();
    const a = await newAccount();
    const b = await newAccount();
    const aHash = `hash-${a}`;

    // A: documents, a session, a challenge, an emergency token and an opening, a practitioner profile.
    await store.push(a, [create(envelope('x')), create(envelope('y'))], NOW);
    await store.createSession(`ta-${a}`, a, NOW + 60_000);
    await store.putChallenge(`na-${a}`, aHash, NOW + 60_000);
    const token = `tok-${a}`;
    expect(await store.registerEmergencyToken(a, token, NOW)).toBe('registered');
    expect(await store.recordEmergencyOpening(token, NOW + 1, 50)).toBe(true);
    await store.putPractitioner(a, '{"name":"A"}', NOW);
    // A push subscription of one of A's devices (docs/architecture.md §8.7).
    await store.createSession(`tp-${a}`, a, NOW + 60_000, {
      id: `sp-${a}`,
      name: 'A tablet',
      createdAt: NOW,
    });
    await store.putPushSubscription(
      a,
      { sessionId: `sp-${a}`, endpoint: 'https://push.example.test/x', p256dh: 'p', auth: 'u' },
      NOW,
    );
    // A's access history: a sign-in (device list and events, docs/architecture.md §7.5).
    await store.addAccessEvent(
      a,
      { at: NOW, kind: 'sign-in', sessionId: `sa-${a}`, deviceName: 'A phone' },
      500,
    );
    // A's share, opened by B who left an entry in it.
    const aShare = newShare(a);
    expect(await store.createShare(aShare)).toBe('created');
    const logEntry = { at: NOW, action: 'open' as const, actor: 'x', profession: null, sections: [] };
    await store.addShareLog({ ...logEntry, shareId: aShare.id, actorId: b });
    const entry = { sealed: 's', createdAt: NOW, authorName: 'x', authorSignPk: 'k' };
    await store.addPendingEntry({ ...entry, id: 'from-b', shareId: aShare.id, authorId: b }, 100);
    // B's share, opened by A who left an entry in it (B's data: it stays, for B to import).
    const bShare = newShare(b);
    expect(await store.createShare(bShare)).toBe('created');
    await store.addShareLog({ ...logEntry, shareId: bShare.id, actorId: a });
    await store.addPendingEntry({ ...entry, id: 'from-a', shareId: bShare.id, authorId: a }, 100);
    // A thread A opened with B: a message and an attachment from A, blocks both ways.
    const threadId = id();
    const participants = [
      { accountId: a, role: 'patient' as const, wrappedKeyJson: '{"k":"a"}' },
      { accountId: b, role: 'practitioner' as const, wrappedKeyJson: '{"k":"b"}' },
    ];
    expect(await store.createThread({ id: threadId, createdBy: a, createdAt: NOW, participants })).toBe(
      'created',
    );
    const attachmentId = id();
    await store.createAttachment(threadId, attachmentId, a, 1, NOW);
    await store.putChunk(threadId, attachmentId, 0, 'AAAA');
    await store.addMessage({
      threadId,
      senderId: a,
      senderSeq: 1,
      envelopeJson: '{"body":"x"}',
      bytes: 100,
      receivedAt: NOW,
    });
    await store.block(a, b, NOW);
    await store.block(b, a, NOW);
    // A's availability, and an appointment between A (practitioner) and B: it goes with either account.
    await store.putAvailability(a, '{"slotMinutes":30}', NOW);
    const appointment = {
      id: id(),
      practitionerId: a,
      patientId: b,
      startsAt: NOW + 86_400_000,
      durationMinutes: 30,
      status: 'requested' as const,
      proposedBy: 'patient' as const,
      sealedPractitioner: 's',
      sealedPatient: 's',
      createdAt: NOW,
      updatedAt: NOW,
    };
    expect(await store.createAppointment(appointment)).toBe('created');

    // A second opinion A asked, accepted by B, with an item from each; and one B asked that A
    // accepted (B's: it stays, with A's items and A's name as the doctor gone).
    const opinionId = id();
    await store.createOpinion({
      id: opinionId,
      requesterId: a,
      createdAt: NOW,
      requesterCopy: 'copy',
      offers: [{ candidateId: b, sealedSummary: 's' }],
    });
    expect(await store.acceptOpinion(opinionId, b, NOW, NOW + 1, 0)).toBe('accepted');
    const opinionItem = { kind: 'note' as const, at: NOW, forRequester: 'r', forDoctor: 'd' };
    await store.addOpinionItem({ ...opinionItem, requestId: opinionId, authorId: a });
    await store.addOpinionItem({ ...opinionItem, requestId: opinionId, authorId: b });
    const bOpinion = id();
    await store.createOpinion({
      id: bOpinion,
      requesterId: b,
      createdAt: NOW,
      requesterCopy: 'copy',
      offers: [{ candidateId: a, sealedSummary: 's' }],
    });
    expect(await store.acceptOpinion(bOpinion, a, NOW, NOW + 1, 0)).toBe('accepted');
    await store.addOpinionItem({ ...opinionItem, requestId: bOpinion, authorId: a });

    const marks = [a, aHash, token, aShare.id, attachmentId, opinionId];
    const naming = (rows: readonly StoredRow[]) =>
      rows.filter((r) => marks.some((mark) => r.row.includes(mark))).map((r) => r.table);

    const { tables, rows: before } = await readAllRows();
    // A table added later must be added here too, and to the scenario if it holds account data.
    expect([...tables].sort()).toEqual(
      store.kind === 'postgres' ? [...TABLES, ...POSTGRES_ONLY_TABLES].sort() : TABLES,
    );
    // The scan does see A everywhere it is, so an empty answer below means something.
    expect(new Set(naming(before))).toEqual(
      new Set([
        'access_events',
        'accounts',
        'appointments',
        'attachment_chunks',
        'challenges',
        'documents',
        'emergency_openings',
        'emergency_tokens',
        'message_blocks',
        'practitioner_availability',
        'opinion_items',
        'opinion_offers',
        'opinion_requests',
        'practitioners',
        'push_subscriptions',
        'sessions',
        'share_entries',
        'share_log',
        'shares',
        'thread_attachments',
        'thread_messages',
        'thread_participants',
        'threads',
      ]),
    );

    expect(await store.deleteAccount(a)).toBe(true);
    const { rows: after } = await readAllRows();
    expect(naming(after).sort()).toEqual(['share_entries', 'threads']);
    const kept = after.filter((r) => r.row.includes(a));
    expect(
      kept.every((r) => (r.table === 'share_entries' ? r.row.includes(bShare.id) : r.row.includes(threadId))),
    ).toBe(true);
    // B's own data is untouched.
    expect(await store.getShare(bShare.id)).not.toBeNull();
    expect(await store.listShareLog(bShare.id)).toHaveLength(1);
    expect((await store.getThread(threadId))?.participants.map((p) => p.accountId)).toEqual([b]);
    expect(await store.getAccount(b)).not.toBeNull();
    expect(await store.getOpinion(bOpinion)).toMatchObject({ requesterId: b, doctorId: null, items: 0 });
  });
}
