import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLoginProof } from '../../../shared/crypto/auth-proof.ts';
import { challenge, jsonInit, register, type TestVault, testVault } from '../testing/api-client.ts';
import { createTestApp, LOOSE_RATE_LIMITS, type TestApp } from '../testing/test-app.ts';

describe('rate limits on pre-login, challenge and login', () => {
  let t: TestApp;
  let clock = 1_750_000_000_000;
  let ip = '192.0.2.1';
  let alice: TestVault;
  beforeAll(async () => {
    const per = (limit: number) => ({ limit, windowMs: 60_000 });
    t = await createTestApp({
      now: () => clock,
      clientIp: () => ip,
      rateLimits: {
        ...LOOSE_RATE_LIMITS,
        prelogin: { ip: per(5), account: per(3) },
        login: { ip: per(4), account: per(100) },
      },
    });
    alice = testVault('alice@example.org');
    await register(t.fetcher, alice);
  });
  afterAll(() => t.close());

  it('answers 429 rate-limited with Retry-After, per account, then lets the window slide', async () => {
    const prelogin = () => t.fetcher('/api/auth/prelogin', jsonInit('POST', { email: alice.email }));
    for (let i = 0; i < 3; i++) expect((await prelogin()).status).toBe(200);
    const limited = await prelogin();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('60');
    expect((await limited.json()).error.reason).toBe('rate-limited');
    // Another email from the same address is still answered (its own account budget)…
    const other = await t.fetcher('/api/auth/prelogin', jsonInit('POST', { email: 'bob@example.org' }));
    expect(other.status).toBe(200);
    // …and a minute later the account may try again.
    clock += 60_000;
    expect((await prelogin()).status).toBe(200);
  });

  it('limits login attempts per address, even with correct proofs', async () => {
    ip = '192.0.2.2';
    const attempts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const nonce = await challenge(t.fetcher, alice.email);
      const body = {
        email: alice.email,
        nonce,
        signature: signLoginProof(alice.authKey, nonce, alice.email),
      };
      attempts.push((await t.fetcher('/api/auth/login', jsonInit('POST', body))).status);
    }
    expect(attempts).toEqual([200, 200, 200, 200, 429]);
    ip = '192.0.2.3';
    const nonce = await challenge(t.fetcher, alice.email);
    const body = { email: alice.email, nonce, signature: signLoginProof(alice.authKey, nonce, alice.email) };
    expect((await t.fetcher('/api/auth/login', jsonInit('POST', body))).status).toBe(200);
  });
});
