/**
 * Prefilling a form from the profile's own records, on the device: each text question naming a
 * source gets one line per record of that kind (conditions, medications with dose and frequency,
 * allergies, lab results with value and unit). Only what the person can then read and edit in the
 * form: nothing leaves the device until they send it.
 */

import type { Answers } from './answers.ts';
import type { FormDefinition, PrefillSource } from './form-definition.ts';

/** The few fields prefill reads; the record schemas have more. */
export type PrefillRecord =
  | { readonly kind: 'condition'; readonly name: string }
  | { readonly kind: 'medication'; readonly name: string; readonly frequency?: string }
  | { readonly kind: 'allergy'; readonly substance: string }
  | {
      readonly kind: 'lab-result';
      readonly testName: string;
      readonly value: number | string;
      readonly unit?: string;
    }
  | { readonly kind: string };

function lineOf(source: PrefillSource, record: PrefillRecord): string | null {
  const r = record as Record<string, unknown>;
  switch (source) {
    case 'conditions':
      return r.kind === 'condition' ? String(r.name) : null;
    case 'medications':
      return r.kind === 'medication' ? [r.name, r.frequency].filter(Boolean).join(', ') : null;
    case 'allergies':
      return r.kind === 'allergy' ? String(r.substance) : null;
    case 'lab-results':
      return r.kind === 'lab-result' ? `${r.testName}: ${r.value}${r.unit ? ` ${r.unit}` : ''}` : null;
  }
}

export function prefillAnswers(form: FormDefinition, records: readonly PrefillRecord[]): Answers {
  const answers: Record<string, string> = {};
  for (const q of form.questions) {
    if (q.type !== 'text' || !q.prefill) continue;
    const lines = records.map((r) => lineOf(q.prefill as PrefillSource, r)).filter((l): l is string => !!l);
    if (lines.length > 0) answers[q.id] = lines.join('\n').slice(0, q.maxLength);
  }
  return answers;
}
