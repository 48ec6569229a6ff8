/**
 * The messaging service against the real server routes (in process): a patient finds a listed
 * practitioner, opens a thread and writes; the practitioner reads it verified and answers; unread
 * counts and delivery states move. A server that flips one byte of a stored message gets the
 * message shown as tampered, its text never returned.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import { generateKey } from '../../../shared/crypto/symmetric-key.ts';
import { createTestApp, type TestApp } from '../../../sync-server/src/testing/test-app.ts';
import { LISTED, type Person, person } from '../../../sync-server/src/testing/thread-fixtures.ts';
import { createServer } from '../server/server.ts';
import type { FetchLike } from '../server/transport.ts';
import { createMessaging, type Messaging } from './messaging.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

function messagingOf(who: Person, fetch: FetchLike = (path, init) => t.fetcher(path, init)): Messaging {
  let sealed: string | null = null;
  return createMessaging({
    server: () => createServer({ baseUrl: '', token: who.token, fetch }),
    keys: { vaultKey: generateKey(), identity: who.identity },
    storage: {
      read: async () => sealed,
      write: async (value) => {
        sealed = value;
      },
    },
    onMessage: () => () => undefined,
    now: () => 1_700_000_000_000,
  });
}

/** A server that flips one byte of every stored message's ciphertext it serves. */
const flipping: FetchLike = async (path, init) => {
  const response = await t.fetcher(path, init);
  if (!/\/api\/threads\/[^/]+\/messages/.test(path) || init?.method !== 'GET') return response;
  const page = (await response.json()) as { messages: { envelope: { ciphertext: string } }[] };
  for (const m of page.messages) {
    const bytes = fromBase64(m.envelope.ciphertext);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    m.envelope.ciphertext = toBase64(bytes);
  }
  return new Response(JSON.stringify(page), { status: 200, headers: { 'Content-Type': 'application/json' } });
};

describe('messaging service', () => {
  it('a patient writes to a listed practitioner; both read it verified and see the counts move', async () => {
    const doctor = await person(t.fetcher, LISTED);
    const patient = await person(t.fetcher);
    const patientSide = messagingOf(patient);
    const doctorSide = messagingOf(doctor);

    const found = await patientSide.directory({ accepts: 'messages', specialty: 'generale' });
    expect(found.selfDeclared).toBe(true);
    const entry = found.practitioners.find((p) => p.accountId === doctor.accountId);
    if (!entry) throw new Error('the listed practitioner is not in the directory');

    const threadId = await patientSide.startThread(entry);
    // Asking again finds the same thread.
    expect(await patientSide.startThread(entry)).toBe(threadId);
    await patientSide.send(threadId, 'Bonjour docteur');

    const inbox = await doctorSide.threads();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.unread).toBe(1);
    expect(inbox[0]?.other.role).toBe('patient');
    expect(doctorSide.unread()).toBe(1);

    const opened = await doctorSide.open(threadId);
    expect(opened.messages.map((m) => [m.verdict, m.text, m.mine])).toEqual([
      ['valid', 'Bonjour docteur', false],
    ]);
    expect(opened.other.keyChanged).toBe(false);
    expect(opened.other.fingerprint).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4})+$/);
    expect(doctorSide.unread()).toBe(0);
    expect((await doctorSide.threads())[0]?.unread).toBe(0);

    await doctorSide.send(threadId, 'Bonjour, envoyez-moi vos analyses.');
    const patientView = await patientSide.open(threadId);
    expect(patientView.other.name).toBe('Dr Listed');
    expect(patientView.messages.map((m) => [m.verdict, m.text, m.mine, m.delivery])).toEqual([
      // The practitioner opened it: read.
      ['valid', 'Bonjour docteur', true, 'read'],
      ['valid', 'Bonjour, envoyez-moi vos analyses.', false, undefined],
    ]);
    // The patient's own fingerprint as the practitioner pinned it.
    expect(opened.other.fingerprint).toBe(patientView.ownFingerprint);
  });

  it('a message whose ciphertext the server changed shows as tampered, its text withheld', async () => {
    const doctor = await person(t.fetcher, LISTED);
    const patient = await person(t.fetcher);
    const patientSide = messagingOf(patient);
    const entry = (await patientSide.directory({})).practitioners.find(
      (p) => p.accountId === doctor.accountId,
    );
    if (!entry) throw new Error('not listed');
    const threadId = await patientSide.startThread(entry);
    await patientSide.send(threadId, 'Mon secret médical');

    const honest = await messagingOf(doctor).open(threadId);
    expect(honest.messages[0]?.verdict).toBe('valid');
    const hostile = await messagingOf(doctor, flipping).open(threadId);
    expect(hostile.messages).toHaveLength(1);
    expect(hostile.messages[0]?.verdict).toBe('tampered');
    expect(hostile.messages[0]?.text).toBeNull();
    expect(JSON.stringify(hostile)).not.toContain('secret');
  });

  it('keeps the key pinned at first sight: a later published key is flagged, messages still checked against the pin', async () => {
    const doctor = await person(t.fetcher, LISTED);
    const patient = await person(t.fetcher);
    const entry = (await messagingOf(patient).directory({})).practitioners.find(
      (p) => p.accountId === doctor.accountId,
    );
    if (!entry) throw new Error('not listed');
    const patientSide = messagingOf(patient);
    const threadId = await patientSide.startThread(entry);
    await messagingOf(doctor).send(threadId, 'Bonjour');

    // The same device (same pins) then hears from a server that publishes another key for the doctor.
    let swapped = false;
    const otherKey = toBase64(new Uint8Array(32).fill(7));
    const swapping: FetchLike = async (path, init) => {
      const response = await t.fetcher(path, init);
      if (!swapped || path !== '/api/threads') return response;
      const list = (await response.json()) as {
        threads: { participants: { accountId: string; signPublicKey: string }[] }[];
      };
      for (const thread of list.threads) {
        for (const p of thread.participants) if (p.accountId === doctor.accountId) p.signPublicKey = otherKey;
      }
      return new Response(JSON.stringify(list), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const device = messagingOf(patient, swapping);
    const before = await device.open(threadId);
    expect(before.other.keyChanged).toBe(false);
    swapped = true;
    const after = await device.open(threadId);
    expect(after.other.keyChanged).toBe(true);
    expect(after.other.fingerprint).toBe(before.other.fingerprint);
    expect(after.messages.map((m) => [m.verdict, m.text])).toEqual([['valid', 'Bonjour']]);
  });

  it('refuses to send without sync, with a reason the screen can name', async () => {
    const messaging = createMessaging({
      server: () => null,
      keys: { vaultKey: generateKey(), identity: (await person(t.fetcher)).identity },
      storage: { read: async () => null, write: async () => undefined },
      onMessage: () => () => undefined,
      now: () => 0,
    });
    await expect(messaging.send('x'.repeat(22), 'hello')).rejects.toMatchObject({ reason: 'sync-off' });
  });
});
