/**
 * Which access-log openings the user has not seen yet. The newest opening is kept in memory only
 * (it comes from the server after each sync); the time of the last one seen lives in localStorage
 * (a time, no health data), so the header note does not come back after it was read on /emergency.
 */
import { createSignal } from 'solid-js';

export const OPENINGS_SEEN_KEY = 'carnet.emergency.openingsSeenAt';

const [newest, setNewest] = createSignal<number | undefined>(undefined);
const [seen, setSeen] = createSignal(Number(globalThis.localStorage?.getItem(OPENINGS_SEEN_KEY) ?? 0) || 0);

export function noteOpenings(openings: readonly { openedAt: number }[]): void {
  setNewest(openings[0]?.openedAt);
}

/** The newest opening not yet seen, if any. */
export function unseenOpening(): number | undefined {
  const at = newest();
  return at !== undefined && at > seen() ? at : undefined;
}

export function markOpeningsSeen(openings: readonly { openedAt: number }[]): void {
  const at = openings[0]?.openedAt;
  if (at === undefined || at <= seen()) return;
  localStorage.setItem(OPENINGS_SEEN_KEY, String(at));
  setSeen(at);
  setNewest(at);
}
