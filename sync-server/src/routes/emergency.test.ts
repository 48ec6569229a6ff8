import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sodium } from '../../../shared/crypto/sodium.ts';
import { toBase64Url } from '../../../shared/emergency/base64url.ts';
import { emergencyTokenHash } from '../../../shared/protocol/emergency.ts';
import { DEFAULT_RATE_LIMITS, scaleRateLimits } from '../auth/rate-limit.ts';
import { jsonInit, register, testVault } from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { OPENED_PER_MINUTE, OPENINGS_LIMIT } from './emergency.ts';

const newToken = () => toBase64Url(sodium().randombytes_buf(16));

describe('emergency access log', () => {
  let t: TestApp;
  let clock = 1_800_000_000_000;
  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, body?: unknown, token?: string) =>
    t.fetcher(path, jsonInit(method, body, token));

  it('records an opening of a registered token and lists it to its account only', async () => {
    const owner = await register(t.fetcher, testVault('owner@example.org'));
    const other = await register(t.fetcher, testVault('other@example.org'));
    const token = newToken();
    expect(
      (await call('POST', '/api/emergency/tokens', { tokenHash: emergencyTokenHash(token) }, owner)).status,
    ).toBe(204);

    clock += 1000;
    const opened = await call('POST', '/api/emergency/opened', { token });
    expect(opened.status).toBe(204);
    expect(await opened.text()).toBe('');

    const list = await call('GET', '/api/emergency/openings', undefined, owner);
    expect(list.status).toBe(200);
    // Each opening names the token's hash, so the device can say which profile's code was opened.
    expect(await list.json()).toEqual({
      openings: [{ openedAt: clock, tokenHash: emergencyTokenHash(token) }],
    });
    const none = await call('GET', '/api/emergency/openings', undefined, other);
    expect(await none.json()).toEqual({ openings: [] });
  });

  it('counts a token at most once a minute, and keeps the newest openings only', async () => {
    const owner = await register(t.fetcher, testVault('minute@example.org'));
    const token = newToken();
    await call('POST', '/api/emergency/tokens', { tokenHash: emergencyTokenHash(token) }, owner);
    clock += 120_000;
    const first = clock;
    expect((await call('POST', '/api/emergency/opened', { token })).status).toBe(204);
    clock += 30_000;
    expect((await call('POST', '/api/emergency/opened', { token })).status).toBe(204);
    const list = async () =>
      (
        (await (await call('GET', '/api/emergency/openings', undefined, owner)).json()) as {
          openings: { openedAt: number; tokenHash: string }[];
        }
      ).openings;
    expect(await list()).toEqual([{ openedAt: first, tokenHash: emergencyTokenHash(token) }]);
    for (let i = 0; i < OPENINGS_LIMIT + 3; i++) {
      clock += 61_000;
      await call('POST', '/api/emergency/opened', { token });
    }
    const openings = await list();
    expect(openings).toHaveLength(OPENINGS_LIMIT);
    expect(openings[0]?.openedAt).toBe(clock);
  });

  it('forgets a token on opt-out (owner only), idempotently', async () => {
    const owner = await register(t.fetcher, testVault('optout@example.org'));
    const other = await register(t.fetcher, testVault('optout-other@example.org'));
    const token = newToken();
    const body = { tokenHash: emergencyTokenHash(token) };
    await call('POST', '/api/emergency/tokens', body, owner);
    expect((await call('DELETE', '/api/emergency/tokens', body)).status).toBe(401);
    // Another account's delete changes nothing.
    expect((await call('DELETE', '/api/emergency/tokens', body, other)).status).toBe(204);
    clock += 120_000;
    await call('POST', '/api/emergency/opened', { token });
    expect((await call('DELETE', '/api/emergency/tokens', body, owner)).status).toBe(204);
    expect((await call('DELETE', '/api/emergency/tokens', body, owner)).status).toBe(204);
    expect((await call('DELETE', '/api/emergency/tokens', { tokenHash: 'x' }, owner)).status).toBe(400);
    clock += 120_000;
    await call('POST', '/api/emergency/opened', { token });
    const { openings } = (await (await call('GET', '/api/emergency/openings', undefined, owner)).json()) as {
      openings: unknown[];
    };
    expect(openings).toHaveLength(1);
    expect((await call('PUT', '/api/emergency/tokens', body, owner)).status).toBe(405);
  });

  it('answers 204 to an unknown token too, and stores nothing for it', async () => {
    const owner = await register(t.fetcher, testVault('unknown@example.org'));
    const res = await call('POST', '/api/emergency/opened', { token: newToken() });
    expect(res.status).toBe(204);
    expect(await (await call('GET', '/api/emergency/openings', undefined, owner)).json()).toEqual({
      openings: [],
    });
  });

  it('parses every body with its schema', async () => {
    const owner = await register(t.fetcher, testVault('schema@example.org'));
    for (const body of [
      {},
      { token: 'short' },
      { token: `${newToken()}=` },
      { token: newToken(), extra: 1 },
      'x',
    ]) {
      const res = await call('POST', '/api/emergency/opened', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.reason).toBe('bad-request');
    }
    const bad = await call('POST', '/api/emergency/tokens', { tokenHash: 'nope' }, owner);
    expect(bad.status).toBe(400);
    const text = await t.fetcher('/api/emergency/opened', { method: 'POST', body: 'token' });
    expect(text.status).toBe(415);
  });

  it('needs a session to register tokens and read openings', async () => {
    expect(
      (await call('POST', '/api/emergency/tokens', { tokenHash: emergencyTokenHash(newToken()) })).status,
    ).toBe(401);
    expect((await call('GET', '/api/emergency/openings')).status).toBe(401);
    expect((await call('GET', '/api/emergency/opened')).status).toBe(405);
  });

  it('takes its per-IP limit from the (scaled) rate-limit config', async () => {
    const scaled = scaleRateLimits(DEFAULT_RATE_LIMITS, 0.1);
    const limited = await createTestApp({
      now: () => clock,
      clientIp: () => '203.0.113.10',
      rateLimits: scaled,
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await limited.fetcher('/api/emergency/opened', jsonInit('POST', { token: newToken() }))).status,
        );
      }
      expect(statuses).toEqual([204, 204, 204, 429]);
    } finally {
      await limited.close();
    }
  });

  it('rate-limits reports per IP', async () => {
    const limited = await createTestApp({ now: () => clock, clientIp: () => '203.0.113.9' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i <= OPENED_PER_MINUTE; i++) {
        statuses.push(
          (await limited.fetcher('/api/emergency/opened', jsonInit('POST', { token: newToken() }))).status,
        );
      }
      expect(statuses.slice(0, OPENED_PER_MINUTE).every((s) => s === 204)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
