/**
 * The editor's working copy: every candidate item with an "include" switch, so the patient can
 * leave an item off the code without losing it. `toProfile` keeps only what is included.
 */
import {
  type EmergencyLanguage,
  type EmergencyProfile,
  emergencyProfileSchema,
} from '../../../../shared/emergency/profile.ts';

export interface DraftItem {
  text: string;
  include: boolean;
}

export interface DraftContact {
  name: string;
  relationship: string;
  phone: string;
  include: boolean;
}

export const LIST_SECTIONS = ['conditions', 'allergies', 'medications', 'devices'] as const;
export type ListSection = (typeof LIST_SECTIONS)[number];

export interface EmergencyDraft {
  language: EmergencyLanguage;
  name: string;
  dateOfBirth: string;
  includeDateOfBirth: boolean;
  directive: string;
  conditions: DraftItem[];
  allergies: DraftItem[];
  medications: DraftItem[];
  devices: DraftItem[];
  pregnancy: string;
  contacts: DraftContact[];
  /** Comma-separated, as typed. */
  languages: string;
  bloodType: string;
  organDonor: 'yes' | 'no' | 'unknown';
  note: string;
  /** Opt-in access log: the random token, or undefined when off. */
  token?: string;
}

const clean = (text: string) => text.trim();
const present = (text: string) => (clean(text) === '' ? undefined : clean(text));

export function toProfile(draft: EmergencyDraft, today: string): EmergencyProfile {
  const items = (list: readonly DraftItem[]) =>
    list.filter((i) => i.include && clean(i.text) !== '').map((i) => clean(i.text));
  const optional = {
    dateOfBirth: draft.includeDateOfBirth ? present(draft.dateOfBirth) : undefined,
    directive: present(draft.directive),
    pregnancy: present(draft.pregnancy),
    bloodType: present(draft.bloodType),
    organDonor: draft.organDonor === 'unknown' ? undefined : draft.organDonor === 'yes',
    note: present(draft.note),
    token: draft.token,
  };
  const profile: EmergencyProfile = {
    language: draft.language,
    name: clean(draft.name),
    conditions: items(draft.conditions),
    allergies: items(draft.allergies),
    medications: items(draft.medications),
    devices: items(draft.devices),
    contacts: draft.contacts
      .filter((c) => c.include && clean(c.name) !== '' && clean(c.phone) !== '')
      .map((c) => ({
        name: clean(c.name),
        phone: clean(c.phone),
        ...(present(c.relationship) ? { relationship: clean(c.relationship) } : {}),
      })),
    languages: draft.languages
      .split(',')
      .map(clean)
      .filter((l) => l !== ''),
    updatedOn: today,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (profile as Record<string, unknown>)[key] = value;
  }
  return profile;
}

export type DraftCheck = { ok: true; profile: EmergencyProfile } | { ok: false; fields: string[] };

/** Validates with the payload schema; `fields` names the sections to fix (e.g. `contacts`). */
export function checkDraft(draft: EmergencyDraft, today: string): DraftCheck {
  const result = emergencyProfileSchema.safeParse(toProfile(draft, today));
  if (result.success) return { ok: true, profile: result.data };
  const fields = [...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? 'name')))];
  return { ok: false, fields };
}
