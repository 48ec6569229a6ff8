/**
 * Optional terminology codes (SNOMED CT, LOINC, ATC, CVX, ICD-10). A code never replaces the free
 * text the patient typed: it sits beside it, so an entry without a code is always complete.
 */

import { messages, text } from './common.ts';
import { z } from './zod.ts';

export const CODE_SYSTEMS = {
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  atc: 'http://www.whocc.no/atc',
  cvx: 'http://hl7.org/fhir/sid/cvx',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
} as const;

export type CodeSystemName = keyof typeof CODE_SYSTEMS;
export type CodeSystem = (typeof CODE_SYSTEMS)[CodeSystemName];

const FORMATS: Readonly<Record<CodeSystem, { name: string; pattern: RegExp; example: string }>> = {
  'http://snomed.info/sct': { name: 'SNOMED CT', pattern: /^\d{6,18}$/, example: '91936005' },
  'http://loinc.org': { name: 'LOINC', pattern: /^\d{1,8}-\d$/, example: '2345-7' },
  // Any of the five ATC levels: J, J01, J01C, J01CA, J01CA04.
  'http://www.whocc.no/atc': {
    name: 'ATC',
    pattern: /^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/,
    example: 'J01CA04',
  },
  'http://hl7.org/fhir/sid/cvx': { name: 'CVX', pattern: /^\d{1,3}$/, example: '140' },
  // WHO ICD-10 and national extensions (ICD-10-CM, CIM-10), with or without the dot.
  'http://hl7.org/fhir/sid/icd-10': {
    name: 'ICD-10',
    pattern: /^[A-Z]\d{2}(\.?[0-9A-Z]{1,4})?$/,
    example: 'J45.9',
  },
};

/** A code schema restricted to the systems that make sense for one field. */
export function codeSchema<const S extends readonly [CodeSystemName, ...CodeSystemName[]]>(names: S) {
  const systems = names.map((name) => CODE_SYSTEMS[name]) as [CodeSystem, ...CodeSystem[]];
  return z
    .strictObject(
      {
        system: z.enum(systems, {
          error: messages('Code system', `Code system must be one of: ${systems.join(', ')}`),
        }),
        code: text('Code', 64),
        display: text('Code display', 500).optional(),
      },
      { error: messages('Code', 'Code must have a system and a code') },
    )
    .superRefine((value, ctx) => {
      const format = FORMATS[value.system];
      if (!format.pattern.test(value.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['code'],
          message: `Code must be in ${format.name} form, such as ${format.example}`,
        });
      }
    });
}

/** Any supported system. */
export const clinicalCodeSchema = codeSchema(['snomed', 'loinc', 'atc', 'cvx', 'icd10']);

export type ClinicalCode = z.infer<typeof clinicalCodeSchema>;
