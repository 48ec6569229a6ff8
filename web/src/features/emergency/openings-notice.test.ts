import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memory-storage.test-util.ts';
import { createOpeningsNotice, OPENINGS_SEEN_KEY } from './openings-notice.ts';

describe('openings notice', () => {
  it('shows the newest opening until it is seen, and remembers only the time seen', () => {
    const storage = new MemoryStorage();
    const notice = createOpeningsNotice(storage);
    notice.note([{ openedAt: 2000 }, { openedAt: 1000 }]);
    expect(notice.unseen()).toBe(2000);
    notice.markSeen([{ openedAt: 2000 }]);
    expect(notice.unseen()).toBeUndefined();
    expect(storage.getItem(OPENINGS_SEEN_KEY)).toBe('2000');
  });

  it('starts each session knowing no opening, and what was seen before', () => {
    const storage = new MemoryStorage();
    createOpeningsNotice(storage).note([{ openedAt: 3000 }]);
    storage.setItem(OPENINGS_SEEN_KEY, '2000');
    const next = createOpeningsNotice(storage);
    expect(next.unseen()).toBeUndefined();
    next.note([{ openedAt: 2000 }]);
    expect(next.unseen()).toBeUndefined();
    next.note([{ openedAt: 2500 }]);
    expect(next.unseen()).toBe(2500);
  });
});
