/**
 * The opt-in, UNENCRYPTED copy of an emergency profile that the unlock screen shows without the
 * passphrase. All copies live under one localStorage prefix, so opting out (or a test) can find
 * and delete every one of them.
 */
import { type EmergencyProfile, emergencyProfileSchema } from '../../../../shared/emergency/profile.ts';

import { LOCK_SCREEN_PREFIX } from './lock-screen-key.ts';

export interface LockScreenCopy {
  readonly profileId: string;
  readonly profile: EmergencyProfile;
}

export function saveLockScreenCopy(storage: Storage, profileId: string, profile: EmergencyProfile): void {
  storage.setItem(LOCK_SCREEN_PREFIX + profileId, JSON.stringify(profile));
}

export function removeLockScreenCopy(storage: Storage, profileId: string): void {
  storage.removeItem(LOCK_SCREEN_PREFIX + profileId);
}

export function hasLockScreenCopy(storage: Storage, profileId: string): boolean {
  return storage.getItem(LOCK_SCREEN_PREFIX + profileId) !== null;
}

/** Every valid copy on this device; a damaged one is skipped, never shown half-read. */
export function lockScreenCopies(storage: Storage): LockScreenCopy[] {
  const copies: LockScreenCopy[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(LOCK_SCREEN_PREFIX)) continue;
    try {
      const parsed = emergencyProfileSchema.safeParse(JSON.parse(storage.getItem(key) ?? ''));
      if (parsed.success)
        copies.push({ profileId: key.slice(LOCK_SCREEN_PREFIX.length), profile: parsed.data });
    } catch {
      // Not JSON: skipped.
    }
  }
  return copies;
}
