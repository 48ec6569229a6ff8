import { describe, expect, it } from 'vitest';
import { mergeRecords, resolveDeletion, sameValue } from './merge.ts';

type Rec = Record<string, unknown>;

/** mulberry32: a tiny seeded generator, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['kind', 'title', 'dose', 'tags', 'range', 'note'];
const VALUES: unknown[] = [undefined, 1, 2, 'a', 'b', '', ['x'], ['x', 'y'], { low: 1 }, { low: 1, high: 2 }];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function genRecord(next: () => number): Rec {
  const out: Rec = {};
  for (const key of KEYS) {
    const value = pick(next, VALUES);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Changes a few fields of `from` (set, change or remove). */
function mutate(next: () => number, from: Rec): Rec {
  const out: Rec = { ...from };
  const edits = Math.floor(next() * 3);
  for (let i = 0; i < edits; i++) {
    const key = pick(next, KEYS);
    const value = pick(next, VALUES);
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

function cases(count: number, fn: (base: Rec | null, local: Rec, remote: Rec, seed: number) => void) {
  for (let seed = 1; seed <= count; seed++) {
    const next = random(seed);
    const base = next() < 0.15 ? null : genRecord(next);
    const start = base ?? genRecord(next);
    fn(base, mutate(next, start), mutate(next, base ?? genRecord(next)), seed);
  }
}

describe('mergeRecords', () => {
  it('merges disjoint edits', () => {
    const base = { kind: 'note', title: 'Rhume', body: 'Fièvre' };
    const local = { ...base, title: 'Grippe' };
    const remote = { ...base, body: 'Fièvre, toux' };
    expect(mergeRecords(base, local, remote)).toEqual({
      merged: { kind: 'note', title: 'Grippe', body: 'Fièvre, toux' },
    });
  });

  it('accepts the same change on both sides', () => {
    const base = { title: 'a', body: 'b' };
    expect(mergeRecords(base, { ...base, title: 'c' }, { ...base, title: 'c', body: 'd' })).toEqual({
      merged: { title: 'c', body: 'd' },
    });
  });

  it('lets the remote win a field changed differently, and returns the local version whole', () => {
    const base = { title: 'a', body: 'b', tags: ['x'] };
    const local = { title: 'local', body: 'b', tags: ['x', 'y'] };
    const remote = { title: 'remote', body: 'b', tags: ['x'] };
    expect(mergeRecords(base, local, remote)).toEqual({ merged: remote, conflictingCopy: local });
  });

  it('treats clearing an optional field as an edit', () => {
    const base = { title: 'a', note: 'n' };
    expect(mergeRecords(base, { title: 'a' }, { title: 'b', note: 'n' })).toEqual({ merged: { title: 'b' } });
  });

  it('without a base, keeps the remote and copies the local when they differ', () => {
    expect(mergeRecords(null, { t: 1 }, { t: 2 })).toEqual({ merged: { t: 2 }, conflictingCopy: { t: 1 } });
    expect(mergeRecords(null, { t: 1 }, { t: 1 })).toEqual({ merged: { t: 1 } });
  });

  it('falls back to remote + copy when the merged record breaks its schema', () => {
    const base = { start: '2025-01-01', stop: '2025-02-01' };
    const local = { ...base, start: '2025-01-20' };
    const remote = { ...base, stop: '2025-01-10' };
    const valid = (r: typeof base) => r.start <= r.stop;
    expect(mergeRecords(base, local, remote, valid)).toEqual({ merged: remote, conflictingCopy: local });
  });

  it('is deterministic', () => {
    cases(400, (base, local, remote) => {
      expect(mergeRecords(base, local, remote)).toEqual(mergeRecords(base, local, remote));
      // And independent of key order.
      const reversed = Object.fromEntries(Object.entries(local).reverse());
      expect(mergeRecords(base, reversed, remote)).toEqual(mergeRecords(base, local, remote));
    });
  });

  it('never loses a value either side set', () => {
    cases(1000, (base, local, remote, seed) => {
      const { merged, conflictingCopy } = mergeRecords(base, local, remote);
      if (conflictingCopy) expect(conflictingCopy, `seed ${seed}`).toEqual(local);
      for (const key of KEYS) {
        const b = base?.[key];
        if (base === null || !sameValue(local[key], b)) {
          const kept = sameValue(merged[key], local[key]) || sameValue(conflictingCopy?.[key], local[key]);
          expect(kept, `seed ${seed} local ${key}`).toBe(true);
        }
        if (base === null || !sameValue(remote[key], b)) {
          expect(sameValue(merged[key], remote[key]), `seed ${seed} remote ${key}`).toBe(true);
        }
      }
    });
  });

  it('merge(base, x, base) = x and merge(base, base, y) = y, with no copy', () => {
    cases(400, (base, local, remote) => {
      if (base === null) return;
      expect(mergeRecords(base, local, base)).toEqual({ merged: local });
      expect(mergeRecords(base, base, remote)).toEqual({ merged: remote });
    });
  });

  it('gives the same merged record whichever side is local, when nothing conflicts', () => {
    cases(400, (base, local, remote) => {
      const one = mergeRecords(base, local, remote);
      const two = mergeRecords(base, remote, local);
      if (!one.conflictingCopy && !two.conflictingCopy) expect(sameValue(one.merged, two.merged)).toBe(true);
      expect(Boolean(one.conflictingCopy)).toBe(Boolean(two.conflictingCopy));
    });
  });
});

describe('resolveDeletion', () => {
  it('lets an edit win over a deletion, on either side', () => {
    expect(resolveDeletion(true, false)).toBe('keep-remote');
    expect(resolveDeletion(false, true)).toBe('keep-local');
    expect(resolveDeletion(true, true)).toBe('keep-remote');
    expect(resolveDeletion(false, false)).toBe('merge');
  });
});
