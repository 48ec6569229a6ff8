import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

describe('JSON request bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (body: Uint8Array<ArrayBuffer>) =>
    t.fetcher('/api/auth/prelogin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });

  it('refuses bytes that are not UTF-8 with 400 invalid-utf8, before parsing', async () => {
    const prefix = new TextEncoder().encode('{"email":"a');
    const suffix = new TextEncoder().encode('@example.org"}');
    // A lone continuation byte, an overlong '/', a UTF-16 surrogate encoded in UTF-8.
    for (const bad of [[0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      const res = await post(new Uint8Array([...prefix, ...bad, ...suffix]));
      expect(res.status).toBe(400);
      expect((await res.json()).error.reason).toBe('invalid-utf8');
    }
  });

  it('still accepts well-formed UTF-8 beyond ASCII', async () => {
    const res = await post(new TextEncoder().encode('{"email":"élise@example.org"}'));
    expect(res.status).toBe(200);
  });
});
