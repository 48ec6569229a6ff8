/**
 * docs/architecture.md §1.3 "nothing is lost… by a killed server": the real server (SQLite, its own process) is
 * SIGKILLed 20 times while a client's push is in flight, and restarted each time. The client
 * retries every unanswered push as is, as RxDB does. Afterwards the server holds exactly the
 * client's documents (ids, revisions, ciphertexts), each once, and a second client that kept
 * pulling from its checkpoint through the crashes holds the same set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import type { PushRow } from '../../../shared/protocol/replication.ts';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import { jsonInit, pullAll, register, serverFetcher, testVault } from '../testing/api-client.ts';
import { create, envelope, update } from '../testing/envelopes.ts';
import { freePort } from '../testing/postgres-cluster.ts';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server.ts';

const KILLS = 20;
const dir = mkdtempSync(join(tmpdir(), 'carnet-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries until the server answers; returns the JSON of a 200 (any other status fails the test). */
async function untilAnswered<T>(send: () => Promise<Response>, onFailure?: () => void): Promise<T> {
  for (;;) {
    try {
      const res = await send();
      if (res.status !== 200) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('unexpected')) throw error;
      onFailure?.();
      await sleep(20);
    }
  }
}

it(`loses and duplicates nothing when the server is killed mid-push ${KILLS} times`, async () => {
  await initCrypto();
  const port = await freePort();
  let server: SpawnedServer = await spawnServer({ port, dataDir: dir });
  const http = serverFetcher(server.baseUrl);
  const token = await register(http, testVault('kill@example.org'));

  const local = new Map<string, Envelope>(); // the client's documents, latest state
  const acknowledged = new Map<string, Envelope>(); // what the server confirmed: the next assumed state
  let inFlight = false;
  let stop = false;
  let pushes = 0;
  let interrupted = 0;

  const writer = (async () => {
    for (let batch = 0; !stop; batch++) {
      const rows: PushRow[] = [];
      for (let i = 0; i < 12; i++) rows.push(create(envelope(`b${batch}-${i}`)));
      for (const master of [...acknowledged.values()].slice(-40).filter((_, i) => i % 8 === batch % 8)) {
        rows.push(update(master, { _deleted: Math.random() < 0.2 }));
      }
      for (const row of rows) local.set(row.newDocumentState.id, row.newDocumentState);
      const body = jsonInit('POST', { rows }, token);
      let failed = false;
      inFlight = true;
      const answer = await untilAnswered<{ conflicts: Envelope[] }>(
        () => http('/api/sync/push', body),
        () => {
          failed = true;
        },
      );
      inFlight = false;
      pushes += 1;
      if (failed) interrupted += 1;
      // A retry of a push that committed before the kill is no conflict either: pushes are idempotent.
      expect(answer.conflicts).toEqual([]);
      for (const row of rows) acknowledged.set(row.newDocumentState.id, row.newDocumentState);
    }
  })();

  // A second device pulls from its checkpoint all along, across the crashes.
  const seen = new Map<string, Envelope>();
  let checkpoint: { seq: number } | null = null;
  const reader = (async () => {
    while (!stop) {
      const page = await untilAnswered<{ documents: Envelope[]; checkpoint: { seq: number } }>(() =>
        http('/api/sync/pull', jsonInit('POST', { checkpoint, batchSize: 100 }, token)),
      );
      for (const doc of page.documents) seen.set(doc.id, doc);
      checkpoint = page.checkpoint;
      if (page.documents.length === 0) await sleep(10);
    }
  })();

  // A push may still be answered between the check and the kill (more often on a loaded machine):
  // kill again until KILLS pushes were really interrupted, at most 3 × KILLS times.
  for (let kill = 0; interrupted < KILLS && kill < KILLS * 3; kill++) {
    await sleep(30 + Math.random() * 120); // let a few pushes through
    while (!inFlight) await sleep(0);
    await sleep(Math.random() * 8); // somewhere between sending, parsing, committing and answering
    if (!inFlight) {
      kill -= 1; // the push was answered first: wait for the next one
      continue;
    }
    const answered = pushes;
    await server.stop('SIGKILL');
    server = await spawnServer({ port, dataDir: dir });
    // The interrupted push retries against the new server: count it before deciding to stop.
    while (pushes === answered) await sleep(5);
  }
  stop = true;
  await Promise.all([writer, reader]);

  const { documents } = await pullAll(http, token);
  const ids = documents.map((d) => d.id);
  expect(new Set(ids).size).toBe(ids.length); // nothing duplicated
  const project = (doc: Envelope) => [doc.id, doc.rev, doc._deleted, doc.nonce, doc.ciphertext];
  const byId = (a: Envelope, b: Envelope) => a.id.localeCompare(b.id);
  expect(documents.sort(byId).map(project)).toEqual([...local.values()].sort(byId).map(project)); // nothing lost

  // The reader stopped with the writer; one last pull from its checkpoint completes its set.
  let tail: { seq: number } | null = checkpoint;
  for (;;) {
    const page = await untilAnswered<{ documents: Envelope[]; checkpoint: { seq: number } }>(() =>
      http('/api/sync/pull', jsonInit('POST', { checkpoint: tail, batchSize: 500 }, token)),
    );
    if (page.documents.length === 0) break;
    for (const doc of page.documents) seen.set(doc.id, doc);
    tail = page.checkpoint;
  }
  expect([...seen.values()].sort(byId).map(project)).toEqual([...local.values()].sort(byId).map(project));

  expect(interrupted).toBeGreaterThanOrEqual(KILLS);
  console.info(
    `kill test: ${KILLS} kills, ${pushes} pushes (${interrupted} retried), ${local.size} documents`,
  );
  expect(await server.stop('SIGTERM')).toBe(0); // and a clean shutdown exits 0
}, 180_000);
