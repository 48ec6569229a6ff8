/**
 * The IPS constraints Carnet's export relies on and its import expects, checked without the
 * validator (pure, cheap): a document Bundle, the Composition first and of the patient-summary type,
 * the Patient present, the three required sections by their LOINC codes, each section with a
 * narrative, and every reference of the Composition's sections and of the resources resolving
 * inside the Bundle.
 */
import type { Bundle } from '@medplum/fhirtypes';
import { SECTIONS, SYSTEM } from './codes.ts';

export interface FhirIssue {
  /** Where, in FHIRPath-like form: `Bundle.entry[0].resource.section[1].code`. */
  readonly path: string;
  readonly message: string;
}

const REQUIRED = Object.values(SECTIONS).filter((s) => s.required);

/** Every `reference` string anywhere in a value, with its path. */
function references(value: unknown, path: string, out: { path: string; reference: string }[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      references(item, `${path}[${i}]`, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'reference' && typeof child === 'string')
        out.push({ path: `${path}.reference`, reference: child });
      else references(child, `${path}.${key}`, out);
    }
  }
}

export function checkIps(bundle: Bundle): FhirIssue[] {
  const issues: FhirIssue[] = [];
  const entries = bundle.entry ?? [];
  if (bundle.type !== 'document')
    issues.push({ path: 'Bundle.type', message: 'An IPS is a Bundle of type "document"' });
  const composition = entries[0]?.resource;
  if (composition?.resourceType !== 'Composition') {
    issues.push({
      path: 'Bundle.entry[0]',
      message: 'The first entry of a document must be its Composition',
    });
    return issues;
  }
  if (!composition.type.coding?.some((c) => c.system === SYSTEM.loinc && c.code === '60591-5')) {
    issues.push({
      path: 'Bundle.entry[0].resource.type',
      message: 'The Composition must be a Patient summary (LOINC 60591-5)',
    });
  }
  const known = new Set<string>();
  for (const e of entries) {
    if (e.fullUrl) known.add(e.fullUrl);
    const r = e.resource;
    if (r?.id) known.add(`${r.resourceType}/${r.id}`);
  }
  const subject = composition.subject?.reference;
  const patient = entries.find((e) => e.fullUrl === subject || `Patient/${e.resource?.id}` === subject);
  if (patient?.resource?.resourceType !== 'Patient') {
    issues.push({
      path: 'Bundle.entry[0].resource.subject',
      message: 'The Composition’s subject must be a Patient in the Bundle',
    });
  }
  const sections = composition.section ?? [];
  for (const required of REQUIRED) {
    if (
      !sections.some((s) =>
        s.code?.coding?.some((c) => c.system === required.system && c.code === required.code),
      )
    ) {
      issues.push({
        path: 'Bundle.entry[0].resource.section',
        message: `The required section with LOINC ${required.code} is missing`,
      });
    }
  }
  sections.forEach((s, i) => {
    const at = `Bundle.entry[0].resource.section[${i}]`;
    if (!s.code?.coding?.some((c) => c.system !== undefined && c.code !== undefined)) {
      issues.push({ path: `${at}.code`, message: 'Every section needs a coded section code' });
    }
    if (!s.text?.div) issues.push({ path: `${at}.text`, message: 'Every section needs a narrative' });
    if ((s.entry ?? []).length === 0 && !s.emptyReason) {
      issues.push({ path: `${at}.entry`, message: 'A section without entries must say why (emptyReason)' });
    }
  });
  const found: { path: string; reference: string }[] = [];
  entries.forEach((e, i) => {
    references(e.resource, `Bundle.entry[${i}].resource`, found);
  });
  for (const { path, reference } of found) {
    if (!reference.startsWith('#') && !known.has(reference)) {
      issues.push({ path, message: `Reference "${reference}" does not resolve inside the Bundle` });
    }
  }
  return issues;
}
