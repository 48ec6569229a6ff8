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

  it('refuses a body over the limit with 413, whether its length is declared or not', async () => {
    const big = new TextEncoder().encode(JSON.stringify({ email: `${'a'.repeat(70 * 1024)}@example.org` }));
    const declared = await t.fetcher('/api/auth/prelogin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.reason).toBe('payload-too-large');
    // Streamed without a length: counted as it arrives.
    const streamed = await t.fetcher('/api/auth/prelogin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(big);
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('reads a body of a declared length as it reads any other', async () => {
    const body = new TextEncoder().encode('{"email":"élise@example.org"}');
    const res = await t.fetcher('/api/auth/prelogin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
      body,
    });
    expect(res.status).toBe(200);
    const bad = await t.fetcher('/api/auth/prelogin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '3' },
      body: new TextEncoder().encode('{"e'),
    });
    expect(bad.status).toBe(400);
  });

  it('still accepts well-formed UTF-8 beyond ASCII', async () => {
    const res = await post(new TextEncoder().encode('{"email":"élise@example.org"}'));
    expect(res.status).toBe(200);
  });
});
