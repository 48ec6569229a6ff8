/** Messaging limits: messages a minute, threads an hour, bytes waiting for delivery; clear 429s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '../../../shared/crypto/random.ts';
import {
  CHUNK_TEXT_MAX,
  MESSAGES_PER_MINUTE,
  PENDING_BYTES_MAX,
  THREADS_PER_HOUR,
} from '../../../shared/protocol/messages.ts';
import { jsonInit } from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { envelope, LISTED, type Person, person, threadRequest } from '../testing/thread-fixtures.ts';

describe('messaging limits', () => {
  let t: TestApp;
  let clock = 1_750_000_000_000;
  let patient: Person;
  let doctor: Person;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    patient = await person(t.fetcher);
    doctor = await person(t.fetcher, LISTED);
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, who: Person, body?: unknown) =>
    t.fetcher(path, jsonInit(method, body, who.token));
  const error = async (res: Response) =>
    ((await res.json()) as { error: { reason: string; message: string } }).error;

  async function open() {
    const request = threadRequest(patient, doctor);
    expect((await call('POST', '/api/threads', patient, request.body)).status).toBe(201);
    return { id: request.body.id, key: request.key };
  }

  it(`refuses the message past ${MESSAGES_PER_MINUTE} a minute, then accepts again`, async () => {
    const { id, key } = await open();
    for (let seq = 1; seq <= MESSAGES_PER_MINUTE; seq++) {
      expect(
        (await call('POST', `/api/threads/${id}/messages`, patient, envelope(id, key, patient, seq))).status,
      ).toBe(201);
    }
    const over = await call('POST', `/api/threads/${id}/messages`, patient, envelope(id, key, patient, 31));
    expect(over.status).toBe(429);
    expect(over.headers.get('Retry-After')).toBe('60');
    expect(await error(over)).toEqual({
      reason: 'message-rate',
      message: expect.stringContaining('30 messages a minute'),
    });
    // The limit is per account: the other participant may still answer.
    expect(
      (await call('POST', `/api/threads/${id}/messages`, doctor, envelope(id, key, doctor, 1))).status,
    ).toBe(201);
    clock += 60_001;
    expect(
      (await call('POST', `/api/threads/${id}/messages`, patient, envelope(id, key, patient, 31))).status,
    ).toBe(201);
  });

  it(`refuses the thread past ${THREADS_PER_HOUR} an hour`, async () => {
    clock += 3_600_001;
    const fresh = await person(t.fetcher);
    for (let i = 0; i < THREADS_PER_HOUR; i++) {
      expect((await call('POST', '/api/threads', fresh, threadRequest(fresh, doctor).body)).status).toBe(201);
    }
    const over = await call('POST', '/api/threads', fresh, threadRequest(fresh, doctor).body);
    expect(over.status).toBe(429);
    expect((await error(over)).reason).toBe('rate-limited');
  });

  it('refuses new bytes once too many wait for delivery, and accepts them once delivered', async () => {
    const { id, key } = await open();
    const data = 'A'.repeat(CHUNK_TEXT_MAX);
    const perAttachment = 40;
    let stored = 0;
    let refused: Response | null = null;
    while (!refused) {
      const attachmentId = randomId();
      const created = await call('POST', `/api/threads/${id}/attachments`, patient, {
        id: attachmentId,
        chunkCount: perAttachment,
      });
      if (created.status === 429) {
        refused = created;
        break;
      }
      for (let i = 0; i < perAttachment && !refused; i++) {
        const res = await call('PUT', `/api/threads/${id}/attachments/${attachmentId}/chunks/${i}`, patient, {
          data,
        });
        if (res.status === 429) refused = res;
        else stored += data.length;
      }
    }
    expect(stored).toBeLessThanOrEqual(PENDING_BYTES_MAX);
    expect(stored + data.length).toBeGreaterThan(PENDING_BYTES_MAX);
    expect((await error(refused)).reason).toBe('pending-quota');
    // A short message still fits; once the practitioner's device has fetched the thread up to it,
    // nothing of the patient's waits any more and uploads go on.
    clock += 60_001;
    expect(
      (await call('POST', `/api/threads/${id}/messages`, patient, envelope(id, key, patient, 1))).status,
    ).toBe(201);
    expect((await call('POST', `/api/threads/${id}/receipts`, doctor, { delivered: 1 })).status).toBe(204);
    const after = randomId();
    expect(
      (await call('POST', `/api/threads/${id}/attachments`, patient, { id: after, chunkCount: 1 })).status,
    ).toBe(201);
    expect(
      (await call('PUT', `/api/threads/${id}/attachments/${after}/chunks/0`, patient, { data })).status,
    ).toBe(204);
  }, 60_000);
});
