import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pull, push, register, testVault } from '../testing/api-client.ts';
import { create, envelope, randomB64 } from '../testing/envelopes.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

// SQLite reads pull pages as raw arrays (sqlite.ts, pulledEnvelope): every field must come back
// exactly as pushed, the optional signed-entry fields only when they were set.
describe('SQLite pull pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: () => 1_750_000_000_000 });
  });
  afterAll(() => t.close());

  it('returns each envelope as pushed, author and signature only where given', async () => {
    const token = await register(t.fetcher, testVault('raw@example.org'));
    const signed = envelope('signed', 3, { author: randomB64(32), sig: randomB64(64), schemaVersion: 2 });
    const plain = envelope('plain');
    const gone = envelope('gone', 1, { _deleted: true });
    await push(t.fetcher, token, [create(signed), create(plain), create(gone)]);
    const page = await pull(t.fetcher, token, null, 10);
    const at = { updatedAt: 1_750_000_000_000 };
    expect(page.documents).toStrictEqual([
      { ...signed, ...at },
      { ...plain, ...at },
      { ...gone, ...at },
    ]);
    expect(Object.keys(page.documents[1] ?? {})).not.toContain('author');
    expect(page.checkpoint).toEqual({ seq: 3 });
  });
});
