/**
 * A thread as one participant sees it (`ThreadSummary`): its own wrapped key only, and for every
 * participant the identity keys the account publishes today, so the device can pin them on first
 * sight and show a change, plus a practitioner's self-declared name.
 */
import type { ThreadSummary } from '../../../shared/protocol/messages.ts';
import type { ThreadRecord } from '../store/message-store.ts';
import type { Store } from '../store/store.ts';
import { findPractitioner } from './practitioners.ts';
import { identityOf } from './thread-access.ts';

type Participant = ThreadSummary['participants'][number];

/** Looks each account up once per request. */
export function summarizer(store: Store) {
  const people = new Map<string, Promise<Omit<Participant, 'role' | 'deliveredSeq' | 'readSeq'> | null>>();
  const person = (accountId: string) => {
    let found = people.get(accountId);
    if (!found) {
      found = (async () => {
        const identity = await identityOf(store, accountId);
        if (!identity) return null;
        const profile = await findPractitioner(store, accountId);
        return {
          accountId,
          boxPublicKey: identity.boxPublicKey,
          signPublicKey: identity.signPublicKey,
          name: profile?.name ?? null,
        };
      })();
      people.set(accountId, found);
    }
    return found;
  };

  return async (thread: ThreadRecord & { unread?: number }, viewerId: string): Promise<ThreadSummary> => {
    const mine = thread.participants.find((p) => p.accountId === viewerId);
    const participants: Participant[] = [];
    for (const p of thread.participants) {
      const who = await person(p.accountId);
      if (who) participants.push({ ...who, role: p.role, deliveredSeq: p.deliveredSeq, readSeq: p.readSeq });
    }
    return {
      id: thread.id,
      createdAt: thread.createdAt,
      createdBy: thread.createdBy,
      seq: thread.seq,
      archived: mine?.archived ?? false,
      unread: thread.unread ?? 0,
      key: JSON.parse(mine?.wrappedKeyJson ?? 'null'),
      participants,
    };
  };
}
