/**
 * A room link (`/consult#CODE`) opened while the vault is locked would lose its code on the way
 * through the unlock screen: it waits in sessionStorage (this tab only) until the join form reads it.
 */
import { parseRoomCode } from '../../../../shared/protocol/calls.ts';

const KEY = 'carnet.pendingRoom';

export function rememberRoomFromHash(hash: string): void {
  const code = parseRoomCode(decodeURIComponent(hash.replace(/^#/, '')));
  if (code) sessionStorage.setItem(KEY, code);
}

export function pendingRoom(): string {
  return sessionStorage.getItem(KEY) ?? '';
}

/** Once the patient got into the room: a later visit starts with an empty form. */
export function forgetPendingRoom(): void {
  sessionStorage.removeItem(KEY);
}
