import { describe, expect, it } from 'vitest';
import { createObjectUrls } from './object-urls.ts';

describe('createObjectUrls', () => {
  it('makes blob: URLs of the exact bytes and revokes them', async () => {
    const urls = createObjectUrls();
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    const url = urls.create(bytes, 'application/pdf');
    expect(url).toMatch(/^blob:/);
    const blob = await (await import('node:buffer')).resolveObjectURL(url);
    expect(blob?.type).toBe('application/pdf');
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(bytes);

    urls.revoke(url);
    expect((await import('node:buffer')).resolveObjectURL(url)).toBeUndefined();
  });

  it('revokes everything still open when the screen goes away', async () => {
    const { resolveObjectURL } = await import('node:buffer');
    const urls = createObjectUrls();
    const made = [
      urls.create(new Uint8Array([1]), 'image/png'),
      urls.create(new Uint8Array([2]), 'image/png'),
    ];
    urls.revokeAll();
    for (const url of made) expect(resolveObjectURL(url)).toBeUndefined();
  });
});
