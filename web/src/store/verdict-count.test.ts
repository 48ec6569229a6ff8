/**
 * How many Ed25519 verifications rendering the timeline costs. Before: `summarize` re-checked every
 * practitioner entry's signature on each call, so N entries rendered R times cost N × R checks (and
 * the record screen one more per render). Now each entry is checked once, when its envelope is
 * opened (live-records.ts), and rendering reads the verdict: 0 checks while rendering, and none again
 * when an unrelated record changes.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toBase64 } from '../../../shared/crypto/encoding.ts';
import { generateIdentity } from '../../../shared/crypto/identity.ts';
import { sealEntry, signEntry } from '../../../shared/crypto/share-entry.ts';
import { generateShareKey, shareEntryTag } from '../../../shared/crypto/share-key.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import type { CarnetDatabase } from '../db/database.ts';
import { summarize } from '../features/record/summary.ts';
import { testText } from '../features/record/test-text.ts';
import { buildPayload, checkStoredEntry } from '../shares/entry-payload.ts';
import { importEntry, patientBoxKey } from '../testing/sharing.ts';
import { openUnlockedApp } from '../testing/unlocked-app.ts';
import { until } from '../testing/unlocked-vault.ts';

const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../shared/crypto/signature.ts', async (original) => {
  const real = await original<typeof import('../../../shared/crypto/signature.ts')>();
  return {
    ...real,
    verifyDetached: (...args: Parameters<typeof real.verifyDetached>) => {
      verifications.count += 1;
      return real.verifyDetached(...args);
    },
  };
});

beforeAll(initCrypto);

let db: CarnetDatabase | undefined;
let dispose: (() => void) | undefined;
afterEach(async () => {
  dispose?.();
  await db?.remove();
});

const ENTRIES = 3;
const RENDERS = 5;

describe('signature checks while rendering the timeline', () => {
  it('are 0: each entry is verified once, when its envelope is opened', async () => {
    const opened = await openUnlockedApp({ name: 'verdict-count' });
    ({ db, dispose } = opened);
    const { store, profileId } = opened;
    const doctor = generateIdentity();
    const shareKey = generateShareKey();
    const share = { id: 'share-1', profileId, key: toBase64(shareKey) };
    const boxPk = await patientBoxKey(opened.db);
    const author = { name: 'Dr Alice Martin', profession: 'Médecin généraliste' };
    for (let i = 0; i < ENTRIES; i++) {
      const id = `entry-${i}-0123456789abcdef`;
      const payload = buildPayload({
        id,
        shareId: share.id,
        profileId,
        author,
        signPk: toBase64(doctor.sign.publicKey),
        tag: shareEntryTag(shareKey, share.id, id, profileId),
        entry: {
          kind: 'practitioner-entry',
          schemaVersion: 1,
          entryType: 'note',
          title: `Note ${i}`,
          practitioner: { ...author, idSelfDeclared: true },
          createdAt: '2026-11-23T10:00:00.000Z',
          body: 'Seen today.',
        },
      });
      const sealed = sealEntry(signEntry(payload, doctor.sign.secretKey, doctor.sign.publicKey), boxPk);
      const named = { accountId: 'acct-alice', name: author.name, signPk: payload.author.signPk };
      expect(await importEntry(store, share, { sealed, author: named })).toBe(true);
      await until(() => store.records().some((r) => r.id === id));
    }
    await until(() => store.records().filter((r) => r.verdict?.status === 'verified').length === ENTRIES);

    // The mock counts: per entry, the import checks twice (openEntry, then the payload parse) and
    // opening the stored envelope once.
    expect(verifications.count).toBe(3 * ENTRIES);

    // What the timeline did before on each render: summarize called checkStoredEntry per row.
    verifications.count = 0;
    for (let render = 0; render < RENDERS; render++) {
      for (const entry of store.profileRecords()) {
        if (entry.record?.kind === 'practitioner-entry') checkStoredEntry(entry.record);
      }
    }
    expect(verifications.count).toBe(ENTRIES * RENDERS);

    // What the timeline does now on each render: one summary per row, reading the kept verdict.
    verifications.count = 0;
    const text = testText();
    for (let render = 0; render < RENDERS; render++) {
      for (const entry of store.profileRecords()) {
        if (entry.record) summarize(entry.record, text, entry.verdict);
      }
    }
    expect(verifications.count).toBe(0);

    // An unrelated record changes: the unchanged entries are not verified again.
    await store.addRecord(EXAMPLE_RECORDS.allergy);
    await until(() => store.records().some((r) => r.record?.kind === 'allergy'));
    expect(verifications.count).toBe(0);
  });
});
