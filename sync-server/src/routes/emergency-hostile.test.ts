/**
 * Emergency tokens against squatting and suppression: a hash another account registered is refused
 * with 409 `emergency-token-taken` (the app draws a new code), and a stranger replaying a token every
 * minute from one address cannot hide the genuine openings from another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { toBase64Url } from '../../../shared/emergency/base64url.ts';
import { emergencyTokenHash } from '../../../shared/protocol/emergency.ts';
import { jsonInit, register, testVault } from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const newToken = () => toBase64Url(sodium().randombytes_buf(16));

describe('emergency tokens against a hostile account or reporter', () => {
  let t: TestApp;
  let clock = 1_800_000_000_000;
  let ip = '198.51.100.1';
  beforeAll(async () => {
    t = await createTestApp({ now: () => clock, clientIp: () => ip });
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, body?: unknown, token?: string) =>
    t.fetcher(path, jsonInit(method, body, token));

  it('answers 409 emergency-token-taken when the hash belongs to another account', async () => {
    const first = await register(t.fetcher, testVault('first@example.org'));
    const squatter = await register(t.fetcher, testVault('squatter@example.org'));
    const body = { tokenHash: emergencyTokenHash(newToken()) };
    expect((await call('POST', '/api/emergency/tokens', body, first)).status).toBe(204);
    const taken = await call('POST', '/api/emergency/tokens', body, squatter);
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.reason).toBe('emergency-token-taken');
    // The holder registering again is still fine (every sync start does it).
    expect((await call('POST', '/api/emergency/tokens', body, first)).status).toBe(204);
  });

  it('records a genuine opening even while someone else reports the same token every minute', async () => {
    const owner = await register(t.fetcher, testVault('patient@example.org'));
    const token = newToken();
    await call('POST', '/api/emergency/tokens', { tokenHash: emergencyTokenHash(token) }, owner);
    clock += 120_000;
    ip = '198.51.100.66'; // the stranger who copied the code
    expect((await call('POST', '/api/emergency/opened', { token })).status).toBe(204);
    clock += 10_000;
    ip = '203.0.113.7'; // the paramedic, ten seconds later
    expect((await call('POST', '/api/emergency/opened', { token })).status).toBe(204);
    const list = await (await call('GET', '/api/emergency/openings', undefined, owner)).json();
    expect(list.openings.map((o: { openedAt: number }) => o.openedAt)).toEqual([clock, clock - 10_000]);
  });
});
