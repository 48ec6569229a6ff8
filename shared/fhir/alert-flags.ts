/**
 * The IPS "Alerts" section: a Flag for each critical condition and high-risk medication, so a
 * receiving system shows them as alerts. They repeat records exported elsewhere in the Bundle, so
 * the import recognises them (Carnet's extension) and adds nothing for them.
 */
import type { Flag, Resource } from '@medplum/fhirtypes';
import type { ClinicalRecord } from '../schema/record.ts';
import { carnetExtension, coding, concept, SYSTEM } from './codes.ts';
import { line } from './narrative.ts';
import type { ToFhirContext } from './to-fhir-context.ts';

export function alertFlags(
  records: readonly { readonly id: string; readonly record: ClinicalRecord }[],
  ctx: ToFhirContext,
): { entries: Resource[]; lines: string[] } {
  const entries: Resource[] = [];
  const lines: string[] = [];
  for (const { id, record } of records) {
    const text =
      record.kind === 'condition' && record.critical
        ? record.name
        : record.kind === 'medication' && record.highRisk
          ? record.name
          : undefined;
    if (text === undefined) continue;
    const flag: Flag = {
      resourceType: 'Flag',
      id: ctx.uuid(`${id}/alert`),
      extension: [carnetExtension('derived-alert', record.kind)],
      status: 'active',
      category: [concept('Clinical', coding(SYSTEM.flagCategory, 'clinical'))],
      code: { text },
      subject: ctx.patient,
    };
    entries.push(flag);
    lines.push(line(text));
  }
  return { entries, lines };
}
