/**
 * What an account may take from an open server: a storage quota on ciphertext (a clear
 * `quota-exceeded` with usage and limit), a bounded number and pace of shares, and no new
 * snapshot for a share that has ended (its ciphertext is purged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateShareId,
  generateShareKey,
  sealSnapshot,
  shareAccessToken,
} from '../../../shared/crypto/share-key.ts';
import type { CreateShareRequest } from '../../../shared/protocol/shares.ts';
import { jsonInit, push, register, testVault } from '../testing/api-client.ts';
import { create, envelope } from '../testing/envelopes.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { MAX_ACTIVE_SHARES, SHARES_PER_HOUR } from './shares.ts';

const QUOTA = 4096;

describe('quotas', () => {
  let t: TestApp;
  let clock = 1_750_000_000_000;
  beforeAll(async () => {
    t = await createTestApp({ now: () => clock, storageQuotaBytes: QUOTA });
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, token: string, body?: unknown) =>
    t.fetcher(path, jsonInit(method, body, token));

  function newShare(): CreateShareRequest {
    const key = generateShareKey();
    const id = generateShareId();
    return {
      id,
      mode: 'read',
      sections: ['allergy'],
      expiry: '1h',
      accessToken: shareAccessToken(key, ''),
      hasPasscode: false,
      snapshot: { version: 1, ...sealSnapshot(key, id, 1, { allergies: ['peanut'] }) },
    };
  }

  it('refuses a push over the storage quota with quota-exceeded, usage and limit; nothing is saved', async () => {
    const token = await register(t.fetcher, testVault('full@example.org'));
    await push(t.fetcher, token, [create(envelope('a', 1, { ciphertext: 'A'.repeat(3000) }))]);
    const res = await call('POST', '/api/sync/push', token, {
      rows: [create(envelope('b', 1, { ciphertext: 'B'.repeat(2000) }))],
    });
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error).toMatchObject({ reason: 'quota-exceeded', usage: 3000, limit: QUOTA, wouldUse: 5000 });
    expect(error.message).toMatch(/Nothing in it was saved/);
    const account = await (await call('GET', '/api/account', token)).json();
    expect(account.storage).toEqual({ used: 3000, limit: QUOTA });
    // A smaller push still fits.
    await push(t.fetcher, token, [create(envelope('c', 1, { ciphertext: 'C'.repeat(1000) }))]);
  });

  it(`keeps at most ${MAX_ACTIVE_SHARES} active shares per account, and ${SHARES_PER_HOUR} new ones an hour`, async () => {
    const token = await register(t.fetcher, testVault('sharer@example.org'));
    const statuses: number[] = [];
    for (let i = 0; i < SHARES_PER_HOUR + 1; i++)
      statuses.push((await call('POST', '/api/shares', token, newShare())).status);
    expect(statuses.slice(0, SHARES_PER_HOUR).every((s) => s === 201)).toBe(true);
    const paced = await call('POST', '/api/shares', token, newShare());
    expect(paced.status).toBe(429);
    expect((await paced.json()).error).toMatchObject({ reason: 'share-limit', limit: SHARES_PER_HOUR });
  });

  it(`keeps at most ${MAX_ACTIVE_SHARES} active shares per account; revoking one makes room`, async () => {
    const token = await register(t.fetcher, testVault('many@example.org'));
    const ids: string[] = [];
    const make = () => ({ ...newShare(), expiry: '30d' as const });
    while (ids.length < MAX_ACTIVE_SHARES) {
      const share = make();
      const res = await call('POST', '/api/shares', token, share);
      if (res.status === 429) {
        clock += 3_600_000; // the pace, not the number: an hour later
        continue;
      }
      expect(res.status).toBe(201);
      ids.push(share.id);
    }
    clock += 3_600_000;
    const full = await call('POST', '/api/shares', token, make());
    expect(full.status).toBe(409);
    expect((await full.json()).error).toMatchObject({ reason: 'share-limit', limit: MAX_ACTIVE_SHARES });
    expect((await call('POST', `/api/shares/${ids[0]}/revoke`, token)).status).toBe(204);
    expect((await call('POST', '/api/shares', token, make())).status).toBe(201);
  });

  it('takes no new snapshot for a revoked share (its ciphertext is purged)', async () => {
    const token = await register(t.fetcher, testVault('revoker@example.org'));
    const share = newShare();
    expect((await call('POST', '/api/shares', token, share)).status).toBe(201);
    expect((await call('POST', `/api/shares/${share.id}/revoke`, token)).status).toBe(204);
    const res = await call('PUT', `/api/shares/${share.id}/snapshot`, token, {
      ...share.snapshot,
      version: 2,
    });
    expect(res.status).toBe(410);
    expect((await res.json()).error.reason).toBe('share-revoked');
    expect(await t.store.purgeEndedShares(clock)).toBeGreaterThanOrEqual(1);
    expect(await t.store.getSnapshot(share.id)).toBeNull();
  });
});
