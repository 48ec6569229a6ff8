/**
 * Section labels in the languages Carnet speaks. Shared by the printed plain text (patient's
 * language) and the responder page (responder's language), so both say the same thing.
 */
import type { EmergencyLanguage } from './profile.ts';

export interface EmergencyLabels {
  readonly title: string;
  readonly directive: string;
  readonly conditions: string;
  readonly allergies: string;
  readonly medications: string;
  readonly devices: string;
  readonly pregnancy: string;
  readonly name: string;
  readonly born: string;
  /** "age 42" / "42 ans": the word order differs, so a phrase, not a word. */
  readonly age: (years: number) => string;
  /** A `YYYY-MM-DD` date as a reader of this language writes it: a French reader expects 14/03/1985. */
  readonly date: (iso: string) => string;
  readonly contacts: string;
  readonly languages: string;
  readonly bloodType: string;
  readonly organDonor: string;
  readonly yes: string;
  readonly no: string;
  readonly note: string;
  readonly updated: string;
  readonly patientSpeaks: string;
  readonly languageNames: { readonly [L in EmergencyLanguage]: string };
}

export const EMERGENCY_LABELS: { readonly [L in EmergencyLanguage]: EmergencyLabels } = {
  en: {
    title: 'EMERGENCY MEDICAL INFORMATION',
    directive: 'Advance directive',
    conditions: 'Conditions',
    allergies: 'Allergies',
    medications: 'Medications',
    devices: 'Implants/devices',
    pregnancy: 'Pregnancy',
    name: 'Name',
    born: 'Born',
    age: (years) => `age ${years}`,
    date: (iso) => iso,
    contacts: 'Contacts',
    languages: 'Speaks',
    bloodType: 'Blood type',
    organDonor: 'Organ donor',
    yes: 'yes',
    no: 'no',
    note: 'Note',
    updated: 'Updated',
    patientSpeaks: 'Patient speaks',
    languageNames: { en: 'English', fr: 'French' },
  },
  fr: {
    title: 'INFORMATIONS MÉDICALES D’URGENCE',
    directive: 'Directives anticipées',
    conditions: 'Maladies',
    allergies: 'Allergies',
    medications: 'Traitements',
    devices: 'Implants/appareils',
    pregnancy: 'Grossesse',
    name: 'Nom',
    born: 'Né(e) le',
    age: (years) => `${years} ans`,
    date: (iso) => {
      const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      return parts ? `${parts[3]}/${parts[2]}/${parts[1]}` : iso;
    },
    contacts: 'Contacts',
    languages: 'Parle',
    bloodType: 'Groupe sanguin',
    organDonor: 'Donneur d’organes',
    yes: 'oui',
    no: 'non',
    note: 'Note',
    updated: 'Mis à jour',
    patientSpeaks: 'Le patient parle',
    languageNames: { en: 'anglais', fr: 'français' },
  },
};

/** Whole years between a birth date and `today` (both `YYYY-MM-DD`), compared as written. */
export function ageOn(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** Lower case, no accents, trimmed: "Français", "francais " and "FRANÇAIS" name the same language. */
function languageKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
}

/**
 * What "Patient speaks" lists for a reader in `reader`: the profile's own language first, named in
 * the reader's language, then the other languages the patient typed, each once. A typed name of a
 * language Carnet speaks, in any of its languages ("English", "anglais"), is named in the reader's
 * language ("Le patient parle : anglais, français", never "anglais, French"); the profile's own
 * language is not repeated.
 */
export function spokenLanguages(
  profile: { readonly language: EmergencyLanguage; readonly languages: readonly string[] },
  reader: EmergencyLanguage,
): { own: string; others: string[] } {
  const known = new Map<string, EmergencyLanguage>();
  for (const labels of Object.values(EMERGENCY_LABELS)) {
    for (const [language, name] of Object.entries(labels.languageNames)) {
      known.set(languageKey(name), language as EmergencyLanguage);
    }
  }
  const seen = new Set<string>([profile.language]);
  const others: string[] = [];
  for (const name of profile.languages) {
    const key = languageKey(name);
    if (key === '') continue;
    const language = known.get(key);
    const id = language ?? key;
    if (seen.has(id)) continue;
    seen.add(id);
    others.push(language ? EMERGENCY_LABELS[reader].languageNames[language] : name.trim());
  }
  return { own: EMERGENCY_LABELS[reader].languageNames[profile.language], others };
}
