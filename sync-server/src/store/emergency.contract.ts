/** The emergency access-log part of the Store contract (store.ts), run on SQLite and PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { NOW } from './documents.contract.ts';
import type { Store } from './store.ts';

export function emergencyContract(store: () => Store, newAccount: () => Promise<string>): void {
  it('records openings of registered emergency tokens only, newest first', async () => {
    const a = await newAccount();
    const token = `tok-${randomUUID()}`;
    expect(await store().registerEmergencyToken(a, token, NOW)).toBe(true);
    // Registering again is harmless.
    expect(await store().registerEmergencyToken(a, token, NOW + 1)).toBe(true);
    expect(await store().listEmergencyOpenings(a, 10)).toEqual([]);
    expect(await store().recordEmergencyOpening(token, NOW + 10)).toBe(true);
    expect(await store().recordEmergencyOpening(token, NOW + 30)).toBe(true);
    expect(await store().recordEmergencyOpening(token, NOW + 20)).toBe(true);
    expect(await store().recordEmergencyOpening(`unknown-${randomUUID()}`, NOW)).toBe(false);
    expect(await store().listEmergencyOpenings(a, 10)).toEqual([
      { openedAt: NOW + 30 },
      { openedAt: NOW + 20 },
      { openedAt: NOW + 10 },
    ]);
    expect(await store().listEmergencyOpenings(a, 2)).toHaveLength(2);
  });

  it('keeps one account’s emergency openings away from another', async () => {
    const a = await newAccount();
    const b = await newAccount();
    const token = `tok-${randomUUID()}`;
    await store().registerEmergencyToken(a, token, NOW);
    // Another account cannot take over a token hash that is already registered.
    await store().registerEmergencyToken(b, token, NOW);
    await store().recordEmergencyOpening(token, NOW + 5);
    expect(await store().listEmergencyOpenings(a, 10)).toEqual([{ openedAt: NOW + 5 }]);
    expect(await store().listEmergencyOpenings(b, 10)).toEqual([]);
  });

  it('refuses tokens for an unknown account, and wipes tokens and openings with the account', async () => {
    expect(await store().registerEmergencyToken(`nobody-${randomUUID()}`, `tok-${randomUUID()}`, NOW)).toBe(
      false,
    );
    const a = await newAccount();
    const b = await newAccount();
    const ta = `tok-${randomUUID()}`;
    const tb = `tok-${randomUUID()}`;
    await store().registerEmergencyToken(a, ta, NOW);
    await store().registerEmergencyToken(b, tb, NOW);
    await store().recordEmergencyOpening(ta, NOW + 1);
    await store().recordEmergencyOpening(tb, NOW + 1);
    expect(await store().deleteAccount(a)).toBe(true);
    expect(await store().listEmergencyOpenings(a, 10)).toEqual([]);
    // The token is gone too: a later opening is not recorded for anyone.
    expect(await store().recordEmergencyOpening(ta, NOW + 2)).toBe(false);
    expect(await store().listEmergencyOpenings(b, 10)).toEqual([{ openedAt: NOW + 1 }]);
  });
}
