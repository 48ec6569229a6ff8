/**
 * This device's reminder settings and log (docs/architecture.md §8.10): times per medication, the
 * exercise reminder's hour, the keys marked taken / skipped / done (with when), snoozes, and when
 * reminders were last checked. Local per device on purpose — each device reminds its own person —
 * and sealed with the vault key (shared/crypto/local-seal.ts, label `reminders`) in one document of
 * the `syncstate` collection, like the device log. Never sent to the server.
 */
import { openLocal, sealLocal } from '../../../shared/crypto/local-seal.ts';
import type { SymmetricKey } from '../../../shared/crypto/symmetric-key.ts';
import { z } from '../../../shared/schema/zod.ts';
import type { CarnetDatabase } from '../db/database.ts';
import { MAX_APPOINTMENT_SOURCES } from './appointment-reminders.ts';
import { DEFAULT_SETTINGS, type ReminderMarks, type ReminderSettings } from './reminder-schedule.ts';

export const REMINDERS_ID = 'reminders';
/** The log keeps the newest entries only. */
export const MAX_LOG = 500;
/** Dismissed suggestions kept (the newest). */
export const MAX_DISMISSED = 200;

const TIME = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

const stateSchema = z.object({
  settings: z.object({
    medicationTimes: z.record(z.string().max(64), z.array(TIME).max(12)),
    exerciseTime: TIME.nullable(),
    vaccinationDaysAhead: z.number().int().min(0).max(90),
  }),
  log: z.array(
    z.object({ key: z.string().max(200), action: z.enum(['taken', 'skipped', 'done']), at: z.number() }),
  ),
  snoozed: z.record(z.string().max(200), z.number()),
  checkedAt: z.number(),
  /** Accepted appointments to come, as last listed by the server: reminded even offline. */
  appointments: z
    .array(
      z.object({
        id: z.string().max(64),
        title: z.string().max(200),
        startsAt: z.number(),
        durationMinutes: z.number().int().min(1).max(1440),
        role: z.enum(['patient', 'practitioner']),
        link: z.string().max(100),
      }),
    )
    .max(MAX_APPOINTMENT_SOURCES)
    .default([]),
  /** Vaccination suggestions set aside, as `<profile id>:<milestone id>`. */
  dismissed: z.array(z.string().max(120)).max(MAX_DISMISSED).default([]),
});

export type ReminderState = z.infer<typeof stateSchema>;
export type ReminderAction = ReminderState['log'][number]['action'];

export function emptyState(now: number): ReminderState {
  return {
    settings: { ...DEFAULT_SETTINGS, medicationTimes: {} },
    log: [],
    snoozed: {},
    checkedAt: now,
    appointments: [],
    dismissed: [],
  };
}

/** A stored state as this version reads it (a state written before appointments were kept has none). */
export function parseReminderState(value: unknown): ReminderState {
  return stateSchema.parse(value);
}

export function settingsOf(state: ReminderState): ReminderSettings {
  return state.settings;
}

export function marksOf(state: ReminderState): ReminderMarks {
  return {
    closed: new Set(state.log.map((e) => e.key)),
    snoozed: new Map(Object.entries(state.snoozed)),
  };
}

/** Marks a reminder; the log is trimmed to its newest entries. */
export function mark(state: ReminderState, key: string, action: ReminderAction, at: number): ReminderState {
  const { [key]: _released, ...snoozed } = state.snoozed;
  return { ...state, snoozed, log: [{ key, action, at }, ...state.log].slice(0, MAX_LOG) };
}

export function snooze(state: ReminderState, key: string, until: number): ReminderState {
  return { ...state, snoozed: { ...state.snoozed, [key]: until } };
}

/** Sets a vaccination suggestion aside for a profile (`undo`: shows it again). */
export function dismissSuggestion(
  state: ReminderState,
  profileId: string,
  milestoneId: string,
  undo = false,
): ReminderState {
  const key = `${profileId}:${milestoneId}`;
  const others = state.dismissed.filter((k) => k !== key);
  return { ...state, dismissed: undo ? others : [key, ...others].slice(0, MAX_DISMISSED) };
}

/** The milestone ids set aside for a profile. */
export function dismissedFor(state: ReminderState, profileId: string): Set<string> {
  const prefix = `${profileId}:`;
  return new Set(state.dismissed.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
}

/** Parses "08:00, 20:00" into sorted distinct times; null when one of them is not a time. */
export function parseTimes(text: string): string[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (/^\d:\d\d$/.test(p) ? `0${p}` : p));
  if (parts.some((p) => !TIME.safeParse(p).success)) return null;
  return [...new Set(parts)].sort();
}

let writing: Promise<unknown> = Promise.resolve();

export async function loadReminderState(
  db: CarnetDatabase,
  vaultKey: SymmetricKey,
  now: number,
): Promise<ReminderState> {
  const doc = await db.syncstate.findOne(REMINDERS_ID).exec();
  if (!doc) return emptyState(now);
  try {
    return parseReminderState(openLocal(vaultKey, 'reminders', JSON.parse(doc.sealed)));
  } catch {
    return emptyState(now);
  }
}

/** Applies `change` to the stored state, one change at a time; resolves with the new state. */
export function updateReminderState(
  db: CarnetDatabase,
  vaultKey: SymmetricKey,
  now: number,
  change: (state: ReminderState) => ReminderState,
): Promise<ReminderState> {
  const next = writing
    .catch(() => undefined)
    .then(async () => {
      const state = change(await loadReminderState(db, vaultKey, now));
      const sealed = JSON.stringify(sealLocal(vaultKey, 'reminders', state));
      await db.syncstate.upsert({ id: REMINDERS_ID, sealed });
      return state;
    });
  writing = next;
  return next;
}
