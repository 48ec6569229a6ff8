import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../../scripts/precompress-plugin.ts';
import { createApp } from '../app.ts';

describe('static site: precompressed files', () => {
  let dir: string;
  const script = `export const words = ${JSON.stringify('carnet '.repeat(400))};\n`;
  const html = `<!doctype html><title>Carnet</title>${'<p>shell</p>'.repeat(200)}`;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'carnet-precompressed-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'e.html'), html.replace('shell', 'responder'));
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), script);
    writeFileSync(join(dir, 'sw.js'), `self.x = ${JSON.stringify('y'.repeat(2000))};\n`);
    precompressDir(dir);
    // A file the build did not compress (smaller than the threshold, or added by hand).
    writeFileSync(join(dir, 'assets', 'plain-def456.js'), script);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (path: string, acceptEncoding?: string) =>
    createApp({ staticDir: dir }).request(path, {
      headers: { Accept: 'text/html', ...(acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {}) },
    });

  it('writes .br and .gz copies beside compressible files at build time', () => {
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'app-abc123.js.br'))).toString()).toBe(
      script,
    );
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'app-abc123.js.gz'))).toString()).toBe(script);
  });

  it('prefers brotli when the client accepts it, with the type of the original and immutable caching', async () => {
    const res = await get('/assets/app-abc123.js', 'gzip, deflate, br, zstd');
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
  });

  it('sends gzip to a client without brotli', async () => {
    const res = await get('/assets/app-abc123.js', 'gzip, deflate');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
  });

  it('sends the plain file to a client that accepts no encoding, still varying on it', async () => {
    const res = await get('/assets/app-abc123.js');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(await res.text()).toBe(script);
  });

  it('falls back to the plain file when no compressed copy exists', async () => {
    const res = await get('/assets/plain-def456.js', 'br, gzip');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(script);
  });

  it('serves the service worker uncompressed, as it is on disk', async () => {
    const res = await get('/sw.js', 'br, gzip');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('compresses the shell and the responder page, always revalidated', async () => {
    for (const path of ['/', '/profiles/deep/link', '/e']) {
      const res = await get(path, 'br');
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Content-Encoding'), path).toBe('br');
      expect(res.headers.get('Cache-Control'), path).toBe('no-cache');
      expect(res.headers.get('Vary'), path).toBe('Accept-Encoding');
    }
    const page = await get('/e', 'br');
    expect(brotliDecompressSync(Buffer.from(await page.arrayBuffer())).toString()).toContain('responder');
  });
});
