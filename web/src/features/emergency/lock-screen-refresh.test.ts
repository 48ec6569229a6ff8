import { describe, expect, it } from 'vitest';
import type { EmergencyProfile } from '../../../../shared/emergency/profile.ts';
import { EXAMPLE_PROFILE } from '../../../../shared/emergency/testing.ts';
import type { RecordEntry } from '../../records/record-service.ts';
import { hasLockScreenCopy, lockScreenCopies, saveLockScreenCopy } from './lock-screen-copy.ts';
import { refreshLockScreenCopies } from './lock-screen-refresh.ts';
import { MemoryStorage } from './memory-storage.test-util.ts';

const emergency = (profileId: string, profile: EmergencyProfile, id = `r-${profileId}`): RecordEntry => ({
  id,
  profileId,
  rev: 1,
  updatedAt: 0,
  record: { kind: 'emergency-profile', schemaVersion: 1, profile },
});
const other = (profileId: string): RecordEntry => ({
  id: `n-${profileId}`,
  profileId,
  rev: 1,
  updatedAt: 0,
  record: null,
  problem: 'tampered',
});

describe('refreshLockScreenCopies', () => {
  it('rewrites an opted-in copy from its saved record, in full (changes that came by sync)', () => {
    const storage = new MemoryStorage();
    saveLockScreenCopy(storage, 'p1', { ...EXAMPLE_PROFILE, name: 'Old name' });
    const synced = {
      ...EXAMPLE_PROFILE,
      note: 'n'.repeat(300),
      medications: Array(20).fill('Warfarin 5 mg'),
    };
    refreshLockScreenCopies(storage, ['p1'], [emergency('p1', synced)]);
    expect(lockScreenCopies(storage)).toEqual([{ profileId: 'p1', profile: synced }]);
  });

  it('never creates a copy the patient did not opt in to', () => {
    const storage = new MemoryStorage();
    refreshLockScreenCopies(storage, ['p1'], [emergency('p1', EXAMPLE_PROFILE)]);
    expect(storage.length).toBe(0);
  });

  it('deletes the copy of a deleted profile, and of a deleted emergency profile', () => {
    const storage = new MemoryStorage();
    saveLockScreenCopy(storage, 'gone', EXAMPLE_PROFILE);
    saveLockScreenCopy(storage, 'p2', EXAMPLE_PROFILE);
    saveLockScreenCopy(storage, 'p3', EXAMPLE_PROFILE);
    storage.setItem('unrelated', 'kept');
    refreshLockScreenCopies(storage, ['p2', 'p3'], [other('p2'), emergency('p3', EXAMPLE_PROFILE)]);
    expect(hasLockScreenCopy(storage, 'gone')).toBe(false);
    expect(hasLockScreenCopy(storage, 'p2')).toBe(false);
    expect(hasLockScreenCopy(storage, 'p3')).toBe(true);
    expect(storage.getItem('unrelated')).toBe('kept');
  });

  it('leaves copies alone until the decrypted lists have arrived', () => {
    const storage = new MemoryStorage();
    saveLockScreenCopy(storage, 'p1', EXAMPLE_PROFILE);
    refreshLockScreenCopies(storage, [], []);
    // The profile is known but its records are not loaded yet: not a deletion.
    refreshLockScreenCopies(storage, ['p1'], []);
    expect(lockScreenCopies(storage)).toEqual([{ profileId: 'p1', profile: EXAMPLE_PROFILE }]);
  });
});
