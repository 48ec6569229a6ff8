/**
 * Keeps the server's list of access-log tokens in step with the saved emergency profiles: every
 * saved token is registered (idempotent), and a token that was removed or replaced is deleted. A
 * deletion made offline waits in localStorage (a token hash, no health data) until the next sync.
 */
import { emergencyTokenHash } from '../../../../shared/protocol/emergency.ts';
import type { RecordEntry } from '../../records/record-service.ts';
import type { EmergencyApi } from '../../server/emergency.ts';
import { isServerError } from '../../server/server-error.ts';

export const PENDING_REMOVALS_KEY = 'carnet.emergency.pendingTokenRemovals';

type Ledger = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The access-log tokens of every saved emergency profile, sorted, without repeats. */
export function savedTokens(records: readonly RecordEntry[]): string[] {
  const tokens = new Set<string>();
  for (const entry of records) {
    if (entry.record?.kind === 'emergency-profile' && entry.record.profile.token) {
      tokens.add(entry.record.profile.token);
    }
  }
  return [...tokens].sort();
}

export function pendingRemovals(storage: Ledger): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(PENDING_REMOVALS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((h): h is string => typeof h === 'string') : [];
  } catch {
    return [];
  }
}

function setPending(storage: Ledger, hashes: readonly string[]): void {
  if (hashes.length === 0) storage.removeItem(PENDING_REMOVALS_KEY);
  else storage.setItem(PENDING_REMOVALS_KEY, JSON.stringify([...new Set(hashes)]));
}

/** Called on save when the token was removed or replaced: the old one must stop being logged. */
export function queueTokenRemoval(storage: Ledger, token: string): void {
  setPending(storage, [...pendingRemovals(storage), emergencyTokenHash(token)]);
}

export type TokenApi = Pick<EmergencyApi, 'registerEmergencyToken' | 'deleteEmergencyToken'>;

/**
 * Sends the queued deletions, then registers the saved tokens. A deletion that fails stays queued;
 * the first failure of any kind is rethrown after the rest was tried. Returns the tokens another
 * account already holds (409 `emergency-token-taken`): their openings would never reach this
 * account, so the app draws a new code for each (emergency page) and tells the user to reprint.
 */
export async function reconcileTokens(
  api: TokenApi,
  storage: Ledger,
  tokens: readonly string[],
): Promise<{ taken: string[] }> {
  const keep = new Set(tokens.map(emergencyTokenHash));
  const done = new Set<string>();
  let failure: unknown;
  for (const hash of pendingRemovals(storage)) {
    // A token saved again (a sync brought back an older profile) is registered, not deleted.
    if (keep.has(hash)) continue;
    try {
      await api.deleteEmergencyToken(hash);
      done.add(hash);
    } catch (error) {
      failure ??= error;
    }
  }
  // Re-read: a save may have queued another removal meanwhile.
  setPending(
    storage,
    pendingRemovals(storage).filter((h) => !done.has(h) && !keep.has(h)),
  );
  const taken: string[] = [];
  for (const token of new Set(tokens)) {
    try {
      await api.registerEmergencyToken(emergencyTokenHash(token));
    } catch (error) {
      if (isServerError(error, 'emergency-token-taken')) taken.push(token);
      else failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
  return { taken };
}
