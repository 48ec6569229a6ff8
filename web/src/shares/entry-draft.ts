/** What the practitioner's entry form produces, and how it becomes a practitioner entry. */
import type {
  PRACTITIONER_ENTRY_TYPES,
  PractitionerEntry,
} from '../../../shared/schema/practitioner-entry.ts';

export type EntryType = (typeof PRACTITIONER_ENTRY_TYPES)[number];
export interface Row {
  a: string;
  b: string;
  c: string;
  /** An exercise's sets and repetitions, as typed (whole numbers or empty). */
  sets?: string;
  reps?: string;
}

/** An exercise programme's plan, as typed: dates `YYYY-MM-DD` and a whole number, each may be empty. */
export interface PlanDraft {
  readonly startDate: string;
  readonly endDate: string;
  readonly sessionsPerWeek: string;
}

export interface EntryDraft {
  readonly entryType: EntryType;
  readonly title: string;
  readonly body: string;
  readonly rows: readonly Row[];
  readonly plan?: PlanDraft;
}

function wholeNumber(value: string | undefined): number | undefined {
  const trimmed = value?.trim() ?? '';
  return /^\d+$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** Turns the form's draft into a practitioner entry (validated again by its schema when signed). */
export function entryFromDraft(
  draft: EntryDraft,
  practitioner: PractitionerEntry['practitioner'],
  createdAt: string,
): PractitionerEntry {
  const common = {
    kind: 'practitioner-entry' as const,
    schemaVersion: 1 as const,
    title: draft.title,
    practitioner,
    createdAt,
  };
  const body = draft.body ? { body: draft.body } : {};
  switch (draft.entryType) {
    case 'note':
      return { ...common, entryType: 'note', body: draft.body };
    case 'diagnosis':
      return { ...common, entryType: 'diagnosis', body: draft.body };
    case 'prescription':
      return {
        ...common,
        ...body,
        entryType: 'prescription',
        items: draft.rows.map((r) => ({
          medication: r.a.trim(),
          dosage: r.b.trim() || '—',
          duration: r.c.trim() || '—',
        })),
      };
    case 'exercise-programme': {
      const plan = draft.plan;
      const perWeek = wholeNumber(plan?.sessionsPerWeek);
      return {
        ...common,
        ...body,
        entryType: 'exercise-programme',
        ...(plan?.startDate ? { startDate: plan.startDate } : {}),
        ...(plan?.endDate ? { endDate: plan.endDate } : {}),
        ...(perWeek === undefined ? {} : { sessionsPerWeek: perWeek }),
        exercises: draft.rows.map((r) => ({
          name: r.a.trim(),
          ...(wholeNumber(r.sets) === undefined ? {} : { sets: wholeNumber(r.sets) }),
          ...(wholeNumber(r.reps) === undefined ? {} : { repetitions: wholeNumber(r.reps) }),
          ...(r.b.trim() ? { frequency: r.b.trim() } : {}),
          ...(r.c.trim() ? { instructions: r.c.trim() } : {}),
        })),
      };
    }
  }
}
