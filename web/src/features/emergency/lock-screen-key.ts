/**
 * Where the opt-in unencrypted lock-screen copies live, and whether this device holds any. Kept
 * apart from `lock-screen-copy.ts` so the unlock screen checks for the button without loading zod.
 */
export const LOCK_SCREEN_PREFIX = 'carnet.emergency.lock-screen.';

export function hasAnyLockScreenCopy(storage: Storage): boolean {
  for (let i = 0; i < storage.length; i++) {
    if (storage.key(i)?.startsWith(LOCK_SCREEN_PREFIX)) return true;
  }
  return false;
}
