import { describe, expect, it } from 'vitest';
import { filterHistory, HISTORY_PAGE_SIZE, mergeHistory, pageOf } from './history-items.ts';

const T = 1_750_000_000_000;

const sources = {
  accessEvents: [
    {
      at: T + 50,
      kind: 'device-signed-out' as const,
      sessionId: 's1',
      deviceName: 'Laptop',
      targetSessionId: 's2',
      targetDeviceName: 'Phone',
    },
    { at: T + 10, kind: 'sign-in' as const, sessionId: 's2', deviceName: 'Phone' },
    { at: T, kind: 'account-created' as const, sessionId: 's1', deviceName: 'Laptop' },
  ],
  shareLogs: [
    {
      shareId: 'sh1',
      profileId: 'p-anna',
      log: [
        {
          at: T + 20,
          action: 'open' as const,
          actor: 'Dr Martin',
          profession: 'GP',
          sections: ['allergies'],
        },
        { at: T + 30, action: 'refused' as const, actor: null, profession: null, sections: [] },
      ],
    },
  ],
  emergencyOpenings: [{ openedAt: T + 40, profileId: 'p-leo' }, { openedAt: T + 5 }],
  importedEntries: [{ at: T + 25, profileId: 'p-anna', practitioner: 'Dr Martin' }],
  deviceEvents: [
    { at: T + 60, kind: 'backup-made' as const },
    { at: T + 45, kind: 'export-made' as const, profileId: 'p-leo' },
    { at: T + 15, kind: 'passphrase-changed' as const },
  ],
};

describe('the access history', () => {
  it('merges every source into one list, newest first, each with its kind and profile', () => {
    const items = mergeHistory(sources);
    expect(items.map((i) => [i.at - T, i.event, i.profileId ?? '-'])).toEqual([
      [60, 'backup-made', '-'],
      [50, 'device-signed-out', '-'],
      [45, 'export-made', 'p-leo'],
      [40, 'emergency-opened', 'p-leo'],
      [30, 'share-refused', 'p-anna'],
      [25, 'entry-imported', 'p-anna'],
      [20, 'share-open', 'p-anna'],
      [15, 'passphrase-changed', '-'],
      [10, 'sign-in', '-'],
      [5, 'emergency-opened', '-'],
      [0, 'account-created', '-'],
    ]);
    expect(items.find((i) => i.event === 'device-signed-out')).toMatchObject({
      who: 'Laptop',
      target: 'Phone',
      kind: 'device',
    });
    expect(items.find((i) => i.event === 'share-open')?.who).toBe('Dr Martin');
    expect(items.find((i) => i.event === 'share-refused')?.who).toBeUndefined();
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it('filters by kind, by profile, by the account alone, and by both', () => {
    const items = mergeHistory(sources);
    expect(filterHistory(items, { kind: 'sign-in', profile: 'all' }).map((i) => i.event)).toEqual([
      'sign-in',
      'account-created',
    ]);
    expect(filterHistory(items, { kind: 'all', profile: 'p-anna' }).map((i) => i.event)).toEqual([
      'share-refused',
      'entry-imported',
      'share-open',
    ]);
    expect(filterHistory(items, { kind: 'emergency', profile: 'p-leo' })).toHaveLength(1);
    expect(
      filterHistory(items, { kind: 'all', profile: 'account' }).every((i) => i.profileId === undefined),
    ).toBe(true);
    expect(filterHistory(items, { kind: 'all', profile: 'account' })).toHaveLength(6);
    expect(filterHistory(items, { kind: 'backup', profile: 'p-anna' })).toEqual([]);
  });

  it('keeps equal times in source order, and an empty source list gives an empty history', () => {
    const tied = mergeHistory({
      deviceEvents: [
        { at: T, kind: 'backup-made' },
        { at: T, kind: 'export-made' },
      ],
    });
    expect(tied.map((i) => i.event)).toEqual(['backup-made', 'export-made']);
    expect(mergeHistory({})).toEqual([]);
  });

  it('pages by 50, clamping the page asked for', () => {
    const many = Array.from({ length: 120 }, (_, i) => i);
    expect(HISTORY_PAGE_SIZE).toBe(50);
    expect(pageOf(many, 0)).toEqual({ items: many.slice(0, 50), pages: 3 });
    expect(pageOf(many, 2).items).toEqual(many.slice(100));
    expect(pageOf(many, 9).items).toEqual(many.slice(100));
    expect(pageOf([], 0)).toEqual({ items: [], pages: 1 });
  });
});
