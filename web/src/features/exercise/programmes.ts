/**
 * The exercise programmes of a record and the sessions logged against each, from decrypted record
 * entries (the patient's own, or a share's snapshot on the practitioner's page). Only programmes
 * whose signature verified are followed: an altered or unsigned one is not a plan to log against.
 * A practitioner adjusts a programme by signing a new one; the older programmes of the same signing
 * key are then "replaced" and kept with their own sessions and adherence.
 */
import type { ProgrammePlan } from '../../../../shared/care/adherence.ts';
import type { ExerciseSession } from '../../../../shared/schema/exercise-session.ts';
import type { PractitionerEntry } from '../../../../shared/schema/practitioner-entry.ts';
import type { RecordEntry } from '../../records/record-service.ts';

export type ProgrammeEntry = Extract<PractitionerEntry, { entryType: 'exercise-programme' }>;

export interface Programme {
  readonly id: string;
  readonly entry: ProgrammeEntry;
  readonly plan: ProgrammePlan;
  /** The signing key, which says which programmes one practitioner wrote. */
  readonly signPk: string;
  readonly replaced: boolean;
}

export interface LoggedSession {
  readonly id: string;
  readonly session: ExerciseSession;
}

/** The plan of a programme: it starts the day it was written when it names no start date. */
export function planOf(entry: ProgrammeEntry): ProgrammePlan {
  return {
    startDate: entry.startDate ?? entry.createdAt.slice(0, 10),
    ...(entry.endDate === undefined ? {} : { endDate: entry.endDate }),
    ...(entry.sessionsPerWeek === undefined ? {} : { sessionsPerWeek: entry.sessionsPerWeek }),
  };
}

/** Verified programmes, newest first; each older one of the same author is marked replaced. */
export function programmesOf(entries: readonly RecordEntry[]): Programme[] {
  const found = entries.flatMap((e) => {
    const r = e.record;
    if (r?.kind !== 'practitioner-entry' || r.entryType !== 'exercise-programme') return [];
    if (e.verdict?.status !== 'verified') return [];
    return [{ id: e.id, entry: r, plan: planOf(r), signPk: e.verdict.payload.author.signPk }];
  });
  found.sort((a, b) => b.entry.createdAt.localeCompare(a.entry.createdAt) || a.id.localeCompare(b.id));
  const seen = new Set<string>();
  return found.map((p) => {
    const replaced = seen.has(p.signPk);
    seen.add(p.signPk);
    return { ...p, replaced };
  });
}

/** The sessions logged against one programme, newest first. */
export function sessionsOf(entries: readonly RecordEntry[], programmeId: string): LoggedSession[] {
  return entries
    .flatMap((e) =>
      e.record?.kind === 'exercise-session' && e.record.programmeId === programmeId
        ? [{ id: e.id, session: e.record }]
        : [],
    )
    .sort((a, b) => b.session.date.localeCompare(a.session.date) || b.id.localeCompare(a.id));
}
