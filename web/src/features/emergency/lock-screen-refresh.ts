/**
 * Keeps the opt-in lock-screen copies true to the vault. Run after unlock and whenever the decrypted
 * records change (an edit here, or one that came in by sync): an opted-in copy is rewritten from
 * its saved `emergency-profile` record, and a copy whose profile is gone (or whose emergency
 * profile was deleted) is removed. It never creates a copy: opting in stays a choice on /emergency.
 */
import type { RecordEntry } from '../../records/record-service.ts';
import { withoutConflictCopies } from '../../sync/conflict-copy.ts';
import { LOCK_SCREEN_PREFIX } from './lock-screen-key.ts';

export function refreshLockScreenCopies(
  storage: Storage,
  profileIds: readonly string[],
  records: readonly RecordEntry[],
): void {
  // Before the first decrypted list arrives there is nothing to judge by: leave the copies alone.
  if (profileIds.length === 0) return;
  const optedIn: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(LOCK_SCREEN_PREFIX)) optedIn.push(key.slice(LOCK_SCREEN_PREFIX.length));
  }
  const profiles = new Set(profileIds);
  for (const profileId of optedIn) {
    const key = LOCK_SCREEN_PREFIX + profileId;
    if (!profiles.has(profileId)) {
      storage.removeItem(key);
      continue;
    }
    // A conflicting copy of the emergency profile is not what the patient saved: the kept one is.
    const own = withoutConflictCopies(records).filter((entry) => entry.profileId === profileId);
    const saved = own.find((entry) => entry.record?.kind === 'emergency-profile')?.record;
    if (saved?.kind === 'emergency-profile') {
      const text = JSON.stringify(saved.profile);
      if (storage.getItem(key) !== text) storage.setItem(key, text);
    } else if (own.length > 0) {
      // This profile's records are loaded and none is an emergency profile: it was deleted.
      storage.removeItem(key);
    }
  }
}
