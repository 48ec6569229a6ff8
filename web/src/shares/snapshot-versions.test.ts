import { describe, expect, it } from 'vitest';
import { SnapshotVersions } from './snapshot-versions.ts';

describe('snapshot versions seen by the practitioner', () => {
  it('accepts the same or a newer version and refuses an older one, per share', () => {
    const versions = new SnapshotVersions();
    expect(versions.accept('a', 3)).toBe(true);
    expect(versions.accept('a', 3)).toBe(true);
    expect(versions.accept('a', 5)).toBe(true);
    expect(versions.accept('a', 4)).toBe(false);
    expect(versions.accept('a', 1)).toBe(false);
    expect(versions.accept('b', 1)).toBe(true);
    expect(versions.accept('a', 5)).toBe(true);
  });
});
