/**
 * The device settings a backup carries beside the envelopes, as `setting` frames:
 * - `shares`: the sharing state (each share's key, passcode, typed code), still sealed with the vault
 *   key as the device keeps it: without it, a restored device could not show a link again or take
 *   in a practitioner's pending entries before another device of the account takes the share over;
 * - `local`: the emergency lock-screen copies the person opted into and the hourly rate. Those copies
 *   sit unencrypted in localStorage by the person's choice; in the file they are inside its encryption.
 * - `terms`: the acceptance of the terms of use (vault/terms-acceptance.ts), sealed with the vault key,
 *   so a restored vault is not asked to accept them again;
 * The sync credentials are never backed up: a session token belongs to one device.
 */

import type { BackupFrame } from '../../../shared/backup/frame-codec.ts';
import { fromUtf8, utf8 } from '../../../shared/crypto/encoding.ts';
import type { CarnetDatabase } from '../db/database.ts';

export const SHARES_SETTING = 'shares';
export const LOCAL_SETTING = 'local';
export const TERMS_SETTING = 'terms';
const SHARES_STATE_ID = 'shares';
const TERMS_ID = 'terms';

/** localStorage keys worth keeping across devices: by exact name, or by prefix when ending in '.'. */
const LOCAL_KEYS = ['carnet.emergency.lock-screen.', 'carnet.hourlyRateCents'];

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'key' | 'length'>;

function keptKey(key: string): boolean {
  return LOCAL_KEYS.some((kept) => (kept.endsWith('.') ? key.startsWith(kept) : key === kept));
}

export async function settingFrames(
  db: CarnetDatabase,
  storage: KeyValueStorage | undefined,
): Promise<BackupFrame[]> {
  const frames: BackupFrame[] = [];
  const shares = (await db.syncstate.findOne(SHARES_STATE_ID).exec())?.sealed;
  if (shares) frames.push({ type: 'setting', id: SHARES_SETTING, bytes: utf8(shares) });
  const terms = (await db.syncstate.findOne(TERMS_ID).exec())?.sealed;
  if (terms) frames.push({ type: 'setting', id: TERMS_SETTING, bytes: utf8(terms) });
  if (storage) {
    const local: Record<string, string> = {};
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const value = key === null ? null : storage.getItem(key);
      if (key !== null && value !== null && keptKey(key)) local[key] = value;
    }
    frames.push({ type: 'setting', id: LOCAL_SETTING, bytes: utf8(JSON.stringify(local)) });
  }
  return frames;
}

/**
 * Puts settings back. The shares state and the terms acceptance only when this device has none (a merge never replaces the
 * state of the open vault) and when it is sealed with this vault's key (`sameVaultKey`); local
 * settings only for keys this device does not have yet. Unknown or malformed settings are ignored:
 * the file authenticated, so they come from a newer app, not from an attacker.
 */
export async function restoreSettings(
  db: CarnetDatabase,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  frames: readonly BackupFrame[],
  sameVaultKey: boolean,
): Promise<void> {
  for (const frame of frames) {
    if ((frame.id === SHARES_SETTING || frame.id === TERMS_SETTING) && sameVaultKey) {
      const id = frame.id === SHARES_SETTING ? SHARES_STATE_ID : TERMS_ID;
      if (!(await db.syncstate.findOne(id).exec())) {
        await db.syncstate.insert({ id, sealed: fromUtf8(frame.bytes) });
      }
    } else if (frame.id === LOCAL_SETTING && storage) {
      let values: unknown;
      try {
        values = JSON.parse(fromUtf8(frame.bytes));
      } catch {
        continue;
      }
      if (typeof values !== 'object' || values === null) continue;
      for (const [key, value] of Object.entries(values)) {
        if (keptKey(key) && typeof value === 'string' && storage.getItem(key) === null) {
          storage.setItem(key, value);
        }
      }
    }
  }
}
