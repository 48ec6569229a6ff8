/**
 * Who may write to whom (docs/architecture.md §8.5), decided by the server on every thread opened
 * and every message posted:
 * - anyone may open a thread with a practitioner LISTED in the directory who accepts messages
 *   (the opener is then the patient side);
 * - a practitioner may open one with a patient only if that patient has written to them in a
 *   thread, or has an active share the practitioner has opened;
 * - nobody may open a thread with, or post in a thread with, someone who blocked them.
 * A thread of which the caller is not a participant does not exist for it (404, whatever the id),
 * so one account cannot learn another's thread ids.
 */
import type { Context } from 'hono';
import { type KeyringMessage, keyringSchema } from '../../../shared/protocol/keyring.ts';
import {
  type ParticipantRole,
  PENDING_BYTES_MAX,
  threadIdSchema,
} from '../../../shared/protocol/messages.ts';
import { SlidingWindowLimiter } from '../auth/rate-limit.ts';
import { ApiError } from '../http/errors.ts';
import type { ThreadRecord } from '../store/message-store.ts';
import type { Store } from '../store/store.ts';
import { findPractitioner } from './practitioners.ts';
import { shareState } from './share-access.ts';

export function noSuchThread(): ApiError {
  return new ApiError(404, 'not-found', 'No such thread');
}

export function threadIdParam(c: Context): string {
  const parsed = threadIdSchema.safeParse(c.req.param('id'));
  if (!parsed.success) throw noSuchThread();
  return parsed.data;
}

/** The thread, if `accountId` takes part in it; 404 otherwise. */
export async function participantThread(
  store: Store,
  threadId: string,
  accountId: string,
): Promise<ThreadRecord> {
  const thread = await store.getThread(threadId);
  if (!thread?.participants.some((p) => p.accountId === accountId)) throw noSuchThread();
  return thread;
}

/** 403 `blocked` when another participant of the thread blocked `accountId`. */
export async function requireNotBlocked(
  store: Store,
  thread: ThreadRecord,
  accountId: string,
): Promise<void> {
  for (const p of thread.participants) {
    if (p.accountId !== accountId && (await store.isBlocked(p.accountId, accountId))) {
      throw new ApiError(403, 'blocked', 'This person does not accept your messages');
    }
  }
}

export async function identityOf(
  store: Store,
  accountId: string,
): Promise<KeyringMessage['identity'] | null> {
  const account = await store.getAccount(accountId);
  return account ? keyringSchema.parse(JSON.parse(account.keyringJson)).identity : null;
}

/** The roles of opener and other when the opener may write to the other; 403 otherwise. */
export async function rolesForNewThread(
  store: Store,
  openerId: string,
  otherId: string,
  now: number,
): Promise<{ readonly opener: ParticipantRole; readonly other: ParticipantRole }> {
  const refused = () =>
    new ApiError(
      403,
      'messaging-not-allowed',
      'You can write only to a listed practitioner who accepts messages',
    );
  if (!(await store.getAccount(otherId))) throw refused();
  if (await store.isBlocked(otherId, openerId)) {
    throw new ApiError(403, 'blocked', 'This person does not accept your messages');
  }
  const other = await findPractitioner(store, otherId);
  if (other?.listed === true && other.accepts?.messages === true)
    return { opener: 'patient', other: 'practitioner' };
  if (await findPractitioner(store, openerId)) {
    if (await store.hasWrittenTo(otherId, openerId)) return { opener: 'practitioner', other: 'patient' };
    const shares = await store.listReceivedShares(openerId);
    if (shares.some((s) => s.ownerId === otherId && shareState(s, now) === 'active')) {
      return { opener: 'practitioner', other: 'patient' };
    }
    throw new ApiError(
      403,
      'messaging-not-allowed',
      'A practitioner can write only to a patient who wrote to them or shares with them',
    );
  }
  throw refused();
}

/** One limiter per account: `reason` and the wording are the caller's. */
export function accountLimiter(limit: number, windowMs: number) {
  const limiter = new SlidingWindowLimiter(limit, windowMs);
  return (accountId: string, now: number, reason: 'message-rate' | 'rate-limited', what: string): void => {
    const taken = limiter.take(accountId, now);
    if (!taken.ok) {
      const seconds = Math.ceil(taken.retryAfterMs / 1000);
      throw new ApiError(429, reason, `${what}: try again in ${seconds} s`, {
        'Retry-After': String(seconds),
      });
    }
  };
}

export async function requirePendingRoom(store: Store, accountId: string, adding: number): Promise<void> {
  if ((await store.pendingBytes(accountId)) + adding > PENDING_BYTES_MAX) {
    throw new ApiError(
      429,
      'pending-quota',
      `At most ${PENDING_BYTES_MAX} bytes may wait for delivery: wait until your messages are received`,
      { 'Retry-After': '60' },
    );
  }
}
