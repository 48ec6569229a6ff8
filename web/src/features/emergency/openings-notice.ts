/**
 * Which access-log openings the user has not seen yet. The newest opening is kept in memory only,
 * for one unlocked session (it comes from the server after each sync start); the time of the last
 * one seen lives in localStorage (a time, no health data), so the header note does not come back
 * after it was read on /emergency.
 */
import { createSignal } from 'solid-js';

export const OPENINGS_SEEN_KEY = 'carnet.emergency.openingsSeenAt';

export interface OpeningsNotice {
  /** What the server listed, newest first. */
  note(openings: readonly { openedAt: number }[]): void;
  /** The newest opening not yet seen, if any. */
  unseen(): number | undefined;
  /** The user looked at the openings: the header note goes away until a newer one. */
  markSeen(openings: readonly { openedAt: number }[]): void;
}

export function createOpeningsNotice(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
): OpeningsNotice {
  const [newest, setNewest] = createSignal<number | undefined>(undefined);
  const [seen, setSeen] = createSignal(Number(storage?.getItem(OPENINGS_SEEN_KEY) ?? 0) || 0);
  return {
    note: (openings) => setNewest(openings[0]?.openedAt),
    unseen: () => {
      const at = newest();
      return at !== undefined && at > seen() ? at : undefined;
    },
    markSeen: (openings) => {
      const at = openings[0]?.openedAt;
      if (at === undefined || at <= seen()) return;
      storage?.setItem(OPENINGS_SEEN_KEY, String(at));
      setSeen(at);
      setNewest(at);
    },
  };
}
