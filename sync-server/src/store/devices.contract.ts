/** The devices and access-events part of the Store contract (device-store.ts), run on SQLite and PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { NOW } from './documents.contract.ts';
import type { Store } from './store.ts';

const MINUTE = 60_000;

export function devicesContract(store: () => Store, newAccount: () => Promise<string>): void {
  const session = async (accountId: string, name: string, createdAt = NOW) => {
    const tokenHash = `th-${randomUUID()}`;
    const id = `sid-${randomUUID()}`.slice(0, 30);
    await store().createSession(tokenHash, accountId, NOW + 30 * 24 * 60 * MINUTE, { id, name, createdAt });
    return { tokenHash, id };
  };

  it('lists the live sessions of one account with their names and times, most recently seen first', async () => {
    const a = await newAccount();
    const b = await newAccount();
    const laptop = await session(a, 'Firefox on Linux', NOW);
    const phone = await session(a, 'Safari on iOS', NOW + 5);
    const ended = await session(a, 'Old tablet', NOW + 1);
    await session(b, 'Someone else', NOW);
    await store().endOtherSessions(a, laptop.tokenHash, 'signed-out-elsewhere');
    // endOtherSessions ended the phone too: start it again from scratch.
    const phone2 = await session(a, 'Safari on iOS', NOW + 7);
    expect(phone).toBeDefined();
    const listed = await store().listSessions(a, NOW + 10);
    expect(listed.map((d) => [d.id, d.name, d.createdAt, d.lastSeenAt])).toEqual([
      [phone2.id, 'Safari on iOS', NOW + 7, NOW + 7],
      [laptop.id, 'Firefox on Linux', NOW, NOW],
    ]);
    expect(listed.some((d) => d.id === ended.id)).toBe(false);
    // Past their expiry, sessions are not listed.
    expect(await store().listSessions(a, NOW + 31 * 24 * 60 * MINUTE)).toEqual([]);
    const found = await store().findSession(laptop.tokenHash, NOW + 10);
    expect(found).toMatchObject({
      accountId: a,
      id: laptop.id,
      deviceName: 'Firefox on Linux',
      lastSeenAt: NOW,
    });
  });

  it('writes the last-seen time at most once per interval', async () => {
    const a = await newAccount();
    const s = await session(a, 'Chromium on Linux', NOW);
    await store().touchSession(s.tokenHash, NOW + 30_000, MINUTE);
    expect((await store().findSession(s.tokenHash, NOW + 30_000))?.lastSeenAt).toBe(NOW);
    await store().touchSession(s.tokenHash, NOW + MINUTE, MINUTE);
    expect((await store().findSession(s.tokenHash, NOW + MINUTE))?.lastSeenAt).toBe(NOW + MINUTE);
    await store().touchSession(s.tokenHash, NOW + MINUTE + 59_000, MINUTE);
    expect((await store().findSession(s.tokenHash, NOW + 2 * MINUTE))?.lastSeenAt).toBe(NOW + MINUTE);
  });

  it('renames a session by its token', async () => {
    const a = await newAccount();
    const s = await session(a, 'Chromium on Linux');
    await store().renameSession(s.tokenHash, 'Kitchen laptop');
    expect((await store().listSessions(a, NOW)).map((d) => d.name)).toEqual(['Kitchen laptop']);
  });

  it('ends one session of the account by id, never another account’s, and remembers why', async () => {
    const a = await newAccount();
    const b = await newAccount();
    const mine = await session(a, 'Phone');
    const keep = await session(a, 'Laptop');
    const theirs = await session(b, 'Their phone');
    expect(await store().endSession(a, theirs.id, 'signed-out-elsewhere', NOW)).toBeNull();
    expect(await store().findSession(theirs.tokenHash, NOW)).not.toBeNull();
    expect(await store().endSession(a, 'no-such-session-id', 'signed-out-elsewhere', NOW)).toBeNull();
    expect(await store().endSession(a, mine.id, 'signed-out-elsewhere', NOW)).toBe(mine.tokenHash);
    expect(await store().findSession(mine.tokenHash, NOW)).toBeNull();
    expect(await store().sessionEndReason(mine.tokenHash, NOW)).toBe('signed-out-elsewhere');
    expect(await store().findSession(keep.tokenHash, NOW)).not.toBeNull();
    // Ended once: a second time finds nothing to end.
    expect(await store().endSession(a, mine.id, 'signed-out-elsewhere', NOW)).toBeNull();
  });

  it('keeps the newest access events per account, newest first, and forgets them with the account', async () => {
    const a = await newAccount();
    const b = await newAccount();
    for (let i = 0; i < 5; i++) {
      await store().addAccessEvent(
        a,
        { at: NOW + i, kind: 'sign-in', sessionId: `s${i}`, deviceName: `D${i}` },
        3,
      );
    }
    await store().addAccessEvent(
      a,
      {
        at: NOW + 10,
        kind: 'device-signed-out',
        sessionId: 's4',
        deviceName: 'D4',
        targetSessionId: 's3',
        targetDeviceName: 'D3',
      },
      3,
    );
    await store().addAccessEvent(b, { at: NOW, kind: 'account-created', sessionId: 'x', deviceName: '' }, 3);
    expect(await store().listAccessEvents(a, 10)).toEqual([
      {
        at: NOW + 10,
        kind: 'device-signed-out',
        sessionId: 's4',
        deviceName: 'D4',
        targetSessionId: 's3',
        targetDeviceName: 'D3',
      },
      { at: NOW + 4, kind: 'sign-in', sessionId: 's4', deviceName: 'D4' },
      { at: NOW + 3, kind: 'sign-in', sessionId: 's3', deviceName: 'D3' },
    ]);
    expect(await store().listAccessEvents(a, 1)).toHaveLength(1);
    expect(await store().deleteAccount(a)).toBe(true);
    expect(await store().listAccessEvents(a, 10)).toEqual([]);
    expect(await store().listAccessEvents(b, 10)).toHaveLength(1);
  });
}
