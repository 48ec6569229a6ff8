/** The token ledger against the real server (sync-server test app) through the real ApiClient. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../../../../shared/crypto/random.ts';
import { initCrypto } from '../../../../shared/crypto/sodium.ts';
import { toBase64Url } from '../../../../shared/emergency/base64url.ts';
import { EXAMPLE_PROFILE } from '../../../../shared/emergency/testing.ts';
import { emergencyTokenHash } from '../../../../shared/protocol/emergency.ts';
import { jsonInit, register, testVault } from '../../../../sync-server/src/testing/api-client.ts';
import { createTestApp, type TestApp } from '../../../../sync-server/src/testing/test-app.ts';
import type { RecordEntry } from '../../records/record-service.ts';
import { createServer } from '../../server/server.ts';
import { MemoryStorage } from './memory-storage.test-util.ts';
import { pendingRemovals, queueTokenRemoval, reconcileTokens, savedTokens } from './token-ledger.ts';

let t: TestApp;
let clock = 1_800_000_000_000;
beforeAll(async () => {
  await initCrypto();
  t = await createTestApp({ now: () => clock });
});
afterAll(() => t.close());

const newToken = () => toBase64Url(randomBytes(16));
const client = (token: string) =>
  createServer({
    baseUrl: 'http://carnet.test',
    token,
    fetch: (input, init) => t.fetcher(String(input).replace('http://carnet.test', ''), init),
  }).emergency;
const offline = (token: string) =>
  createServer({
    baseUrl: 'http://carnet.test',
    token,
    fetch: () => Promise.reject(new TypeError('offline')),
  }).emergency;

async function open(token: string): Promise<void> {
  clock += 120_000;
  await t.fetcher('/api/emergency/opened', jsonInit('POST', { token }));
}

describe('token ledger', () => {
  it('lists the tokens of saved emergency profiles only', () => {
    const entry = (profileId: string, token?: string): RecordEntry => ({
      id: profileId,
      profileId,
      rev: 1,
      updatedAt: 0,
      record: {
        kind: 'emergency-profile',
        schemaVersion: 1,
        profile: { ...EXAMPLE_PROFILE, ...(token ? { token } : {}) },
      },
    });
    const a = newToken();
    const b = newToken();
    expect(savedTokens([entry('1', b), entry('2'), entry('3', a), entry('4', a)])).toEqual([a, b].sort());
  });

  it('registers saved tokens and deletes removed ones, keeping a failed deletion for later', async () => {
    const session = await register(t.fetcher, testVault(`ledger-${Date.now()}@example.org`));
    const storage = new MemoryStorage();
    const old = newToken();
    const current = newToken();
    await reconcileTokens(client(session), storage, [old]);
    await open(old);

    // Replaced while offline: the deletion waits.
    queueTokenRemoval(storage, old);
    await expect(reconcileTokens(offline(session), storage, [current])).rejects.toThrow();
    expect(pendingRemovals(storage)).toEqual([emergencyTokenHash(old)]);
    await open(old);

    // Back online: the old token is forgotten, the new one registered.
    await reconcileTokens(client(session), storage, [current]);
    expect(pendingRemovals(storage)).toEqual([]);
    await open(old);
    await open(current);
    const { openings } = await client(session).emergencyOpenings();
    // old twice (before the deletion reached the server), current once, the late old opening not at all.
    expect(openings).toHaveLength(3);
    expect(openings[0]?.openedAt).toBe(clock);
  });

  it('does not delete a token that is saved again', async () => {
    const session = await register(t.fetcher, testVault(`again-${Date.now()}@example.org`));
    const storage = new MemoryStorage();
    const token = newToken();
    queueTokenRemoval(storage, token);
    await reconcileTokens(client(session), storage, [token]);
    expect(pendingRemovals(storage)).toEqual([]);
    await open(token);
    expect((await client(session).emergencyOpenings()).openings).toHaveLength(1);
  });

  it('reports a token another account holds (409) without failing the others', async () => {
    const squatter = await register(t.fetcher, testVault(`squat-${Date.now()}@example.org`));
    const owner = await register(t.fetcher, testVault(`owner-${Date.now()}@example.org`));
    const copied = newToken();
    const mine = newToken();
    await reconcileTokens(client(squatter), new MemoryStorage(), [copied]);
    const outcome = await reconcileTokens(client(owner), new MemoryStorage(), [copied, mine]);
    expect(outcome.taken).toEqual([copied]);
    await open(mine);
    expect((await client(owner).emergencyOpenings()).openings).toHaveLength(1);
  });
});
