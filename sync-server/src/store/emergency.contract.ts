/** The emergency access-log part of the Store contract (store.ts), run on SQLite and PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { NOW } from './documents.contract.ts';
import type { Store } from './store.ts';

export function emergencyContract(store: () => Store, newAccount: () => Promise<string>): void {
  it('records openings of registered emergency tokens only, newest first', async () => {
    const a = await newAccount();
    const token = `tok-${randomUUID()}`;
    expect(await store().registerEmergencyToken(a, token, NOW)).toBe('registered');
    // Registering again is harmless.
    expect(await store().registerEmergencyToken(a, token, NOW + 1)).toBe('registered');
    expect(await store().listEmergencyOpenings(a, 10)).toEqual([]);
    expect(await store().recordEmergencyOpening(token, NOW + 10, 50)).toBe(true);
    expect(await store().recordEmergencyOpening(token, NOW + 30, 50)).toBe(true);
    expect(await store().recordEmergencyOpening(token, NOW + 20, 50)).toBe(true);
    expect(await store().recordEmergencyOpening(`unknown-${randomUUID()}`, NOW, 50)).toBe(false);
    expect(await store().listEmergencyOpenings(a, 10)).toEqual([
      { openedAt: NOW + 30, tokenHash: token },
      { openedAt: NOW + 20, tokenHash: token },
      { openedAt: NOW + 10, tokenHash: token },
    ]);
    expect(await store().listEmergencyOpenings(a, 2)).toHaveLength(2);
  });

  it('keeps one account’s emergency openings away from another', async () => {
    const a = await newAccount();
    const b = await newAccount();
    const token = `tok-${randomUUID()}`;
    await store().registerEmergencyToken(a, token, NOW);
    // Another account cannot take over a token hash that is already registered, and is told so.
    expect(await store().registerEmergencyToken(b, token, NOW)).toBe('taken');
    expect(await store().registerEmergencyToken(a, token, NOW)).toBe('registered');
    await store().recordEmergencyOpening(token, NOW + 5, 50);
    expect(await store().listEmergencyOpenings(a, 10)).toEqual([{ openedAt: NOW + 5, tokenHash: token }]);
    expect(await store().listEmergencyOpenings(b, 10)).toEqual([]);
  });

  it('refuses tokens for an unknown account, and wipes tokens and openings with the account', async () => {
    expect(await store().registerEmergencyToken(`nobody-${randomUUID()}`, `tok-${randomUUID()}`, NOW)).toBe(
      'no-account',
    );
    const a = await newAccount();
    const b = await newAccount();
    const ta = `tok-${randomUUID()}`;
    const tb = `tok-${randomUUID()}`;
    await store().registerEmergencyToken(a, ta, NOW);
    await store().registerEmergencyToken(b, tb, NOW);
    await store().recordEmergencyOpening(ta, NOW + 1, 50);
    await store().recordEmergencyOpening(tb, NOW + 1, 50);
    expect(await store().deleteAccount(a)).toBe(true);
    expect(await store().listEmergencyOpenings(a, 10)).toEqual([]);
    // The token is gone too: a later opening is not recorded for anyone.
    expect(await store().recordEmergencyOpening(ta, NOW + 2, 50)).toBe(false);
    expect(await store().listEmergencyOpenings(b, 10)).toEqual([{ openedAt: NOW + 1, tokenHash: tb }]);
  });

  it('keeps only the newest openings of an account, across its tokens', async () => {
    const a = await newAccount();
    const b = await newAccount();
    const t1 = `tok-${randomUUID()}`;
    const t2 = `tok-${randomUUID()}`;
    const tb = `tok-${randomUUID()}`;
    await store().registerEmergencyToken(a, t1, NOW);
    await store().registerEmergencyToken(a, t2, NOW);
    await store().registerEmergencyToken(b, tb, NOW);
    await store().recordEmergencyOpening(tb, NOW, 3);
    for (let i = 1; i <= 6; i++) {
      expect(await store().recordEmergencyOpening(i % 2 ? t1 : t2, NOW + i, 3)).toBe(true);
    }
    // Each opening says which of the account's tokens was opened.
    expect(await store().listEmergencyOpenings(a, 50)).toEqual([
      { openedAt: NOW + 6, tokenHash: t2 },
      { openedAt: NOW + 5, tokenHash: t1 },
      { openedAt: NOW + 4, tokenHash: t2 },
    ]);
    // Another account's openings are not pruned by these.
    expect(await store().listEmergencyOpenings(b, 50)).toEqual([{ openedAt: NOW, tokenHash: tb }]);
  });

  it('forgets a token of its own account only (opt-out)', async () => {
    const a = await newAccount();
    const b = await newAccount();
    const token = `tok-${randomUUID()}`;
    await store().registerEmergencyToken(a, token, NOW);
    expect(await store().deleteEmergencyToken(b, token)).toBe(false);
    expect(await store().recordEmergencyOpening(token, NOW + 1, 50)).toBe(true);
    expect(await store().deleteEmergencyToken(a, token)).toBe(true);
    expect(await store().deleteEmergencyToken(a, token)).toBe(false);
    expect(await store().recordEmergencyOpening(token, NOW + 2, 50)).toBe(false);
    // Past openings stay in the log, still naming their token; the token can be registered again later.
    expect(await store().listEmergencyOpenings(a, 10)).toEqual([{ openedAt: NOW + 1, tokenHash: token }]);
    expect(await store().registerEmergencyToken(a, token, NOW + 3)).toBe('registered');
    expect(await store().recordEmergencyOpening(token, NOW + 4, 50)).toBe(true);
  });
}
