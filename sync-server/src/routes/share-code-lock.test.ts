/**
 * The typed code and the link are two ways into a share, with two failure counters: someone who
 * only saw the 6-character lookup id can lock the code path, never the link the practitioner
 * already holds. And creating a share never says whether its lookup id is already in use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codeProof,
  deriveCodeKey,
  generateShareCode,
  wrapShareKeyWithCode,
} from '../../../shared/crypto/share-code.ts';
import {
  generateShareId,
  generateShareKey,
  sealSnapshot,
  shareAccessToken,
} from '../../../shared/crypto/share-key.ts';
import type { CreateShareRequest } from '../../../shared/protocol/shares.ts';
import { jsonInit, register, testVault } from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('typed code and link lock apart', () => {
  let t: TestApp;
  let ip = 0;
  let patient: string;
  let doctor: string;
  let prowler: string;
  beforeAll(async () => {
    // Every request from a new address: this test is about the per-share counters, not the
    // per-address limits.
    t = await createTestApp({ clientIp: () => `198.51.100.${(ip++ % 250) + 1}` });
    patient = await register(t.fetcher, testVault('patient@example.org'));
    doctor = await register(t.fetcher, testVault('doctor@example.org'));
    prowler = await register(t.fetcher, testVault('prowler@example.org'));
    for (const [token, name] of [
      [doctor, 'Dr Alice Martin'],
      [prowler, 'Dr Mallory'],
    ] as const) {
      const res = await call('PUT', '/api/practitioners/me', token, { name, profession: 'GP' });
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => t.close());

  const call = (method: string, path: string, token: string, body?: unknown) =>
    t.fetcher(path, jsonInit(method, body, token));

  function shareWithCode(lookupId?: string) {
    const key = generateShareKey();
    const id = generateShareId();
    const code = generateShareCode();
    const codeKey = deriveCodeKey(code);
    const lookup = lookupId ?? code.lookupId;
    const request: CreateShareRequest = {
      id,
      mode: 'read',
      sections: ['allergy'],
      expiry: '1h',
      accessToken: shareAccessToken(key, ''),
      hasPasscode: false,
      code: {
        lookupId: lookup,
        proof: codeProof(codeKey),
        wrappedKey: wrapShareKeyWithCode(key, codeKey, lookup),
      },
      snapshot: { version: 1, ...sealSnapshot(key, id, 1, { allergies: ['peanut'] }) },
    };
    return { key, id, lookupId: lookup, proof: codeProof(codeKey), request };
  }

  it('lets five wrong codes lock the code path only: the link still opens', async () => {
    const share = shareWithCode();
    expect((await call('POST', '/api/shares', patient, share.request)).status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await call('POST', `/api/shares/code/${share.lookupId}`, prowler, {
        proof: shareAccessToken(generateShareKey()),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([403, 403, 403, 403, 423, 423]);
    // Even the right code is refused now on that path…
    const right = await call('POST', `/api/shares/code/${share.lookupId}`, doctor, { proof: share.proof });
    expect(right.status).toBe(423);
    // …but the practitioner holding the link opens the share as before.
    const opened = await call('POST', `/api/shares/${share.id}/open`, doctor, {
      accessToken: shareAccessToken(share.key, ''),
    });
    expect(opened.status).toBe(200);
    const list = await (await call('GET', '/api/shares', patient)).json();
    expect(list.shares.find((s: { id: string }) => s.id === share.id)).toMatchObject({
      state: 'active',
      codeLocked: true,
    });
  });

  it('creates a share whose lookup id is in use without saying so; each code opens its own share', async () => {
    const first = shareWithCode();
    const second = shareWithCode(first.lookupId);
    expect((await call('POST', '/api/shares', patient, first.request)).status).toBe(201);
    expect((await call('POST', '/api/shares', prowler, second.request)).status).toBe(201);
    for (const share of [first, second]) {
      const res = await call('POST', `/api/shares/code/${share.lookupId}`, doctor, { proof: share.proof });
      expect(res.status).toBe(200);
      expect((await res.json()).shareId).toBe(share.id);
    }
  });
});
