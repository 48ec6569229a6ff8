/**
 * What makes an imported record look like one already in the profile: the same kind with the same
 * code and date, or the same text (and date, for dated kinds). Keys go into a Set, so checking
 * 2,000 records against 2,000 others is linear, not quadratic.
 */
import type { ClinicalRecord } from '../schema/record.ts';

function normalize(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();
}

function mainText(r: ClinicalRecord): string | undefined {
  switch (r.kind) {
    case 'allergy':
      return r.substance;
    case 'condition':
    case 'medication':
    case 'procedure':
    case 'device':
    case 'emergency-contact':
      return r.name;
    case 'vaccination':
      return r.vaccine;
    case 'lab-result':
      return `${r.testName} ${r.value}`;
    case 'measurement':
      return r.type === 'blood-pressure' ? `${r.systolic}/${r.diastolic}` : `${r.type} ${r.value}`;
    case 'family-history':
      return `${r.relationship} ${r.condition}`;
    case 'note':
    case 'document':
    case 'practitioner-entry':
      return r.title;
    case 'advance-directive':
      return [r.type, r.statement, r.person?.name].join(' ');
    case 'pregnancy':
      return r.status ?? '';
    case 'lifestyle':
      return JSON.stringify([r.smoking, r.alcoholUnitsPerWeek, r.diet, r.activityMinutesPerWeek]);
    case 'administrative':
      return JSON.stringify([r.nationalHealthInsuranceNumber, r.bloodType, r.addresses]);
    case 'consultation':
      return r.practitionerName;
    case 'emergency-profile':
      return undefined;
  }
}

function dateOf(r: ClinicalRecord): string {
  const record = r as Partial<Record<string, unknown>>;
  for (const key of [
    'onsetDate',
    'startDate',
    'date',
    'recordedOn',
    'measuredAt',
    'createdAt',
    'startedAt',
  ]) {
    const value = record[key];
    if (typeof value === 'string') return value.slice(0, 10);
  }
  return '';
}

export function duplicateKeys(r: ClinicalRecord): string[] {
  const keys: string[] = [];
  const date = dateOf(r);
  const code = (r as { code?: { system: string; code: string } }).code;
  if (code) keys.push(`${r.kind}|code|${code.system}|${code.code}|${date}`);
  const text = mainText(r);
  if (text !== undefined && text !== '') keys.push(`${r.kind}|text|${normalize(text)}|${date}`);
  return keys;
}
