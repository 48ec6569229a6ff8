/**
 * Why a file cannot be imported at all. Each reason has a message key for the UI's dictionaries
 * and the sentence in both languages, so the preview can say it before anything is written.
 */
export const IMPORT_ERROR_REASONS = [
  'malformed-json',
  'not-fhir',
  'not-a-bundle',
  'unsupported-bundle-type',
  'too-large',
  'unknown-fields',
  'invalid-resource',
] as const;

export type ImportErrorReason = (typeof IMPORT_ERROR_REASONS)[number];

export const IMPORT_ERROR_TEXT: {
  readonly [R in ImportErrorReason]: { readonly key: string; readonly en: string; readonly fr: string };
} = {
  'malformed-json': {
    key: 'fhirImport.errors.malformedJson',
    en: 'This file is not valid JSON: it may be damaged or not a FHIR export.',
    fr: 'Ce fichier n’est pas du JSON valide : il est peut-être abîmé ou ce n’est pas un export FHIR.',
  },
  'not-fhir': {
    key: 'fhirImport.errors.notFhir',
    en: 'This file is JSON but not FHIR: it has no resourceType.',
    fr: 'Ce fichier est du JSON mais pas du FHIR : il n’a pas de resourceType.',
  },
  'not-a-bundle': {
    key: 'fhirImport.errors.notABundle',
    en: 'This FHIR file holds a single resource, not a Bundle: export a patient summary (IPS) instead.',
    fr: 'Ce fichier FHIR contient une seule ressource, pas un Bundle : exportez plutôt une synthèse (IPS).',
  },
  'unsupported-bundle-type': {
    key: 'fhirImport.errors.unsupportedBundleType',
    en: 'Only FHIR document Bundles (such as an IPS) and collections can be imported.',
    fr: 'Seuls les Bundles FHIR de type document (comme une IPS) ou collection peuvent être importés.',
  },
  'too-large': {
    key: 'fhirImport.errors.tooLarge',
    en: 'This file is larger than 20 MB and cannot be imported.',
    fr: 'Ce fichier dépasse 20 Mo et ne peut pas être importé.',
  },
  'unknown-fields': {
    key: 'fhirImport.errors.unknownFields',
    en: 'This file has fields FHIR R4 does not define; nothing was imported.',
    fr: 'Ce fichier contient des champs que FHIR R4 ne définit pas ; rien n’a été importé.',
  },
  'invalid-resource': {
    key: 'fhirImport.errors.invalidResource',
    en: 'This file breaks FHIR R4 rules; nothing was imported.',
    fr: 'Ce fichier ne respecte pas les règles de FHIR R4 ; rien n’a été importé.',
  },
};

/** The import is all or nothing: these are the problems that stopped it. */
export interface ImportError {
  readonly reason: ImportErrorReason;
  readonly messageKey: string;
  /** Where and what, for the "details" of the message (never the patient's data). */
  readonly issues: readonly { readonly path: string; readonly message: string }[];
}

export function importError(
  reason: ImportErrorReason,
  issues: ImportError['issues'] = [],
): { ok: false; error: ImportError } {
  return { ok: false, error: { reason, messageKey: IMPORT_ERROR_TEXT[reason].key, issues } };
}
