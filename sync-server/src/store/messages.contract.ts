/** The messaging methods of the Store contract (message-store.ts), run on SQLite and PostgreSQL. */
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { NOW } from './documents.contract.ts';
import type { Store } from './store.ts';

const id = () => randomBytes(16).toString('base64url');

export function messageContract(current: () => Store, newAccount: () => Promise<string>): void {
  async function thread(store: Store) {
    const patient = await newAccount();
    const doctor = await newAccount();
    const threadId = id();
    const created = await store.createThread({
      id: threadId,
      createdBy: patient,
      createdAt: NOW,
      participants: [
        { accountId: patient, role: 'patient', wrappedKeyJson: '{"k":"p"}' },
        { accountId: doctor, role: 'practitioner', wrappedKeyJson: '{"k":"d"}' },
      ],
    });
    expect(created).toBe('created');
    return { patient, doctor, threadId };
  }

  const message = (threadId: string, senderId: string, senderSeq: number, body = 'x') => ({
    threadId,
    senderId,
    senderSeq,
    envelopeJson: JSON.stringify({ senderSeq, body }),
    bytes: 100,
    receivedAt: NOW + senderSeq,
  });

  it('messages: creates threads, refuses a taken id, lists them per participant', async () => {
    const store = current();
    const { patient, doctor, threadId } = await thread(store);
    expect(
      await store.createThread({ id: threadId, createdBy: doctor, createdAt: NOW, participants: [] }),
    ).toBe('id-taken');
    const found = await store.getThread(threadId);
    expect(found).toMatchObject({ id: threadId, createdBy: patient, createdAt: NOW, seq: 0 });
    expect(found?.participants.map((p) => [p.accountId, p.role, p.wrappedKeyJson, p.archived])).toEqual([
      [patient, 'patient', '{"k":"p"}', false],
      [doctor, 'practitioner', '{"k":"d"}', false],
    ]);
    expect((await store.listThreads(doctor)).map((t) => t.id)).toEqual([threadId]);
    expect(await store.listThreads(await newAccount())).toEqual([]);
    expect(await store.getThread(id())).toBeNull();
    expect(await store.setArchived(threadId, doctor, true)).toBe(true);
    expect(await store.setArchived(threadId, await newAccount(), true)).toBe(false);
    const after = await store.getThread(threadId);
    expect(after?.participants.find((p) => p.accountId === doctor)?.archived).toBe(true);
    expect(after?.participants.find((p) => p.accountId === patient)?.archived).toBe(false);
  });

  it('messages: numbers messages per thread, keeps sender counters unique, retries are duplicates', async () => {
    const store = current();
    const { patient, doctor, threadId } = await thread(store);
    expect(await store.addMessage(message(threadId, patient, 1))).toEqual({
      outcome: 'stored',
      seq: 1,
      receivedAt: NOW + 1,
    });
    expect(await store.addMessage(message(threadId, doctor, 1))).toMatchObject({ outcome: 'stored', seq: 2 });
    expect(await store.addMessage(message(threadId, patient, 1))).toEqual({
      outcome: 'duplicate',
      seq: 1,
      receivedAt: NOW + 1,
    });
    expect(await store.addMessage(message(threadId, patient, 1, 'other'))).toEqual({ outcome: 'seq-taken' });
    expect(await store.addMessage(message(id(), patient, 1))).toEqual({ outcome: 'no-thread' });
    const all = await store.listMessages(threadId, 0, 10);
    expect(all.map((m) => [m.seq, m.senderId])).toEqual([
      [1, patient],
      [2, doctor],
    ]);
    expect((await store.listMessages(threadId, 1, 10)).map((m) => m.seq)).toEqual([2]);
    expect((await store.listMessages(threadId, 0, 1)).map((m) => m.seq)).toEqual([1]);
    expect((await store.getThread(threadId))?.seq).toBe(2);
    expect(await store.hasWrittenTo(patient, doctor)).toBe(true);
    expect(await store.hasWrittenTo(patient, await newAccount())).toBe(false);
  });

  it('messages: numbers concurrent posts without gaps or repeats', async () => {
    const store = current();
    const { patient, threadId } = await thread(store);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.addMessage(message(threadId, patient, i + 1))),
    );
    const seqs = outcomes.map((o) => ('seq' in o ? o.seq : 0)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('messages: cursors move forward only, capped at the thread seq; unread and pending follow them', async () => {
    const store = current();
    const { patient, doctor, threadId } = await thread(store);
    for (let i = 1; i <= 3; i++) await store.addMessage(message(threadId, patient, i));
    expect((await store.listThreads(doctor))[0]?.unread).toBe(3);
    expect((await store.listThreads(patient))[0]?.unread).toBe(0);
    expect(await store.pendingBytes(patient)).toBe(300);
    expect(await store.moveCursors(threadId, doctor, 2, 1)).toBe(true);
    expect(await store.pendingBytes(patient)).toBe(100);
    expect((await store.listThreads(doctor))[0]?.unread).toBe(2);
    await store.moveCursors(threadId, doctor, 1, 0);
    await store.moveCursors(threadId, doctor, 99, 99);
    const p = (await store.getThread(threadId))?.participants.find((x) => x.accountId === doctor);
    expect([p?.deliveredSeq, p?.readSeq]).toEqual([3, 3]);
    expect(await store.pendingBytes(patient)).toBe(0);
    expect(await store.moveCursors(threadId, await newAccount(), 1, 1)).toBe(false);
  });

  it('messages: stores attachment chunks once, counts them as pending until delivered', async () => {
    const store = current();
    const { patient, doctor, threadId } = await thread(store);
    const attachmentId = id();
    expect(await store.createAttachment(threadId, attachmentId, patient, 2, NOW)).toBe('created');
    expect(await store.createAttachment(threadId, attachmentId, doctor, 1, NOW)).toBe('id-taken');
    expect(await store.createAttachment(id(), id(), patient, 1, NOW)).toBe('id-taken');
    expect(await store.putChunk(threadId, attachmentId, 0, 'AAAA')).toBe(true);
    expect(await store.putChunk(threadId, attachmentId, 0, 'BBBB')).toBe(false);
    expect(await store.getAttachment(threadId, attachmentId)).toEqual({
      uploaderId: patient,
      chunkCount: 2,
      uploaded: 1,
    });
    expect(await store.getChunk(threadId, attachmentId, 0)).toBe('AAAA');
    expect(await store.getChunk(threadId, attachmentId, 1)).toBeNull();
    expect(await store.pendingBytes(patient)).toBe(4);
    await store.addMessage(message(threadId, patient, 1));
    await store.moveCursors(threadId, doctor, 1);
    expect(await store.pendingBytes(patient)).toBe(0);
  });

  it('messages: blocks, unblocks, lists practitioners; account deletion removes its messaging rows', async () => {
    const store = current();
    const { patient, doctor, threadId } = await thread(store);
    await store.block(doctor, patient, NOW);
    await store.block(doctor, patient, NOW);
    expect(await store.isBlocked(doctor, patient)).toBe(true);
    expect(await store.isBlocked(patient, doctor)).toBe(false);
    expect(await store.listBlocked(doctor)).toEqual([patient]);
    await store.unblock(doctor, patient);
    expect(await store.listBlocked(doctor)).toEqual([]);
    await store.putPractitioner(doctor, '{"name":"Dr"}', NOW);
    expect(await store.listPractitionerProfiles()).toContainEqual({
      accountId: doctor,
      profileJson: '{"name":"Dr"}',
    });

    const attachmentId = id();
    await store.createAttachment(threadId, attachmentId, patient, 1, NOW);
    await store.putChunk(threadId, attachmentId, 0, 'AAAA');
    await store.addMessage(message(threadId, patient, 1));
    await store.block(patient, doctor, NOW);
    expect(await store.deleteAccount(patient)).toBe(true);
    const left = await store.getThread(threadId);
    expect(left?.participants.map((p) => p.accountId)).toEqual([doctor]);
    expect(await store.listMessages(threadId, 0, 10)).toEqual([]);
    expect(await store.getAttachment(threadId, attachmentId)).toBeNull();
    expect(await store.getChunk(threadId, attachmentId, 0)).toBeNull();
    // Once nobody takes part any more, the thread itself goes.
    expect(await store.deleteAccount(doctor)).toBe(true);
    expect(await store.getThread(threadId)).toBeNull();
  });
}
