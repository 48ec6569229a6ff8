/**
 * What this device remembers about backups, in localStorage (no health data): when the last one was
 * made and how often to remind. The reminder is local and gentle: a banner, never a block.
 */
const LAST_KEY = 'carnet.backup.lastAt';
const REMIND_KEY = 'carnet.backup.remindDays';
const DAY_MS = 24 * 60 * 60 * 1000;

export const REMIND_CHOICES = [0, 7, 30, 90] as const;

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

function readNumber(storage: KeyValue, key: string): number | null {
  const value = Number(storage.getItem(key));
  return storage.getItem(key) !== null && Number.isFinite(value) && value >= 0 ? value : null;
}

export function lastBackupAt(storage: KeyValue): number | null {
  return readNumber(storage, LAST_KEY);
}

export function rememberBackup(storage: KeyValue, at: number): void {
  storage.setItem(LAST_KEY, String(at));
}

/** 0: no reminder. */
export function remindEveryDays(storage: KeyValue): number {
  return readNumber(storage, REMIND_KEY) ?? 0;
}

export function setRemindEveryDays(storage: KeyValue, days: number): void {
  storage.setItem(REMIND_KEY, String(Math.max(0, Math.round(days))));
}

/** Due when a reminder is set and no backup was made within that many days. */
export function backupDue(storage: KeyValue, now: number): boolean {
  const days = remindEveryDays(storage);
  if (days === 0) return false;
  const last = lastBackupAt(storage);
  return last === null || now - last >= days * DAY_MS;
}
