/**
 * Notifications as a service (docs/architecture.md §8.7): made by the app store when the vault
 * unlocks, dropped on lock. It keeps the in-app list of notices (sealed on this device, notice-log.ts),
 * counts the unread ones for the shell's badge and tells listeners of each new notice (the
 * notifications feature turns one into a system notification when the person agreed).
 *
 * Other parts add notices through one call, `add({kind, titleKey, route, ref})`: messaging's live
 * `message` events today (a message from the other participant only, and not while its
 * conversation is on screen); appointments, reminders and second-opinion reports later.
 */
import { type Accessor, createSignal } from 'solid-js';
import { randomId } from '../../../shared/crypto/random.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { MessageEvent } from '../../../shared/protocol/messages.ts';
import { addNotice, type NewNotice, type Notice, newNoticeSchema } from './notice.ts';
import { readNotices, type SealedStateStorage, writeNotices } from './notice-log.ts';

export interface NotificationsDeps {
  readonly vaultKey: SymmetricKey;
  readonly storage: SealedStateStorage;
  /** Live `message` events (null at reconnections); returns the unsubscribe. */
  onMessage(listener: (event: MessageEvent | null) => void): () => void;
  /** Whether the thread has messages this account has not read (i.e. not its own). */
  hasUnread(threadId: string): Promise<boolean>;
  /** The in-app path on screen now. */
  currentRoute(): string;
  now(): number;
}

export interface Notifications {
  /** Newest first. */
  readonly notices: Accessor<readonly Notice[]>;
  readonly unread: Accessor<number>;
  /** Adds a notice (or folds it into an unread one with the same kind and ref). */
  add(notice: NewNotice): Promise<void>;
  /** Adds it unless a notice of the same kind and ref was given before, read or not. */
  addOnce(notice: NewNotice & { ref: string }): Promise<void>;
  markRead(id: string): Promise<void>;
  markAllRead(): Promise<void>;
  /** A screen was opened: its notices are read. */
  markRouteRead(route: string): Promise<void>;
  /** Called with each notice added; returns the unsubscribe. */
  onNotice(listener: (notice: Notice) => void): () => void;
  dispose(): void;
}

export const messageRoute = (threadId: string) => `/messages/${threadId}`;

export function createNotifications(deps: NotificationsDeps): Notifications {
  const [notices, setNotices] = createSignal<readonly Notice[]>([]);
  const listeners = new Set<(notice: Notice) => void>();
  let disposed = false;
  // One change at a time, after the sealed list is read: no write overtakes another.
  let queue: Promise<unknown> = readNotices(deps.vaultKey, deps.storage)
    .then((list) => {
      if (!disposed) setNotices((now) => [...now, ...list]);
    })
    .catch(() => undefined);

  function change(update: (list: readonly Notice[]) => readonly Notice[]): Promise<void> {
    const run = queue.then(async () => {
      if (disposed) return;
      const next = update(notices());
      if (next === notices()) return;
      setNotices(next);
      await writeNotices(deps.vaultKey, deps.storage, next);
    });
    queue = run.catch(() => undefined);
    return run;
  }

  async function add(input: NewNotice): Promise<void> {
    const notice = newNoticeSchema.parse(input);
    await change((list) => addNotice(list, notice, randomId(), deps.now()));
    const added = notices()[0];
    if (added) for (const listener of listeners) listener(added);
  }

  async function addOnce(input: NewNotice & { ref: string }): Promise<void> {
    const notice = newNoticeSchema.parse(input);
    let added = false;
    await change((list) => {
      if (list.some((n) => n.kind === notice.kind && n.ref === notice.ref)) return list;
      added = true;
      return addNotice(list, notice, randomId(), deps.now());
    });
    const first = notices()[0];
    if (added && first) for (const listener of listeners) listener(first);
  }

  const unsubscribe = deps.onMessage((event) => {
    if (!event) return;
    const route = messageRoute(event.threadId);
    if (deps.currentRoute() === route) return;
    void deps
      .hasUnread(event.threadId)
      .then((incoming) =>
        incoming ? add({ kind: 'message', titleKey: 'message', route, ref: event.threadId }) : undefined,
      )
      .catch(() => undefined);
  });

  const markWhere = (read: (n: Notice) => boolean) =>
    change((list) =>
      list.some((n) => !n.read && read(n)) ? list.map((n) => (read(n) ? { ...n, read: true } : n)) : list,
    );

  return {
    notices,
    unread: () => notices().filter((n) => !n.read).length,
    add,
    addOnce,
    markRead: (id) => markWhere((n) => n.id === id),
    markAllRead: () => markWhere(() => true),
    markRouteRead: (route) => markWhere((n) => n.route === route),
    onNotice(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      unsubscribe();
      listeners.clear();
    },
  };
}
