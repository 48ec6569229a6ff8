/**
 * The share agent against a hostile server (docs/architecture.md §8.4, §11): the server answers
 * what it likes to the share listing. It can end a share early; it can never bring back a share
 * this device revoked, extend the expiry the patient chose (sealed in the owner secret), or make a
 * device take a share over because it says `active`. Uploads are counted: none may happen.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../../shared/crypto/identity.ts';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { generateKey, type SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { ShareSummary } from '../../../shared/protocol/shares.ts';
import { EXAMPLE_RECORDS } from '../../../shared/schema/examples.ts';
import type { ClinicalRecord } from '../../../shared/schema/record.ts';
import type { ProfileEntry } from '../records/profile-service.ts';
import type { RecordEntry } from '../records/record-service.ts';
import type { Server } from '../server/server.ts';
import { ServerError } from '../server/server-error.ts';
import { type ShareSecret, sealOwnerSecret } from './shares-state.ts';
import { createSharing } from './sharing.ts';
import type { SharingDeps } from './sharing-deps.ts';

beforeAll(initCrypto);

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 4, 10);
const SHARE_ID = 'AAAAAAAAAAAAAAAAAAAAAA';

interface Fake {
  listing: ShareSummary[];
  uploads: number;
  putAnswer: Error | null;
}

function world(vaultKey: SymmetricKey = generateKey()) {
  const fake: Fake = { listing: [], uploads: 0, putAnswer: null };
  let sealed: string | null = null;
  const profile: ProfileEntry = {
    id: 'p1',
    rev: 1,
    key: generateKey(),
    profile: {
      displayName: 'Camille Durand',
      relationship: 'self',
      schemaVersion: 1,
    } as ProfileEntry['profile'],
  };
  let records: RecordEntry[] = [];
  const shares = {
    listShares: async () => ({ shares: fake.listing }),
    putSnapshot: async () => {
      if (fake.putAnswer) throw fake.putAnswer;
      fake.uploads += 1;
      return null;
    },
    pendingEntries: async () => ({ entries: [] }),
    ackEntry: async () => null,
    revoke: async () => null,
  };
  const deps: SharingDeps = {
    server: () => ({ baseUrl: 'https://carnet.test', shares }) as unknown as Server,
    keys: { vaultKey, identity: generateIdentity() },
    records: {
      profiles: () => [profile],
      records: () => records,
      importEntry: async () => undefined,
      readDocument: async () => new Uint8Array(),
      importDocument: async () => undefined,
    },
    storage: {
      read: async () => sealed,
      write: async (next) => {
        sealed = next;
      },
    },
  };
  const edit = (record: ClinicalRecord) => {
    records = [...records, { id: `r${records.length}`, profileId: 'p1', rev: 1, updatedAt: 0, record }];
  };
  return { fake, deps, sharing: createSharing(deps), edit, vaultKey };
}

function secret(overrides: Partial<ShareSecret> = {}): ShareSecret {
  return {
    id: SHARE_ID,
    profileId: 'p1',
    key: 'k'.repeat(43),
    passcode: '',
    code: null,
    mode: 'read',
    sections: ['allergy'],
    expiresAt: NOW + HOUR,
    version: 1,
    digest: '',
    ...overrides,
  };
}

function listed(overrides: Partial<ShareSummary> = {}): ShareSummary {
  return {
    id: SHARE_ID,
    mode: 'read',
    sections: ['allergy'],
    state: 'active',
    createdAt: NOW - HOUR,
    expiresAt: NOW + 30 * 24 * HOUR,
    hasPasscode: false,
    lookupId: null,
    version: 1,
    ownerSecret: null,
    ...overrides,
  };
}

async function seed(w: ReturnType<typeof world>, secrets: ShareSecret[]): Promise<void> {
  const { sealShares } = await import('./shares-state.ts');
  await w.deps.storage.write(sealShares(secrets, w.vaultKey));
}

describe('a hostile server answering the share listing', () => {
  it('uploads for a live share (the baseline the other cases are measured against)', async () => {
    const w = world();
    await seed(w, [secret()]);
    w.fake.listing = [listed()];
    w.edit(EXAMPLE_RECORDS.allergy);
    await w.sharing.runAgent(NOW);
    expect(w.fake.uploads).toBe(1);
  });

  it('cannot re-activate a share this device revoked', async () => {
    const w = world();
    await seed(w, [secret()]);
    w.fake.listing = [listed()];
    await w.sharing.revoke(SHARE_ID);
    // The server answers "active", with a copy of the owner secret, and a later expiry.
    const ownerSecret = sealOwnerSecret(secret(), w.vaultKey);
    w.fake.listing = [listed({ state: 'active', ownerSecret, expiresAt: NOW + 90 * 24 * HOUR })];
    w.edit(EXAMPLE_RECORDS.allergy);
    await w.sharing.runAgent(NOW);
    await w.sharing.runAgent(NOW + 1);
    expect(w.fake.uploads).toBe(0);
    const kept = (await w.sharing.secrets()).filter((s) => s.id === SHARE_ID);
    expect(kept).toHaveLength(1);
    expect(kept[0]?.revoked).toBe(true);
  });

  it('cannot re-activate a share it once said was revoked', async () => {
    const w = world();
    await seed(w, [secret()]);
    w.fake.listing = [listed({ state: 'revoked' })];
    await w.sharing.runAgent(NOW);
    w.fake.listing = [listed({ state: 'active' })];
    w.edit(EXAMPLE_RECORDS.allergy);
    await w.sharing.runAgent(NOW + 1);
    expect(w.fake.uploads).toBe(0);
  });

  it('cannot extend the expiry the patient chose', async () => {
    const w = world();
    await seed(w, [secret({ expiresAt: NOW + HOUR })]);
    w.fake.listing = [listed({ state: 'active', expiresAt: NOW + 30 * 24 * HOUR })];
    w.edit(EXAMPLE_RECORDS.allergy);
    await w.sharing.runAgent(NOW + 2 * HOUR);
    expect(w.fake.uploads).toBe(0);
  });

  it('cannot make another device take over a share past its sealed expiry', async () => {
    const w = world();
    const ownerSecret = sealOwnerSecret(secret({ expiresAt: NOW + HOUR }), w.vaultKey);
    w.fake.listing = [listed({ state: 'active', ownerSecret, expiresAt: NOW + 30 * 24 * HOUR })];
    w.edit(EXAMPLE_RECORDS.allergy);
    await w.sharing.runAgent(NOW + 2 * HOUR);
    expect(w.fake.uploads).toBe(0);
    expect(await w.sharing.secrets()).toEqual([]);
  });

  it('takes over a live share with the sealed expiry, not the server’s longer one', async () => {
    const w = world();
    const ownerSecret = sealOwnerSecret(secret({ expiresAt: NOW + HOUR }), w.vaultKey);
    w.fake.listing = [listed({ state: 'active', ownerSecret, expiresAt: NOW + 30 * 24 * HOUR })];
    await w.sharing.runAgent(NOW);
    expect((await w.sharing.secrets())[0]?.expiresAt).toBe(NOW + HOUR);
  });

  it('stops uploading for good after a 410 on the snapshot', async () => {
    const w = world();
    await seed(w, [secret()]);
    w.fake.listing = [listed()];
    w.fake.putAnswer = new ServerError('share-revoked', 'gone', { status: 410 });
    w.edit(EXAMPLE_RECORDS.allergy);
    await w.sharing.runAgent(NOW);
    w.fake.putAnswer = null;
    w.edit(EXAMPLE_RECORDS.medication);
    await w.sharing.runAgent(NOW + 1);
    expect(w.fake.uploads).toBe(0);
    expect((await w.sharing.secrets())[0]?.revoked).toBe(true);
  });
});
