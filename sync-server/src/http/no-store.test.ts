import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonInit, register, testVault } from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('Cache-Control on the API', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await register(t.fetcher, testVault('cache@example.org'));
  });
  afterAll(() => t.close());

  it('is no-store on authenticated JSON, on errors, and on unauthenticated answers', async () => {
    const answers = [
      await t.fetcher('/api/account', jsonInit('GET', undefined, token)),
      await t.fetcher('/api/sync/pull', jsonInit('POST', { checkpoint: null, batchSize: 10 }, token)),
      await t.fetcher('/api/shares', jsonInit('GET', undefined, token)),
      await t.fetcher('/api/account', jsonInit('GET')),
      await t.fetcher('/api/auth/prelogin', jsonInit('POST', { email: 'cache@example.org' })),
    ];
    for (const res of answers) {
      expect(res.headers.get('Content-Type'), res.url).toMatch(/^application\/json/);
      expect(res.headers.get('Cache-Control'), String(res.status)).toBe('no-store');
    }
  });
});
