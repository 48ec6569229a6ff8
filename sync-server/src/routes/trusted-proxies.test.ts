/**
 * Behind a reverse proxy every request comes from the proxy's address. With TRUSTED_PROXIES the
 * limits count the client named by X-Forwarded-For, so one client's failures do not lock out the
 * others; where an account is known, it has its own limit whatever address it comes from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signLoginProof } from '../../../shared/crypto/auth-proof.ts';
import { loadConfig } from '../config.ts';
import { challenge, jsonInit, register, type TestVault, testVault } from '../testing/api-client.ts';
import { createTestApp, LOOSE_RATE_LIMITS, type TestApp } from '../testing/test-app.ts';

const PROXY = '10.0.0.1';

describe('TRUSTED_PROXIES', () => {
  let t: TestApp;
  let alice: TestVault;
  let doctorToken: string;
  beforeAll(async () => {
    t = await createTestApp({
      trustedProxies: ['10.0.0.0/8'],
      rateLimits: {
        ...LOOSE_RATE_LIMITS,
        login: { ip: { limit: 10, windowMs: 60_000 }, account: { limit: 1000, windowMs: 60_000 } },
      },
    });
    alice = testVault('alice@example.org');
    await register(t.fetcher, alice);
    doctorToken = await register(t.fetcher, testVault('doctor@example.org'));
    const profile = { name: 'Dr Who', profession: 'General practitioner' };
    const res = await via('203.0.113.1', '/api/practitioners/me', jsonInit('PUT', profile, doctorToken));
    expect(res.status).toBe(200);
  });
  afterAll(() => t.close());

  /** A request relayed by the proxy for `client` (the proxy appends the address it saw). */
  function via(client: string, path: string, init: RequestInit, forgedLeft?: string) {
    const headers = new Headers(init.headers);
    headers.set('X-Forwarded-For', forgedLeft ? `${forgedLeft}, ${client}` : client);
    return t.app.request(path, { ...init, headers }, { incoming: { socket: { remoteAddress: PROXY } } });
  }

  async function login(client: string, vault: TestVault, good: boolean, forgedLeft?: string) {
    const nonce = await challenge(t.fetcher, vault.email);
    const signature = good ? signLoginProof(vault.authKey, nonce, vault.email) : 'A'.repeat(86);
    return via(
      client,
      '/api/auth/login',
      jsonInit('POST', { email: vault.email, nonce, signature }),
      forgedLeft,
    );
  }

  it('is read from the environment and documented as comma-separated addresses or blocks', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.1, fd00::/8' }).trustedProxies).toEqual([
      '10.0.0.1',
      'fd00::/8',
    ]);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.example' })).toThrow(/TRUSTED_PROXIES/);
  });

  it("counts each client behind the proxy on its own: one client's junk does not lock out another", async () => {
    const attacker = '198.51.100.66';
    const statuses: number[] = [];
    // The attacker forges a different left-hand address on every request: it changes nothing.
    for (let i = 0; i < 12; i++) statuses.push((await login(attacker, alice, false, `192.0.2.${i}`)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect((await login('203.0.113.20', alice, true)).status).toBe(200);
  });

  it('limits typed-code redemptions per practitioner account, whatever address it comes from', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      // Direct connections (no proxy) from eleven different addresses, one account.
      const res = await t.app.request(
        '/api/shares/code/ABCDEF',
        jsonInit('POST', { proof: 'A'.repeat(43) }, doctorToken),
        { incoming: { socket: { remoteAddress: `203.0.113.${100 + i}` } } },
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
