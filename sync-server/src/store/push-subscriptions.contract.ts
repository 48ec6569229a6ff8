/** The push subscriptions part of the Store contract (push-subscription-store.ts), run on SQLite and PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { NOW } from './documents.contract.ts';
import type { Store } from './store.ts';

const DAY = 24 * 3600 * 1000;

export function pushSubscriptionsContract(store: () => Store, newAccount: () => Promise<string>): void {
  const session = async (accountId: string) => {
    const tokenHash = `th-${randomUUID()}`;
    const id = `sid-${randomUUID()}`.slice(0, 30);
    await store().createSession(tokenHash, accountId, NOW + 30 * DAY, { id, name: 'Phone', createdAt: NOW });
    return { tokenHash, id };
  };
  const subscription = (sessionId: string, n: number) => ({
    sessionId,
    endpoint: `https://push.example.test/send/${n}-${randomUUID()}`,
    p256dh: `B${'p'.repeat(86)}`,
    auth: `a${'u'.repeat(21)}`,
  });

  it('keeps one subscription per session, replaced by the next, listed for its account only', async () => {
    const a = await newAccount();
    const b = await newAccount();
    const phone = await session(a);
    const laptop = await session(a);
    const other = await session(b);
    await store().putPushSubscription(a, subscription(phone.id, 1), NOW);
    const renewed = subscription(phone.id, 2);
    await store().putPushSubscription(a, renewed, NOW + 1);
    const onLaptop = subscription(laptop.id, 3);
    await store().putPushSubscription(a, onLaptop, NOW + 2);
    await store().putPushSubscription(b, subscription(other.id, 4), NOW);

    expect(await store().listPushSubscriptions(a, NOW + 10)).toEqual([renewed, onLaptop]);
    expect((await store().listPushSubscriptions(b, NOW + 10)).map((s) => s.sessionId)).toEqual([other.id]);
  });

  it('lists no subscription of an ended, expired or deleted session, and deletes by session or endpoint', async () => {
    const a = await newAccount();
    const kept = await session(a);
    const ended = await session(a);
    const gone = await session(a);
    const byEndpoint = await session(a);
    const keptSub = subscription(kept.id, 1);
    const endpointSub = subscription(byEndpoint.id, 4);
    for (const s of [keptSub, subscription(ended.id, 2), subscription(gone.id, 3), endpointSub]) {
      await store().putPushSubscription(a, s, NOW);
    }
    // Ending every other session of `kept` ends `ended`, `gone` and `byEndpoint` as well: start two again.
    await store().endOtherSessions(a, kept.tokenHash, 'signed-out-elsewhere');
    expect(await store().listPushSubscriptions(a, NOW + 10)).toEqual([keptSub]);
    // Past the session's expiry nothing is listed.
    expect(await store().listPushSubscriptions(a, NOW + 31 * DAY)).toEqual([]);

    await store().deletePushEndpoint(a, keptSub.endpoint);
    expect(await store().listPushSubscriptions(a, NOW + 10)).toEqual([]);

    const again = await session(a);
    const againSub = subscription(again.id, 5);
    await store().putPushSubscription(a, againSub, NOW);
    expect(await store().listPushSubscriptions(a, NOW + 10)).toEqual([againSub]);
    await store().deletePushSubscription(a, again.id);
    expect(await store().listPushSubscriptions(a, NOW + 10)).toEqual([]);

    // A deleted session (signed out) takes its subscription with it.
    const last = await session(a);
    await store().putPushSubscription(a, subscription(last.id, 6), NOW);
    await store().deleteSession(last.tokenHash);
    expect(await store().listPushSubscriptions(a, NOW + 10)).toEqual([]);
  });

  it("never touches another account's subscription through a session id or an endpoint", async () => {
    const a = await newAccount();
    const b = await newAccount();
    const theirs = await session(b);
    const sub = subscription(theirs.id, 1);
    await store().putPushSubscription(b, sub, NOW);
    await store().deletePushSubscription(a, theirs.id);
    await store().deletePushEndpoint(a, sub.endpoint);
    // An upsert naming B's session from A changes nothing.
    await store().putPushSubscription(a, subscription(theirs.id, 2), NOW);
    expect(await store().listPushSubscriptions(b, NOW + 10)).toEqual([sub]);
    expect(await store().listPushSubscriptions(a, NOW + 10)).toEqual([]);
  });
}
