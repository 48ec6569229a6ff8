import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../../../shared/crypto/encoding.ts';
import { type DirectoryResponse, directoryResponseSchema } from '../../../shared/protocol/directory.ts';
import { jsonInit } from '../testing/api-client.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { LISTED, type Person, person } from '../testing/thread-fixtures.ts';

describe('practitioner directory', () => {
  let t: TestApp;
  let viewer: Person;
  let lyon: Person;
  let paris: Person;

  beforeAll(async () => {
    t = await createTestApp();
    viewer = await person(t.fetcher);
    lyon = await person(t.fetcher, LISTED);
    paris = await person(t.fetcher, {
      name: 'Dr Paris',
      profession: 'Cardiologist',
      specialty: 'Cardiologie',
      city: 'Paris',
      languages: ['fr', 'de'],
      listed: true,
      accepts: { messages: false, secondOpinions: true, calls: false },
    });
    await person(t.fetcher, { ...LISTED, name: 'Dr Hidden', listed: false });
    await person(t.fetcher, { name: 'Dr Old', profession: 'GP' });
  });
  afterAll(() => t.close());

  async function search(query = ''): Promise<DirectoryResponse> {
    const res = await t.fetcher(`/api/directory${query}`, jsonInit('GET', undefined, viewer.token));
    expect(res.status).toBe(200);
    return directoryResponseSchema.parse(await res.json());
  }
  const names = (r: DirectoryResponse) => r.practitioners.map((p) => p.name).sort();

  it('lists only practitioners who opted in, says identities are self-declared, with rate and keys', async () => {
    const all = await search();
    expect(all.selfDeclared).toBe(true);
    expect(all.notice).toMatch(/self-declared/);
    expect(names(all)).toEqual(['Dr Listed', 'Dr Paris']);
    expect(all.practitioners.find((p) => p.accountId === lyon.accountId)).toEqual({
      accountId: lyon.accountId,
      name: 'Dr Listed',
      profession: 'General practitioner',
      specialty: 'Médecine générale',
      city: 'Lyon',
      languages: ['fr', 'en'],
      rateCents: 5_000,
      accepts: { messages: true, secondOpinions: false, calls: true },
      boxPublicKey: toBase64(lyon.identity.box.publicKey),
      signPublicKey: toBase64(lyon.identity.sign.publicKey),
    });
    expect(all.practitioners.find((p) => p.accountId === paris.accountId)?.rateCents).toBeNull();
  });

  it('filters by specialty and city (ignoring case and accents), language and what they accept', async () => {
    expect(names(await search('?specialty=medecine'))).toEqual(['Dr Listed']);
    expect(names(await search('?city=PARIS'))).toEqual(['Dr Paris']);
    expect(names(await search('?language=de'))).toEqual(['Dr Paris']);
    expect(names(await search('?language=fr'))).toEqual(['Dr Listed', 'Dr Paris']);
    expect(names(await search('?accepts=messages'))).toEqual(['Dr Listed']);
    expect(names(await search('?city=Lyon&language=de'))).toEqual([]);
  });

  it('refuses malformed queries with 400 and a rate outside 30–90 €/h on the profile', async () => {
    for (const query of ['?language=French', '?accepts=all', '?unknown=1', '?city=']) {
      const res = await t.fetcher(`/api/directory${query}`, jsonInit('GET', undefined, viewer.token));
      expect(res.status, query).toBe(400);
    }
    for (const rateCents of [2_999, 9_001, 50.5]) {
      const res = await t.fetcher(
        '/api/practitioners/me',
        jsonInit('PUT', { ...LISTED, rateCents }, lyon.token),
      );
      expect(res.status).toBe(400);
    }
  });
});
