/**
 * The key facts of a record on one line: "Penicillin — Severe — Hives". The clinical date is not
 * repeated here: lists show it beside the summary (see `record-dates.ts`).
 */
import type { ClinicalRecord } from '../../../../shared/schema/record.ts';
import type { EntryVerdict } from '../../records/entry-verdict.ts';
import { isMeasurementType, unitText } from './measurement-units.ts';
import type { RecordText } from './record-text.ts';

export interface RecordSummary {
  readonly title: string;
  readonly details: readonly string[];
}

function present(...parts: (string | false | undefined)[]): string[] {
  return parts.filter((part): part is string => typeof part === 'string' && part !== '');
}

function measurementSummary(
  record: Extract<ClinicalRecord, { kind: 'measurement' }>,
  text: RecordText,
): RecordSummary {
  const { tr, formatNumber } = text;
  const type = isMeasurementType(record.type) ? tr(`measurementTypes.${record.type}`) : record.type;
  const value =
    record.type === 'blood-pressure'
      ? `${formatNumber(record.systolic)}/${formatNumber(record.diastolic)} mmHg`
      : `${formatNumber(record.value)} ${unitText(record.type, record.unit, text)}`;
  return { title: type, details: present(value) };
}

/**
 * `verdict`: for a practitioner entry, the one computed when its envelope was opened (kept with the
 * record): nothing is verified here, on every render.
 */
export function summarize(record: ClinicalRecord, text: RecordText, verdict?: EntryVerdict): RecordSummary {
  const { tr, formatDate, formatNumber } = text;
  switch (record.kind) {
    case 'allergy':
      return {
        title: record.substance,
        details: present(tr(`options.severity.${record.severity}`), record.reactions.join(', ')),
      };
    case 'condition':
      return {
        title: record.name,
        details: present(
          tr(`options.conditionStatus.${record.clinicalStatus}`),
          record.abatementDate && tr('summary.until', { date: formatDate(record.abatementDate) }),
          record.critical && tr('summary.critical'),
        ),
      };
    case 'medication':
      return {
        title: record.name,
        details: present(
          typeof record.dose === 'string'
            ? record.dose
            : `${formatNumber(record.dose.value)} ${record.dose.unit}`,
          record.frequency,
          record.asNeeded && tr('summary.asNeeded'),
          record.stopDate && tr('summary.until', { date: formatDate(record.stopDate) }),
          record.highRisk && tr('summary.highRisk'),
        ),
      };
    case 'vaccination':
      return {
        title: record.vaccine,
        details: present(
          record.doseNumber !== undefined && tr('summary.dose', { n: record.doseNumber }),
          record.nextDue && tr('summary.nextDue', { date: formatDate(record.nextDue) }),
        ),
      };
    case 'lab-result':
      return {
        title: record.testName,
        details: present(
          [typeof record.value === 'number' ? formatNumber(record.value) : record.value, record.unit]
            .filter(Boolean)
            .join(' '),
          record.interpretation && tr(`options.interpretation.${record.interpretation}`),
        ),
      };
    case 'measurement':
      return measurementSummary(record, text);
    case 'document':
      return {
        title: record.title,
        details: present(tr(`options.documentCategory.${record.category}`)),
      };
    case 'lifestyle':
      return {
        title: tr('kinds.lifestyle'),
        details: present(
          record.smoking && tr(`options.smoking.${record.smoking.status}`),
          record.smoking?.packsPerDay !== undefined &&
            tr('summary.packsPerDay', { n: formatNumber(record.smoking.packsPerDay) }),
          record.alcoholUnitsPerWeek !== undefined &&
            tr('summary.alcohol', { n: formatNumber(record.alcoholUnitsPerWeek) }),
          record.activityMinutesPerWeek !== undefined &&
            tr('summary.activity', { n: formatNumber(record.activityMinutesPerWeek) }),
          record.diet,
        ),
      };
    case 'administrative':
      return {
        title: tr('kinds.administrative'),
        details: present(
          record.bloodType !== 'unknown' &&
            tr('summary.bloodType', { value: tr(`options.bloodType.${record.bloodType}`) }),
          record.generalPractitioner && tr('summary.gp', { name: record.generalPractitioner.name }),
          record.complementaryInsurance?.name,
        ),
      };
    case 'emergency-contact':
      return {
        title: record.name,
        details: present(record.relationship, record.phone, tr('summary.priority', { n: record.priority })),
      };
    case 'practitioner-entry':
      // Altered entries never show their (altered) content; without a verdict, nothing is trusted.
      if (verdict?.status !== 'verified' && verdict?.status !== 'unsigned') {
        return { title: tr('summary.invalidSignature'), details: [] };
      }
      return {
        title: record.title,
        details: present(
          tr(`options.entryType.${record.entryType}`),
          `${record.practitioner.name}, ${record.practitioner.profession}`,
        ),
      };
    case 'exercise-session':
      return {
        title: tr('kinds.exercise-session'),
        details: present(
          tr(`options.sessionStatus.${record.status}`),
          record.pain !== undefined && tr('summary.pain', { n: record.pain }),
        ),
      };
    case 'consultation':
      return {
        title: record.practitionerName,
        details: present(tr('summary.minutes', { n: Math.round(record.durationSeconds / 60) })),
      };
    case 'emergency-profile':
      return { title: text.tr('kinds.emergency-profile'), details: present(record.profile.name) };
    case 'procedure':
      return {
        title: record.name,
        details: present(
          record.status !== 'completed' && tr(`options.procedureStatus.${record.status}`),
          record.bodySite,
          record.performer,
        ),
      };
    case 'device':
      return {
        title: record.name,
        details: present(
          record.implanted && tr('summary.implanted'),
          record.bodySite,
          record.endDate && tr('summary.removed', { date: formatDate(record.endDate) }),
        ),
      };
    case 'pregnancy':
      return {
        title: record.status ? tr(`options.pregnancyStatus.${record.status}`) : tr('kinds.pregnancy'),
        details: present(
          record.expectedDeliveryDate && tr('summary.due', { date: formatDate(record.expectedDeliveryDate) }),
          record.liveBirths !== undefined && tr('summary.births', { n: record.liveBirths }),
        ),
      };
    case 'family-history':
      return {
        title: record.condition,
        details: present(
          tr(`options.familyRelationship.${record.relationship}`),
          record.onsetAge !== undefined && tr('summary.onsetAge', { n: record.onsetAge }),
          record.causeOfDeath === true && tr('summary.causeOfDeath'),
        ),
      };
    case 'advance-directive':
      return {
        title: tr(`options.directiveType.${record.type}`),
        details: present(
          record.person && [record.person.name, record.person.phone].filter(Boolean).join(', '),
          record.statement,
          record.documentLocation && tr('summary.documentAt', { place: record.documentLocation }),
        ),
      };
    case 'note':
      return {
        title: record.title,
        details: present(record.body.length > 90 ? `${record.body.slice(0, 90)}…` : record.body),
      };
  }
}
