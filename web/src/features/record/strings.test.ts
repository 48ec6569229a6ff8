import * as i18n from '@solid-primitives/i18n';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../../../shared/schema/record.ts';
import { MEASUREMENT_TYPES } from '../../../../shared/schema/ucum-units.ts';
import { allFormFields } from './field-specs.ts';
import { WRITABLE_KINDS } from './kinds.ts';
import { recordEn, recordFr } from './strings.ts';
import { testText } from './test-text.ts';

// Keys are built from data (`fields.${name}`), so the compiler cannot check them: this test does.
describe('record strings', () => {
  const en = i18n.flatten(recordEn) as Record<string, unknown>;
  const fr = i18n.flatten(recordFr) as Record<string, unknown>;

  it('name every kind and every measurement type in both languages', () => {
    for (const dictionary of [en, fr]) {
      for (const kind of RECORD_KINDS) {
        expect(dictionary[`kinds.${kind}`], kind).toBeTypeOf('string');
        expect(dictionary[`kindTitles.${kind}`], kind).toBeTypeOf('string');
      }
      for (const kind of WRITABLE_KINDS) {
        expect(dictionary[`addKind.${kind}`], kind).toBeTypeOf('string');
        expect(dictionary[`editKind.${kind}`], kind).toBeTypeOf('string');
      }
      for (const type of MEASUREMENT_TYPES)
        expect(dictionary[`measurementTypes.${type}`]).toBeTypeOf('string');
    }
  });

  it('have a label, hint and option labels for every field of every form, in both languages', () => {
    for (const locale of ['en', 'fr'] as const) {
      const text = testText(locale);
      for (const kind of WRITABLE_KINDS) {
        for (const field of allFormFields(kind)) {
          // testText throws on a missing key.
          expect(text.tr(field.label), `${kind} ${field.path}`).not.toBe('');
          if (field.hint) expect(text.tr(field.hint)).not.toBe('');
          for (const option of field.options ?? []) {
            expect(field.optionLabel?.(option, text) ?? option, `${kind} ${field.path} ${option}`).not.toBe(
              '',
            );
          }
        }
      }
    }
  });

  it('translate severities naturally', () => {
    expect(recordFr.options.severity).toEqual({ mild: 'Légère', moderate: 'Modérée', severe: 'Sévère' });
  });
});
