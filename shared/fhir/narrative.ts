/**
 * Human-readable XHTML for each section, in the profile's language. Every piece of patient text is
 * escaped: a substance called "<b>" must show as typed, not as markup, and must not break the XHTML
 * a receiving system parses.
 */
import type { Narrative } from '@medplum/fhirtypes';
import type { SectionKey } from './codes.ts';

export type Locale = 'en' | 'fr';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const SECTION_TITLES: { readonly [L in Locale]: { readonly [S in SectionKey]: string } } = {
  en: {
    problems: 'Problem list',
    allergies: 'Allergies and intolerances',
    medications: 'Medication summary',
    immunizations: 'Immunizations',
    results: 'Results',
    procedures: 'History of procedures',
    devices: 'Medical devices and implants',
    vitalSigns: 'Vital signs',
    pastIllness: 'History of past illness',
    pregnancy: 'History of pregnancy',
    socialHistory: 'Social history',
    familyHistory: 'Family history',
    advanceDirectives: 'Advance directives',
    alerts: 'Alerts',
    practitionerNotes: 'Entries written by practitioners',
    documents: 'Documents',
    notes: 'Patient’s notes',
  },
  fr: {
    problems: 'Problèmes de santé',
    allergies: 'Allergies et intolérances',
    medications: 'Traitements',
    immunizations: 'Vaccinations',
    results: 'Résultats',
    procedures: 'Antécédents chirurgicaux et interventions',
    devices: 'Dispositifs médicaux et implants',
    vitalSigns: 'Signes vitaux',
    pastIllness: 'Antécédents médicaux',
    pregnancy: 'Grossesse',
    socialHistory: 'Mode de vie',
    familyHistory: 'Antécédents familiaux',
    advanceDirectives: 'Directives anticipées',
    alerts: 'Alertes',
    practitionerNotes: 'Notes des soignants',
    documents: 'Documents',
    notes: 'Notes du patient',
  },
};

export const NO_INFORMATION: { readonly [L in Locale]: string } = {
  en: 'No information available: nothing is recorded in this section.',
  fr: 'Aucune information disponible : rien n’est enregistré dans cette section.',
};

/** A section's narrative: one list item per entry, or the "no information" sentence. */
export function sectionNarrative(lines: readonly string[], locale: Locale): Narrative {
  const body =
    lines.length === 0
      ? `<p>${escapeXml(NO_INFORMATION[locale])}</p>`
      : `<ul>${lines.map((line) => `<li>${escapeXml(line)}</li>`).join('')}</ul>`;
  return {
    status: 'generated',
    div: `<div xmlns="http://www.w3.org/1999/xhtml" lang="${locale}" xml:lang="${locale}">${body}</div>`,
  };
}

/** Readable text of a narrative: tags removed, entities decoded, blank runs collapsed. */
export function narrativeText(div: string): string {
  return div
    .replace(/<(br|\/p|\/li|\/tr|\/div|\/h\d)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*/g, '\n')
    .trim();
}

/** "label: value" joined with " — ", leaving out what is missing. */
export function line(...parts: (string | number | false | undefined)[]): string {
  return parts.filter((p) => p !== undefined && p !== false && p !== '').join(' — ');
}
