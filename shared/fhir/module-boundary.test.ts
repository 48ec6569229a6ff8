import { describe, expect, it } from 'vitest';

// The sources as text (Vite's raw import), to check what each module imports.
const SOURCES = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('shared/fhir module boundary', () => {
  it('keeps @medplum/core and the definitions out of everything but the validator and test helpers', () => {
    const heavy = Object.entries(SOURCES)
      .filter(([path]) => !['./validate-r4.ts', './testing.ts'].includes(path))
      .filter(([, source]) => /from '@medplum\/(core|definitions)'/.test(source))
      .map(([path]) => path);
    expect(heavy).toEqual([]);
    expect(Object.keys(SOURCES).length).toBeGreaterThan(20);
  });

  it('imports FHIR types as types only', () => {
    const valueImports = Object.entries(SOURCES)
      .filter(([, source]) => /import \{[^}]*\} from '@medplum\/fhirtypes'/.test(source))
      .map(([path]) => path);
    expect(valueImports).toEqual([]);
  });
});
