/** The shared endpoint table (shared/protocol/api.ts) and the server's routes agree. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../shared/protocol/api.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const endpoints = Object.entries(API);
const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, 'AAAAAAAAAAAAAAAAAAAAAA');

describe('the shared API table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each(endpoints)('%s is served by the server', async (_name, e) => {
    // No session and an empty body: a served route refuses (401, 400) or answers; never 404 or 405.
    const response = await t.app.request(concrete(e.path), {
      method: e.method,
      headers: { 'Content-Type': 'application/json' },
      ...(e.method === 'GET' ? {} : { body: '{}' }),
    });
    expect(response.status, `${e.method} ${e.path}`).not.toBe(404);
    expect(response.status, `${e.method} ${e.path}`).not.toBe(405);
    if (e.auth) expect(response.status, `${e.method} ${e.path} needs a session`).toBe(401);
  });

  it('lists every API route the server has', () => {
    const served = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/\/$/, '')}`),
    );
    const listed = new Set(endpoints.map(([, e]) => `${e.method} ${e.path}`));
    expect([...served].filter((route) => !listed.has(route))).toEqual([]);
    expect([...listed].filter((route) => !served.has(route))).toEqual([]);
  });
});
