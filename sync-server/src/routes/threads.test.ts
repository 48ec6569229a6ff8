import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptAttachment, encryptAttachment } from '../../../shared/crypto/attachment.ts';
import { toBase64 } from '../../../shared/crypto/encoding.ts';
import { randomId } from '../../../shared/crypto/random.ts';
import {
  generateShareId,
  generateShareKey,
  sealSnapshot,
  shareAccessToken,
} from '../../../shared/crypto/share-key.ts';
import { unwrapThreadKey } from '../../../shared/crypto/thread-key.ts';
import { verifyThread } from '../../../shared/crypto/thread-verify.ts';
import type { MessagePage, ThreadList, ThreadSummary } from '../../../shared/protocol/messages.ts';
import { jsonInit } from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { envelope, LISTED, type Person, person, threadRequest } from '../testing/thread-fixtures.ts';

describe('threads', () => {
  let t: TestApp;
  let clock = 1_750_000_000_000;
  let patient: Person;
  let doctor: Person;
  let unlisted: Person;
  let otherPatient: Person;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    patient = await person(t.fetcher);
    otherPatient = await person(t.fetcher);
    doctor = await person(t.fetcher, LISTED);
    unlisted = await person(t.fetcher, { ...LISTED, name: 'Dr Unlisted', listed: false });
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, who: Person | null, body?: unknown) =>
    t.fetcher(path, jsonInit(method, body, who?.token));
  const reason = async (res: Response) => ((await res.json()) as { error: { reason: string } }).error.reason;

  async function open(opener: Person, other: Person) {
    const request = threadRequest(opener, other);
    const res = await call('POST', '/api/threads', opener, request.body);
    expect(res.status).toBe(201);
    return { id: request.body.id, key: request.key, summary: (await res.json()) as ThreadSummary };
  }

  it('lets a patient open a thread with a listed practitioner who accepts messages, and nobody else', async () => {
    const { id, summary } = await open(patient, doctor);
    expect(summary.participants.map((p) => [p.accountId, p.role, p.name])).toEqual([
      [patient.accountId, 'patient', null],
      [doctor.accountId, 'practitioner', 'Dr Listed'],
    ]);
    // Each side opens its own copy and learns that the patient wrapped it.
    const list = (await (await call('GET', '/api/threads', doctor)).json()) as ThreadList;
    const mine = list.threads.find((x) => x.id === id);
    expect(mine?.key.recipientAccountId).toBe(doctor.accountId);
    const opened = unwrapThreadKey(id, mine?.key as ThreadSummary['key'], {
      accountId: doctor.accountId,
      ...doctor.identity,
    });
    expect(opened.wrapper.accountId).toBe(patient.accountId);

    for (const target of [unlisted, otherPatient]) {
      const res = await call('POST', '/api/threads', patient, threadRequest(patient, target).body);
      expect(res.status).toBe(403);
      expect(await reason(res)).toBe('messaging-not-allowed');
    }
    const noAccept = await person(t.fetcher, {
      ...LISTED,
      accepts: { messages: false, secondOpinions: true, calls: true },
    });
    expect((await call('POST', '/api/threads', patient, threadRequest(patient, noAccept).body)).status).toBe(
      403,
    );
    expect((await call('POST', '/api/threads', patient, threadRequest(patient, patient).body)).status).toBe(
      400,
    );
  });

  it('refuses wraps that are not made with the published keys of the two participants', async () => {
    const { body } = threadRequest(patient, doctor);
    const forStranger = threadRequest(patient, otherPatient, body.id).body.keys[1];
    const cases = [
      { ...body, keys: [body.keys[0], body.keys[0]] },
      { ...body, keys: [body.keys[0], forStranger] },
      {
        ...body,
        keys: [
          body.keys[0],
          { ...body.keys[1], recipientBoxPk: toBase64(otherPatient.identity.box.publicKey) },
        ],
      },
      threadRequest(otherPatient, doctor, body.id).body,
    ];
    for (const request of cases)
      expect((await call('POST', '/api/threads', patient, request)).status).toBe(400);
  });

  it('lets a practitioner write only to a patient who wrote to them or shares with them', async () => {
    const newPatient = await person(t.fetcher);
    const denied = await call('POST', '/api/threads', unlisted, threadRequest(unlisted, newPatient).body);
    expect(denied.status).toBe(403);
    expect(await reason(denied)).toBe('messaging-not-allowed');
    // A share the practitioner opened makes the patient reachable.
    const key = generateShareKey();
    const shareId = generateShareId();
    const share = {
      id: shareId,
      mode: 'read',
      sections: ['allergy'],
      expiry: '1h',
      accessToken: shareAccessToken(key, ''),
      hasPasscode: false,
      snapshot: { version: 1, ...sealSnapshot(key, shareId, 1, {}) },
    };
    expect((await call('POST', '/api/shares', newPatient, share)).status).toBe(201);
    const opened = await call('POST', `/api/shares/${shareId}/open`, unlisted, {
      accessToken: shareAccessToken(key),
    });
    expect(opened.status).toBe(200);
    expect(
      (await call('POST', '/api/threads', unlisted, threadRequest(unlisted, newPatient).body)).status,
    ).toBe(201);
    // Once revoked, no longer.
    await call('POST', `/api/shares/${shareId}/revoke`, newPatient);
    expect(
      (await call('POST', '/api/threads', unlisted, threadRequest(unlisted, newPatient).body)).status,
    ).toBe(403);
    // A patient who wrote to the (listed) practitioner may be written to in a new thread.
    const { id, key: threadKey } = await open(newPatient, doctor);
    expect(
      (await call('POST', `/api/threads/${id}/messages`, newPatient, envelope(id, threadKey, newPatient, 1)))
        .status,
    ).toBe(201);
    expect((await call('POST', '/api/threads', doctor, threadRequest(doctor, newPatient).body)).status).toBe(
      201,
    );
  });

  it('relays signed messages in order, idempotently, and the other side verifies them', async () => {
    const { id, key } = await open(patient, doctor);
    const first = envelope(id, key, patient, 1, { text: 'Bonjour docteur' });
    const posted = await call('POST', `/api/threads/${id}/messages`, patient, first);
    expect(posted.status).toBe(201);
    expect(await posted.json()).toEqual({ seq: 1, receivedAt: clock });
    expect((await call('POST', `/api/threads/${id}/messages`, patient, first)).status).toBe(200);
    const rewritten = await call(
      'POST',
      `/api/threads/${id}/messages`,
      patient,
      envelope(id, key, patient, 1, { text: 'x' }),
    );
    expect(rewritten.status).toBe(409);
    expect(await reason(rewritten)).toBe('seq-taken');
    expect(
      (await call('POST', `/api/threads/${id}/messages`, doctor, envelope(id, key, doctor, 1))).status,
    ).toBe(201);
    // Posting as someone else, or into another thread, is refused.
    expect(
      (await call('POST', `/api/threads/${id}/messages`, doctor, envelope(id, key, patient, 2))).status,
    ).toBe(403);
    const other = await open(patient, doctor);
    expect(
      (await call('POST', `/api/threads/${other.id}/messages`, patient, envelope(id, key, patient, 2)))
        .status,
    ).toBe(400);

    const page = (await (
      await call('GET', `/api/threads/${id}/messages?after=0`, doctor)
    ).json()) as MessagePage;
    expect(page.cursor).toBe(2);
    const pinned = new Map([
      [patient.accountId, toBase64(patient.identity.sign.publicKey)],
      [doctor.accountId, toBase64(doctor.identity.sign.publicKey)],
    ]);
    const checked = verifyThread({
      threadId: id,
      key,
      pinned,
      messages: page.messages.map((m) => m.envelope),
    });
    expect(checked.map((m) => [m.verdict, m.content])).toEqual([
      ['valid', { text: 'Bonjour docteur' }],
      ['valid', { text: 'message 1' }],
    ]);
    const next = (await (
      await call('GET', `/api/threads/${id}/messages?after=2&limit=5`, doctor)
    ).json()) as MessagePage;
    expect(next).toEqual({ messages: [], cursor: 2 });
    expect((await call('GET', `/api/threads/${id}/messages?after=-1`, doctor)).status).toBe(400);
    expect((await call('GET', `/api/threads/${id}/messages?limit=9999`, doctor)).status).toBe(400);
  });

  it('keeps read and delivery cursors, unread counts and archiving per participant', async () => {
    const { id, key } = await open(patient, doctor);
    for (let seq = 1; seq <= 3; seq++)
      await call('POST', `/api/threads/${id}/messages`, patient, envelope(id, key, patient, seq));
    const find = async (who: Person) =>
      ((await (await call('GET', '/api/threads', who)).json()) as ThreadList).threads.find(
        (x) => x.id === id,
      );
    expect((await find(doctor))?.unread).toBe(3);
    expect((await call('POST', `/api/threads/${id}/receipts`, doctor, { read: 2 })).status).toBe(204);
    expect((await call('POST', `/api/threads/${id}/receipts`, doctor, { read: 1 })).status).toBe(204);
    expect((await call('POST', `/api/threads/${id}/receipts`, doctor, {})).status).toBe(400);
    const seen = await find(patient);
    expect(seen?.participants.find((p) => p.accountId === doctor.accountId)).toMatchObject({
      deliveredSeq: 2,
      readSeq: 2,
    });
    expect((await find(doctor))?.unread).toBe(1);
    expect((await call('POST', `/api/threads/${id}/archive`, doctor, { archived: true })).status).toBe(204);
    expect((await find(doctor))?.archived).toBe(true);
    expect((await find(patient))?.archived).toBe(false);
  });

  it('carries attachments: chunks written once by the uploader, read by participants, named only when complete', async () => {
    const { id, key } = await open(patient, doctor);
    const bytes = new Uint8Array(600 * 1024).fill(7);
    const attachmentId = randomId();
    const file = encryptAttachment(attachmentId, { bytes, name: 'scan.pdf', mediaType: 'application/pdf' });
    const base = `/api/threads/${id}/attachments`;
    expect((await call('POST', base, patient, { id: attachmentId, chunkCount: 2 })).status).toBe(201);
    expect((await call('POST', base, patient, { id: randomId(), chunkCount: 41 })).status).toBe(400);
    expect(
      (await call('PUT', `${base}/${attachmentId}/chunks/0`, patient, { data: file.chunks[0] })).status,
    ).toBe(204);
    const early = await call(
      'POST',
      `/api/threads/${id}/messages`,
      patient,
      envelope(id, key, patient, 1, { attachments: [file.ref] }, [attachmentId]),
    );
    expect(early.status).toBe(409);
    expect(await reason(early)).toBe('attachment-incomplete');
    expect(
      (await call('PUT', `${base}/${attachmentId}/chunks/1`, doctor, { data: file.chunks[1] })).status,
    ).toBe(404);
    expect(
      (await call('PUT', `${base}/${attachmentId}/chunks/2`, patient, { data: file.chunks[1] })).status,
    ).toBe(404);
    expect(
      (await call('PUT', `${base}/${attachmentId}/chunks/1`, patient, { data: file.chunks[1] })).status,
    ).toBe(204);
    expect(
      (await call('PUT', `${base}/${attachmentId}/chunks/1`, patient, { data: file.chunks[1] })).status,
    ).toBe(409);
    const sent = await call(
      'POST',
      `/api/threads/${id}/messages`,
      patient,
      envelope(id, key, patient, 1, { attachments: [file.ref] }, [attachmentId]),
    );
    expect(sent.status).toBe(201);
    const chunks: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await call('GET', `${base}/${attachmentId}/chunks/${i}`, doctor);
      expect(res.status).toBe(200);
      chunks.push(((await res.json()) as { data: string }).data);
    }
    expect(Buffer.from(decryptAttachment(file.ref, chunks)).equals(Buffer.from(bytes))).toBe(true);
    const huge = await call('PUT', `${base}/${attachmentId}/chunks/0`, patient, {
      data: 'A'.repeat(800_000),
    });
    expect(huge.status).toBe(413);
  });

  it('stops a blocked sender from posting and from opening a thread, until unblocked', async () => {
    const { id, key } = await open(patient, doctor);
    expect((await call('POST', '/api/threads/blocks', doctor, { accountId: patient.accountId })).status).toBe(
      204,
    );
    expect(await (await call('GET', '/api/threads/blocks', doctor)).json()).toEqual({
      blocked: [patient.accountId],
    });
    const posted = await call('POST', `/api/threads/${id}/messages`, patient, envelope(id, key, patient, 1));
    expect(posted.status).toBe(403);
    expect(await reason(posted)).toBe('blocked');
    const opened = await call('POST', '/api/threads', patient, threadRequest(patient, doctor).body);
    expect(await reason(opened)).toBe('blocked');
    // The blocker may still write; the blocked one may still read.
    expect(
      (await call('POST', `/api/threads/${id}/messages`, doctor, envelope(id, key, doctor, 1))).status,
    ).toBe(201);
    expect((await call('GET', `/api/threads/${id}/messages`, patient)).status).toBe(200);
    expect((await call('DELETE', `/api/threads/blocks/${patient.accountId}`, doctor)).status).toBe(204);
    expect(
      (await call('POST', `/api/threads/${id}/messages`, patient, envelope(id, key, patient, 1))).status,
    ).toBe(201);
    clock += 3_600_000;
  });
});
