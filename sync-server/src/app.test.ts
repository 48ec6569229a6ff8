import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { createApp } from './app.ts';
import { ApiError } from './http/errors.ts';
import type { LogEntry } from './http/logger.ts';

const HTML = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('GET /healthz', () => {
  it('answers ok with the package version', async () => {
    const res = await createApp().request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: packageJson.version });
  });
});

describe('GET /api/version', () => {
  it('answers the protocol version', async () => {
    const res = await createApp().request('/api/version');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ protocolVersion: 1 });
  });
});

describe('security headers', () => {
  it('sends the strict CSP on success and error responses alike', async () => {
    const app = createApp();
    for (const path of ['/healthz', '/api/nope', '/nope']) {
      const res = await app.request(path);
      const csp = res.headers.get('Content-Security-Policy');
      expect(csp, path).toBe(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
          "img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
          "frame-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
          "form-action 'self'",
      );
      expect(csp).not.toContain("'unsafe-inline'");
      expect(csp).not.toContain("'unsafe-eval'");
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    }
  });

  it('opens no CORS access', async () => {
    const res = await createApp().request('/api/version', { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('errors', () => {
  it('answers an unknown /api route with a 404 JSON error', async () => {
    const res = await createApp().request('/api/does-not-exist', { headers: HTML });
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: { reason: 'not-found', message: 'Not found' } });
  });

  it('turns an HTTPException into the error shape with its status', async () => {
    const app = createApp();
    app.get('/api/test/bad', () => {
      throw new HTTPException(400, { message: 'Missing field: name' });
    });
    const res = await app.request('/api/test/bad');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { reason: 'bad-request', message: 'Missing field: name' } });
  });

  it('keeps the reason an ApiError chose', async () => {
    const app = createApp();
    app.post('/api/test/profiles', () => {
      throw new ApiError(409, 'conflict', 'Revision mismatch');
    });
    const res = await app.request('/api/test/profiles', { method: 'POST' });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { reason: 'conflict', message: 'Revision mismatch' } });
  });

  it('hides the details of unexpected errors and logs no message', async () => {
    const logged: LogEntry[] = [];
    const app = createApp({ log: (entry) => logged.push(entry) });
    app.get('/api/test/crash', () => {
      throw new Error('secret detail: alice@example.org');
    });
    const res = await app.request('/api/test/crash?token=abc');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { reason: 'internal', message: 'Internal error' } });
    expect(text).not.toContain('secret');
    expect(res.headers.get('Content-Security-Policy')).not.toBeNull();

    const lines = JSON.stringify(logged);
    expect(lines).not.toContain('alice@example.org');
    expect(lines).not.toContain('token');
    expect(logged).toContainEqual(
      expect.objectContaining({ msg: 'request', method: 'GET', path: '/api/test/crash', status: 500 }),
    );
  });
});

describe('static site', () => {
  let parent: string;
  let dir: string;
  const indexHtml = '<!doctype html><title>Carnet test shell</title>';
  const responderHtml = '<!doctype html><title>Emergency responder page</title>';

  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'carnet-static-'));
    dir = join(parent, 'dist');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(parent, 'secret.txt'), 'outside the static folder');
    writeFileSync(join(dir, 'index.html'), indexHtml);
    writeFileSync(join(dir, 'e.html'), responderHtml);
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'export {};\n');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Carnet"}');
  });

  afterAll(() => {
    rmSync(parent, { recursive: true, force: true });
  });

  it('serves index.html at / without long-term caching', async () => {
    const res = await createApp({ staticDir: dir }).request('/', { headers: HTML });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('Content-Security-Policy')).not.toBeNull();
    expect(await res.text()).toBe(indexHtml);
  });

  it('caches hashed assets for a year', async () => {
    const res = await createApp({ staticDir: dir }).request('/assets/app-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/javascript/);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates unhashed files', async () => {
    const res = await createApp({ staticDir: dir }).request('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('revalidates the service worker and the web manifest, and types the manifest', async () => {
    // A year-long cache on sw.js would pin clients to an old version; the browser checks it for updates.
    const app = createApp({ staticDir: dir });
    const sw = await app.request('/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('Content-Type')).toMatch(/javascript/);
    expect(sw.headers.get('Cache-Control')).toBe('no-cache');

    const manifest = await app.request('/manifest.webmanifest');
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('Content-Type')).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('serves the emergency responder page at /e, never the app shell', async () => {
    const app = createApp({ staticDir: dir });
    for (const headers of [HTML, {}]) {
      const res = await app.request('/e', { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
      expect(res.headers.get('Content-Security-Policy')).not.toBeNull();
      expect(await res.text()).toBe(responderHtml);
    }
    // Only the exact path: deeper links stay with the app's router.
    expect(await (await app.request('/e/x', { headers: HTML })).text()).toBe(indexHtml);
  });

  it('falls back to index.html for a deep link that wants HTML', async () => {
    const res = await createApp({ staticDir: dir }).request('/profiles/abc/allergies', { headers: HTML });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(await res.text()).toBe(indexHtml);
  });

  it('does not fall back for requests that do not want HTML', async () => {
    const app = createApp({ staticDir: dir });
    const missingAsset = await app.request('/assets/missing.js', { headers: { Accept: '*/*' } });
    expect(missingAsset.status).toBe(404);
    expect(await missingAsset.json()).toEqual({ error: { reason: 'not-found', message: 'Not found' } });

    const post = await app.request('/profiles', { method: 'POST', headers: HTML });
    expect(post.status).toBe(404);
  });

  it('never serves the shell under /api', async () => {
    const res = await createApp({ staticDir: dir }).request('/api/unknown', { headers: HTML });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { reason: 'not-found', message: 'Not found' } });
  });

  it('refuses to walk out of the static folder', async () => {
    const app = createApp({ staticDir: dir });
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('outside');
    }
  });
});
