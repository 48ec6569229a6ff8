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
        login: { ip: per(4), account: per(5) },
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

  it('counts failed sign-ins per (account, address), with backoff: the owner elsewhere is never blocked', async () => {
    const attacker = '198.51.100.9';
    const owner = '203.0.113.50';
    const attempt = async (from: string, good: boolean) => {
      ip = from;
      const nonce = await challenge(t.fetcher, alice.email);
      const signature = good ? signLoginProof(alice.authKey, nonce, alice.email) : 'A'.repeat(86);
      const res = await t.fetcher(
        '/api/auth/login',
        jsonInit('POST', { email: alice.email, nonce, signature }),
      );
      return res;
    };
    // Four failures a minute from the attacker's address, for ten minutes (the per-address limit is 4).
    const seen: number[] = [];
    for (let minute = 0; minute < 10; minute++) {
      for (let i = 0; i < 4; i++) seen.push((await attempt(attacker, false)).status);
      // The owner, from home, every minute: never refused.
      expect((await attempt(owner, true)).status, `minute ${minute}`).toBe(200);
      clock += 60_000;
    }
    // The attacker got 5 free failures (the default), then a delay that doubles: mostly 429s.
    expect(seen.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const locked = await attempt(attacker, false);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(60);
    // Even the right passphrase from the attacker's address waits out the delay.
    expect((await attempt(attacker, true)).status).toBe(429);
  });
});
