import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFhir } from './import-fhir.ts';
import { loadDefinitionsFromPackage } from './testing.ts';
import { validateR4 } from './validate-r4.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

beforeAll(loadDefinitionsFromPackage, 60_000);

describe.each(['ips-bundle-minimal.json', 'ips-bundle-all-sections.json'])(
  'the HL7 IPS example %s',
  (name) => {
    it('is fully accounted for: every entry added, used by another, or listed with a reason', () => {
      const text = fixture(name);
      const result = importFhir(text, { validate: validateR4, existing: [], today: '2025-03-14' });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const { preview } = result;
      const entries = (JSON.parse(text) as { entry: unknown[] }).entry.length;
      const indexes = new Set(preview.accounting.map((a) => a.source.index));
      expect(indexes.size).toBe(entries);
      console.log(
        name,
        JSON.stringify(
          preview.accounting.map((a) => `${a.source.index}:${a.source.resourceType}:${a.outcome}`),
        ),
        JSON.stringify(preview.toAdd.map((i) => [i.record.kind, i.asNote, i.dropped, i.assumed])),
        JSON.stringify(preview.unmapped),
      );
    });
  },
);
