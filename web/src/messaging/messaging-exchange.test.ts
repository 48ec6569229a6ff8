/**
 * The messaging service's attachments, structured requests, offline outbox, archive and blocks,
 * against the real server routes (in process): a practitioner asks for a document; the patient
 * answers with a file; the practitioner downloads it, checksum checked (a flipped chunk is
 * refused); a message written while the server is unreachable waits sealed on the device and goes
 * at the next reconnection, in order.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../shared/crypto/encoding.ts';
import { generateKey } from '../../../shared/crypto/symmetric-key.ts';
import type { MessageEvent } from '../../../shared/protocol/messages.ts';
import { createTestApp, type TestApp } from '../../../sync-server/src/testing/test-app.ts';
import { LISTED, type Person, person } from '../../../sync-server/src/testing/thread-fixtures.ts';
import { createServer } from '../server/server.ts';
import type { FetchLike } from '../server/transport.ts';
import { createMessaging, type Messaging } from './messaging.ts';

let t: TestApp;
const made: Messaging[] = [];
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  // Stops the outbox's retry timers before the server goes.
  for (const messaging of made.splice(0)) messaging.dispose();
  await t.close();
});

interface Side {
  readonly messaging: Messaging;
  /** What the outbox storage holds (sealed). */
  readonly outboxSealed: () => string | null;
  /** Simulates a reconnection of the live stream. */
  readonly reconnect: () => void;
}

function sideOf(who: Person, fetch: FetchLike = (path, init) => t.fetcher(path, init)): Side {
  let pins: string | null = null;
  let outbox: string | null = null;
  let listener: ((event: MessageEvent | null) => void) | null = null;
  const messaging = createMessaging({
    server: () => createServer({ baseUrl: '', token: who.token, fetch }),
    keys: { vaultKey: generateKey(), identity: who.identity },
    storage: {
      read: async () => pins,
      write: async (value) => {
        pins = value;
      },
    },
    outboxStorage: {
      read: async () => outbox,
      write: async (value) => {
        outbox = value;
      },
    },
    onMessage: (l) => {
      listener = l;
      return () => undefined;
    },
    now: () => 1_700_000_000_000,
  });
  made.push(messaging);
  return { messaging, outboxSealed: () => outbox, reconnect: () => listener?.(null) };
}

async function pair() {
  const doctor = await person(t.fetcher, LISTED);
  const patient = await person(t.fetcher);
  return { doctor, patient };
}

async function threadBetween(patientSide: Messaging, doctor: Person): Promise<string> {
  const entry = (await patientSide.directory({})).practitioners.find((p) => p.accountId === doctor.accountId);
  if (!entry) throw new Error('not listed');
  return patientSide.startThread(entry);
}

const pdf = new TextEncoder().encode('%PDF-1.4 compte rendu de biologie '.repeat(15_500));

