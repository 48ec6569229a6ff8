/**
 * Prefills the emergency draft from the decrypted record: what a responder needs, nothing else.
 * Items the patient saved before come first and stay included; record items not on the saved
 * profile are offered, switched off, so nothing new is published without the patient's choice.
 */
import type { EmergencyLanguage, EmergencyProfile } from '../../../../shared/emergency/profile.ts';
import type { Profile } from '../../../../shared/schema/profile.ts';
import type { ClinicalRecord } from '../../../../shared/schema/record.ts';
import { withoutConflictCopies } from '../../sync/conflict-copy.ts';
import type { DraftContact, DraftItem, EmergencyDraft, ListSection } from './draft.ts';

type Candidates = Record<ListSection, DraftItem[]>;

/** The emergency profile's lines are at most 120 characters (shared/emergency/profile.ts). */
const LINE_MAX = 120;

function fitLine(line: string): string {
  return line.length <= LINE_MAX ? line : `${line.slice(0, LINE_MAX - 1).trimEnd()}…`;
}

type Directive = Extract<ClinicalRecord, { kind: 'advance-directive' }>;

const WORDS = {
  en: {
    directives: 'Advance directives',
    'trusted-person': 'Trusted person',
    'do-not-resuscitate': 'Do not resuscitate',
    other: 'Directive',
    document: 'document',
    pregnant: 'Pregnant',
    due: 'due',
  },
  fr: {
    directives: 'Directives anticipées',
    'trusted-person': 'Personne de confiance',
    'do-not-resuscitate': 'Pas de réanimation',
    other: 'Directive',
    document: 'document',
    pregnant: 'Enceinte',
    due: 'terme prévu le',
  },
} as const;

/** "Trusted person: Julie Martin +33 6…; document: with my GP", every directive on one line. */
function directiveLine(records: readonly ClinicalRecord[], language: EmergencyLanguage): string {
  const words = WORDS[language];
  const colon = language === 'fr' ? ' : ' : ': ';
  const parts = records
    .filter((r): r is Directive => r.kind === 'advance-directive')
    .map((d) => {
      const who = d.person ? [d.person.name, d.person.phone].filter(Boolean).join(' ') : undefined;
      const where = d.documentLocation ? `${words.document}${colon}${d.documentLocation}` : undefined;
      const what = [who, d.statement, where].filter(Boolean).join(', ');
      return what === '' ? words[d.type] : `${words[d.type]}${colon}${what}`;
    });
  return parts.length === 0 ? '' : fitLine(parts.join('; '));
}

/** The newest pregnancy statement, when it says pregnant. */
function pregnancyLine(records: readonly ClinicalRecord[], language: EmergencyLanguage): string {
  const newest = records
    .filter((r): r is Extract<ClinicalRecord, { kind: 'pregnancy' }> => r.kind === 'pregnancy')
    .filter((r) => r.status !== undefined)
    .sort((a, b) => b.recordedOn.localeCompare(a.recordedOn))[0];
  if (newest?.status !== 'pregnant') return '';
  const words = WORDS[language];
  const due = newest.expectedDeliveryDate ? `, ${words.due} ${newest.expectedDeliveryDate}` : '';
  return fitLine(`${words.pregnant}${due}`);
}

/** Each record item, switched on when it is what a responder must see, offered switched off otherwise. */
function candidates(records: readonly ClinicalRecord[]): Candidates {
  const out: Candidates = { conditions: [], allergies: [], medications: [], devices: [] };
  for (const r of records) {
    if (r.kind === 'condition' && ['active', 'recurrence', 'relapse'].includes(r.clinicalStatus)) {
      out.conditions.push({ text: r.name, include: r.critical });
    } else if (r.kind === 'allergy' && r.status === 'active') {
      const reactions = r.reactions.length > 0 ? `: ${r.reactions.join(', ')}` : '';
      const severe = r.severity === 'severe' || r.criticality === 'high';
      out.allergies.push({ text: `${r.substance}${reactions}`, include: severe });
    } else if (r.kind === 'device' && r.endDate === undefined) {
      // Implants matter to responders (defibrillation, MRI); external devices are offered switched off.
      const where = r.bodySite ? ` (${r.bodySite})` : '';
      out.devices.push({ text: fitLine(`${r.name}${where}`), include: r.implanted });
    } else if (r.kind === 'medication' && r.stopDate === undefined) {
      const dose = typeof r.dose === 'string' ? r.dose : `${r.dose.value} ${r.dose.unit}`;
      out.medications.push({ text: `${r.name} ${dose}, ${r.frequency}`, include: r.highRisk });
    }
  }
  // Included (critical) items first: they are what a responder must see, and trimming keeps them.
  for (const list of Object.values(out)) list.sort((a, b) => Number(b.include) - Number(a.include));
  return out;
}

function merge(saved: readonly string[] | undefined, offered: readonly DraftItem[]): DraftItem[] {
  if (saved === undefined) return offered.map((item) => ({ ...item }));
  const items: DraftItem[] = saved.map((text) => ({ text, include: true }));
  for (const item of offered) {
    if (!saved.includes(item.text)) items.push({ text: item.text, include: false });
  }
  return items;
}

/**
 * The records the emergency profile may be prefilled from: the readable ones, without the unresolved
 * conflicting copies (one version of a record nobody confirmed must not reach a responder).
 */
export function prefillRecords(
  entries: readonly { readonly id: string; readonly record: ClinicalRecord | null }[],
): ClinicalRecord[] {
  return withoutConflictCopies(entries).flatMap((entry) => (entry.record ? [entry.record] : []));
}

export function prefillDraft(
  person: Profile,
  records: readonly ClinicalRecord[],
  saved: EmergencyProfile | undefined,
): EmergencyDraft {
  const offered = candidates(records);
  const has = saved !== undefined;
  const admin = records.find((r) => r.kind === 'administrative');
  const contacts: DraftContact[] = (saved?.contacts ?? []).map((c) => ({
    name: c.name,
    relationship: c.relationship ?? '',
    phone: c.phone,
    include: true,
  }));
  const recordContacts = records
    .filter((r) => r.kind === 'emergency-contact')
    .sort((a, b) => a.priority - b.priority);
  for (const c of recordContacts) {
    if (!contacts.some((d) => d.name === c.name && d.phone === c.phone)) {
      contacts.push({ name: c.name, relationship: c.relationship, phone: c.phone, include: !has });
    }
  }
  const language: EmergencyLanguage = saved?.language ?? person.locale;
  const bloodType = admin && admin.bloodType !== 'unknown' ? admin.bloodType : '';
  const donor = admin?.organDonor ?? 'unknown';
  return {
    language,
    name: saved?.name ?? person.displayName,
    dateOfBirth: saved?.dateOfBirth ?? person.dateOfBirth,
    includeDateOfBirth: has ? saved.dateOfBirth !== undefined : true,
    directive: saved?.directive ?? directiveLine(records, language),
    conditions: merge(saved?.conditions, offered.conditions),
    allergies: merge(saved?.allergies, offered.allergies),
    medications: merge(saved?.medications, offered.medications),
    devices: merge(saved?.devices, offered.devices),
    pregnancy: saved?.pregnancy ?? pregnancyLine(records, language),
    contacts,
    languages: (saved?.languages ?? []).join(', '),
    bloodType: saved ? (saved.bloodType ?? '') : bloodType,
    organDonor: saved
      ? saved.organDonor === undefined
        ? 'unknown'
        : saved.organDonor
          ? 'yes'
          : 'no'
      : donor,
    note: saved?.note ?? '',
    ...(saved?.token ? { token: saved.token } : {}),
  };
}
