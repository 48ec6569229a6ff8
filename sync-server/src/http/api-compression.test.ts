import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonInit, push, register, testVault } from '../testing/api-client.ts';
import { create, envelope } from '../testing/envelopes.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { apiCompression } from './api-compression.ts';

describe('API compression', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await register(t.fetcher, testVault('gzip@example.org'));
    const docs = Array.from({ length: 20 }, (_, i) => envelope(`doc${i}`));
    await push(t.fetcher, token, docs.map(create));
  });
  afterAll(() => t.close());

  const pullWith = (acceptEncoding?: string) => {
    const init = jsonInit('POST', { checkpoint: null, batchSize: 100 }, token);
    const headers = new Headers(init.headers);
    if (acceptEncoding) headers.set('Accept-Encoding', acceptEncoding);
    return t.app.request('/api/sync/pull', { ...init, headers });
  };

  it('gzips a JSON answer of the API for a client that accepts it, and says it varies', async () => {
    const res = await pullWith('gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toMatch(/Accept-Encoding/i);
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
    expect(body.documents).toHaveLength(20);
  });

  it('answers plain JSON to a client that accepts no encoding', async () => {
    const res = await pullWith();
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect((await res.json()).documents).toHaveLength(20);
  });

  it('never compresses the live stream', async () => {
    const controller = new AbortController();
    const res = await t.app.request('/api/sync/stream', {
      headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'gzip, deflate, br' },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    // The first event arrives as plain text, not as a deflate block waiting for more input.
    const reader = res.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toMatch(/^event: |^data: |^: /m);
    controller.abort();
    await reader?.cancel().catch(() => {});
  });

  it('never compresses answers that carry a credential, nor any event stream, however large', async () => {
    const big = { filler: 'x'.repeat(4096) };
    const app = new Hono()
      .use('/api/*', apiCompression())
      .post('/api/auth/login', (c) => c.json(big))
      .post('/api/calls/token', (c) => c.json(big))
      .post('/api/shares', (c) => c.json(big))
      .get('/api/other/stream', (c) => streamSSE(c, (s) => s.writeSSE({ data: big.filler })));
    const gzip = { method: 'POST', headers: { 'Accept-Encoding': 'gzip' } };
    expect((await app.request('/api/auth/login', gzip)).headers.get('Content-Encoding')).toBeNull();
    expect((await app.request('/api/calls/token', gzip)).headers.get('Content-Encoding')).toBeNull();
    expect((await app.request('/api/shares', gzip)).headers.get('Content-Encoding')).toBe('gzip');
    const events = await app.request('/api/other/stream', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(events.headers.get('Content-Encoding')).toBeNull();
    expect(await events.text()).toContain(big.filler);
  });
});