describe('messaging: requests and attachments', () => {
  it('a request is answered by an attachment the practitioner downloads, checksum checked', async () => {
    const { doctor, patient } = await pair();
    const p = sideOf(patient).messaging;
    const d = sideOf(doctor).messaging;
    const threadId = await threadBetween(p, doctor);
    await p.send(threadId, 'Bonjour');
    expect(
      await d.sendDraft(threadId, {
        text: 'Pouvez-vous envoyer vos analyses ?',
        request: { id: 'req-1', type: 'new-document' },
      }),
    ).toBe('sent');

    const asked = await p.open(threadId);
    expect(asked.myRole).toBe('patient');
    expect(asked.messages[1]?.request).toEqual({ id: 'req-1', type: 'new-document', answered: false });

    expect(pdf.length).toBeGreaterThan(512 * 1024);
    await p.sendDraft(threadId, {
      text: 'Voici',
      for: 'Camille Durand',
      answers: 'req-1',
      files: [{ name: 'analyses.pdf', mediaType: 'application/pdf', bytes: pdf }],
    });

    const seen = await d.open(threadId);
    expect(seen.myRole).toBe('practitioner');
    expect(seen.messages.map((m) => m.verdict)).toEqual(['valid', 'valid', 'valid']);
    expect(seen.messages[1]?.request?.answered).toBe(true);
    const answer = seen.messages[2];
    expect(answer?.answers).toBe('req-1');
    expect(answer?.for).toBe('Camille Durand');
    const ref = answer?.attachments[0];
    if (!ref) throw new Error('no attachment');
    expect([ref.name, ref.size, ref.chunkCount]).toEqual(['analyses.pdf', pdf.length, 2]);
    expect(await d.download(threadId, ref)).toEqual(pdf);

    // A server that alters one chunk: refused, no bytes given back.
    const flipping: FetchLike = async (path, init) => {
      const response = await t.fetcher(path, init);
      if (!/\/chunks\/1$/.test(path)) return response;
      const { data } = (await response.json()) as { data: string };
      const bytes = fromBase64(data);
      bytes[40] = (bytes[40] ?? 0) ^ 1;
      return new Response(JSON.stringify({ data: toBase64(bytes) }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    await expect(sideOf(doctor, flipping).messaging.download(threadId, ref)).rejects.toMatchObject({
      reason: 'attachment-tampered',
    });
  }, 120_000);

  it('an answer from the one who asked does not mark the request answered', async () => {
    const { doctor, patient } = await pair();
    const p = sideOf(patient).messaging;
    const d = sideOf(doctor).messaging;
    const threadId = await threadBetween(p, doctor);
    await p.send(threadId, 'Bonjour');
    await d.sendDraft(threadId, { text: 'Plus de détails ?', request: { id: 'r2', type: 'more-info' } });
    await d.sendDraft(threadId, { text: 'Je réponds moi-même', answers: 'r2' });
    expect((await p.open(threadId)).messages[1]?.request?.answered).toBe(false);
  });
});

describe('messaging: the outbox', () => {
  it('keeps messages written offline sealed on the device and sends them in order on reconnect', async () => {
    const { doctor, patient } = await pair();
    let offline = false;
    const net: FetchLike = async (path, init) => {
      if (offline) throw new TypeError('Failed to fetch');
      return t.fetcher(path, init);
    };
    const side = sideOf(patient, net);
    const threadId = await threadBetween(side.messaging, doctor);

    offline = true;
    expect(await side.messaging.send(threadId, 'Écrit dans le train')).toBe('queued');
    expect(await side.messaging.send(threadId, 'Et une suite')).toBe('queued');
    expect(side.messaging.outbox().map((m) => [m.draft.text, m.refused])).toEqual([
      ['Écrit dans le train', null],
      ['Et une suite', null],
    ]);
    const sealed = side.outboxSealed() ?? '';
    expect(sealed.length).toBeGreaterThan(100);
    expect(sealed).not.toContain('train');
    expect(sealed).not.toContain('suite');
    // Still offline: a reconnection that fails keeps everything.
    await side.messaging.flush();
    expect(side.messaging.outbox()).toHaveLength(2);

    offline = false;
    side.reconnect();
    const d = sideOf(doctor).messaging;
    for (let i = 0; i < 50 && side.messaging.outbox().length > 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(side.messaging.outbox()).toHaveLength(0);
    const seen = await d.open(threadId);
    expect(seen.messages.map((m) => [m.verdict, m.text])).toEqual([
      ['valid', 'Écrit dans le train'],
      ['valid', 'Et une suite'],
    ]);
  });

  it('a queued message the server refuses (blocked) stays with its reason until discarded', async () => {
    const { doctor, patient } = await pair();
    let offline = false;
    const net: FetchLike = async (path, init) => {
      if (offline) throw new TypeError('Failed to fetch');
      return t.fetcher(path, init);
    };
    const side = sideOf(patient, net);
    const threadId = await threadBetween(side.messaging, doctor);
    const d = sideOf(doctor).messaging;
    offline = true;
    await side.messaging.send(threadId, 'Bonjour');
    await d.block(patient.accountId);
    expect(await d.blocked()).toEqual([patient.accountId]);
    offline = false;
    await side.messaging.flush();
    expect(side.messaging.outbox().map((m) => m.refused)).toEqual(['blocked']);
    // Written while one waits refused: it waits behind it, and is refused too while blocked.
    await expect(side.messaging.send(threadId, 'Encore')).resolves.toBe('queued');
    await side.messaging.flush();
    expect(side.messaging.outbox().map((m) => [m.draft.text, m.refused])).toEqual([
      ['Bonjour', 'blocked'],
      ['Encore', 'blocked'],
    ]);
    await side.messaging.discard(side.messaging.outbox()[0]?.id ?? '');
    await d.unblock(patient.accountId);
    expect(await d.blocked()).toEqual([]);
    // Refused messages are tried again at each pass: unblocked, it goes.
    await side.messaging.flush();
    expect(side.messaging.outbox()).toHaveLength(0);
    expect((await d.open(threadId)).messages.map((m) => m.text)).toEqual(['Encore']);
  });
});

describe('messaging: archive', () => {
  it('archives and brings back a thread for this account only', async () => {
    const { doctor, patient } = await pair();
    const p = sideOf(patient).messaging;
    const threadId = await threadBetween(p, doctor);
    await p.archive(threadId, true);
    expect((await p.threads()).map((x) => x.archived)).toEqual([true]);
    expect((await p.open(threadId)).archived).toBe(true);
    expect((await sideOf(doctor).messaging.threads()).map((x) => x.archived)).toEqual([false]);
    await p.archive(threadId, false);
    expect((await p.threads()).map((x) => x.archived)).toEqual([false]);
  });
});
