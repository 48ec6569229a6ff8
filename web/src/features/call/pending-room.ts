/**
 * A room link (`/consult#CODE`, or `/consult#CODE?rate=6000` with the rate the practitioner
 * announces, in euro cents an hour) opened while the vault is locked would lose its code on the way
 * through the unlock screen: both wait in sessionStorage (this tab only) until the join form reads
 * them. The announced rate is what the patient sees before knocking; the rate billed is the one the
 * practitioner's device sends on admission, and the call screen says so when they differ.
 */
import { checkHourlyRate } from '../../../../shared/billing/rate.ts';
import { parseRoomCode } from '../../../../shared/protocol/calls.ts';

const KEY = 'carnet.pendingRoom';
const RATE_KEY = 'carnet.pendingRoomRate';

export interface RoomFromLink {
  readonly code: string;
  /** Euro cents an hour; null when the link announced none or an impossible one. */
  readonly rateCents: number | null;
}

export function roomFromHash(hash: string): RoomFromLink | undefined {
  const [codePart = '', query = ''] = decodeURIComponent(hash.replace(/^#/, '')).split('?', 2);
  const code = parseRoomCode(codePart);
  if (!code) return undefined;
  const rate = new URLSearchParams(query).get('rate');
  let rateCents: number | null = null;
  if (rate !== null && /^\d{1,6}$/.test(rate)) {
    try {
      rateCents = checkHourlyRate(Number(rate));
    } catch {
      rateCents = null;
    }
  }
  return { code, rateCents };
}

/** The link of a room, with the rate its host announces. */
export function roomLink(origin: string, code: string, rateCents: number): string {
  return `${origin}/consult#${code}?rate=${rateCents}`;
}

export function rememberRoomFromHash(hash: string): void {
  const room = roomFromHash(hash);
  if (!room) return;
  sessionStorage.setItem(KEY, room.code);
  if (room.rateCents === null) sessionStorage.removeItem(RATE_KEY);
  else sessionStorage.setItem(RATE_KEY, String(room.rateCents));
}

export function pendingRoom(): string {
  return sessionStorage.getItem(KEY) ?? '';
}

/** The rate the link of the pending room announced, if any. */
export function pendingRoomRate(): number | null {
  const value = sessionStorage.getItem(RATE_KEY);
  return value === null ? null : Number(value);
}

/** Once the patient got into the room: a later visit starts with an empty form. */
export function forgetPendingRoom(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(RATE_KEY);
}
