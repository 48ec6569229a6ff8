import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../../shared/crypto/sodium.ts';
import { generateKey, type SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import type { MessageEvent } from '../../../shared/protocol/messages.ts';
import { addNotice, NOTICES_KEPT } from './notice.ts';
import { createNotifications, type NotificationsDeps } from './notifications.ts';

const THREAD = 'ThreadAAAAAAAAAAAAAAAA';
const OTHER = 'ThreadBBBBBBBBBBBBBBBB';

function memoryStorage() {
  let value: string | null = null;
  return {
    read: async () => value,
    write: async (sealed: string) => {
      value = sealed;
    },
    get value() {
      return value;
    },
  };
}

function setup(overrides: Partial<NotificationsDeps> = {}, key: SymmetricKey = generateKey()) {
  let emit: (event: MessageEvent | null) => void = () => undefined;
  const storage = memoryStorage();
  const incoming = new Set([THREAD, OTHER]);
  let clock = 1_000;
  const service = createNotifications({
    vaultKey: key,
    storage,
    onMessage: (listener) => {
      emit = listener;
      return () => {
        emit = () => undefined;
      };
    },
    hasUnread: async (id) => incoming.has(id),
    currentRoute: () => '/record',
    now: () => clock++,
    ...overrides,
  });
  return { service, storage, incoming, key, emit: (e: MessageEvent | null) => emit(e) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('notifications', () => {
  beforeAll(async () => {
    await initCrypto();
  });

  it('adds a notice for a message from the other participant, folds the next ones, and keeps it sealed', async () => {
    const { service, storage, key, emit } = setup();
    const seen: string[] = [];
    service.onNotice((n) => seen.push(n.route));
    emit({ type: 'message', threadId: THREAD, seq: 1 });
    await settle();
    emit({ type: 'message', threadId: THREAD, seq: 2 });
    emit(null);
    await settle();
    expect(service.notices()).toMatchObject([
      { kind: 'message', titleKey: 'message', route: `/messages/${THREAD}`, count: 2, read: false },
    ]);
    expect(service.unread()).toBe(1);
    expect(seen).toEqual([`/messages/${THREAD}`, `/messages/${THREAD}`]);
    // At rest: ciphertext only, no route, no thread id, no kind.
    expect(storage.value).not.toBeNull();
    for (const word of [THREAD, 'messages', 'titleKey']) expect(storage.value).not.toContain(word);

    // Another session with the same key reads the same list back; another key reads nothing.
    const again = setup({ storage }, key);
    await settle();
    expect(again.service.notices().map((n) => n.count)).toEqual([2]);
    const stranger = setup({ storage });
    await settle();
    expect(stranger.service.notices()).toEqual([]);
  });

  it('adds nothing for its own messages or for the conversation on screen', async () => {
    const { service, incoming, emit } = setup({ currentRoute: () => `/messages/${OTHER}` });
    incoming.delete(THREAD);
    emit({ type: 'message', threadId: THREAD, seq: 1 });
    emit({ type: 'message', threadId: OTHER, seq: 1 });
    await settle();
    expect(service.notices()).toEqual([]);
  });

  it('marks read by id, by route and all at once; a read notice is not folded into', async () => {
    const { service } = setup();
    await service.add({ kind: 'message', titleKey: 'message', route: `/messages/${THREAD}`, ref: THREAD });
    await service.add({ kind: 'reminder', titleKey: 'reminder', route: '/record' });
    await service.add({ kind: 'appointment', titleKey: 'appointment', route: '/appointments' });
    expect(service.unread()).toBe(3);
    await service.markRouteRead(`/messages/${THREAD}`);
    expect(service.unread()).toBe(2);
    await service.add({ kind: 'message', titleKey: 'message', route: `/messages/${THREAD}`, ref: THREAD });
    expect(
      service
        .notices()
        .filter((n) => n.kind === 'message')
        .map((n) => [n.read, n.count]),
    ).toEqual([
      [false, 1],
      [true, 1],
    ]);
    const reminder = service.notices().find((n) => n.kind === 'reminder');
    await service.markRead(reminder?.id ?? '');
    expect(service.unread()).toBe(2);
    await service.markAllRead();
    expect(service.unread()).toBe(0);
  });

  it('refuses a route out of the app and a title that is not a key', async () => {
    const { service } = setup();
    for (const route of ['//evil.example/x', 'https://evil.example/', 'javascript:alert(1)', 'messages']) {
      await expect(service.add({ kind: 'message', titleKey: 'message', route })).rejects.toThrow();
    }
    await expect(
      service.add({ kind: 'message', titleKey: 'Dr Smith wrote: hello', route: '/' }),
    ).rejects.toThrow();
    expect(service.notices()).toEqual([]);
  });

  it('keeps the newest notices only', () => {
    let list = addNotice([], { kind: 'reminder', titleKey: 'reminder', route: '/' }, 'first', 0);
    for (let i = 1; i <= NOTICES_KEPT + 5; i++) {
      list = addNotice(list, { kind: 'reminder', titleKey: 'reminder', route: '/' }, `n${i}`, i);
    }
    expect(list).toHaveLength(NOTICES_KEPT);
    expect(list[0]?.id).toBe(`n${NOTICES_KEPT + 5}`);
    expect(list.some((n) => n.id === 'first')).toBe(false);
  });

  it('stops following messages once disposed', async () => {
    const { service, emit } = setup();
    service.dispose();
    emit({ type: 'message', threadId: THREAD, seq: 1 });
    await settle();
    expect(service.notices()).toEqual([]);
  });
});
