import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const amoxicillin = EXAMPLE_RECORDS.medication;

describe('medication', () => {
  it('accepts amoxicillin 1 g three times a day for a week', () => {
    expect(parseRecord(amoxicillin)).toEqual({ ok: true, value: amoxicillin });
  });

  it('accepts a structured dose and an ongoing treatment without a stop date', () => {
    const levothyroxine = {
      kind: 'medication',
      schemaVersion: 1,
      name: 'Lévothyroxine',
      dose: { value: 75, unit: 'µg' },
      route: 'oral',
      frequency: 'Every morning, fasting',
      startDate: '2019-04-01',
      asNeeded: false,
      code: { system: 'http://www.whocc.no/atc', code: 'H03AA01' },
      highRisk: false,
    };
    expect(parseRecord(levothyroxine)).toEqual({ ok: true, value: levothyroxine });
  });

  it('rejects a stop date before the start date', () => {
    expect(recordIssues({ ...amoxicillin, stopDate: '2025-03-09' })).toEqual([
      { path: 'stopDate', message: 'Stop date must not be before start date' },
    ]);
  });

  it('accepts a single-day treatment that stops the day it starts', () => {
    expect(parseRecord({ ...amoxicillin, stopDate: amoxicillin.startDate }).ok).toBe(true);
  });

  it('rejects an unknown route', () => {
    expect(recordIssues({ ...amoxicillin, route: 'by mouth' })).toEqual([
      {
        path: 'route',
        message:
          'Route must be one of: oral, iv, im, sc, inhaled, topical, rectal, sublingual, transdermal, other',
      },
    ]);
  });

  it('rejects a structured dose of zero at the value', () => {
    expect(recordIssues({ ...amoxicillin, dose: { value: 0, unit: 'mg' } })).toEqual([
      { path: 'dose.value', message: 'Dose value must be greater than 0' },
    ]);
  });

  it('rejects a dose that is neither text nor a value with a unit', () => {
    expect(recordIssues({ ...amoxicillin, dose: 1000 })).toEqual([
      { path: 'dose', message: 'Dose must be a text such as "1 g" or a value with a unit' },
    ]);
  });

  it('rejects a French-style date', () => {
    expect(recordIssues({ ...amoxicillin, startDate: '10/03/2025' })).toContainEqual({
      path: 'startDate',
      message: 'Start date must be a real date in the form YYYY-MM-DD',
    });
  });

  it('rejects an ATC code in lower case', () => {
    expect(
      recordIssues({ ...amoxicillin, code: { system: 'http://www.whocc.no/atc', code: 'j01ca04' } }),
    ).toEqual([{ path: 'code.code', message: 'Code must be in ATC form, such as J01CA04' }]);
  });

  it('requires the high-risk flag to be a boolean', () => {
    const { highRisk: _, ...withoutFlag } = amoxicillin;
    expect(recordIssues(withoutFlag)).toEqual([{ path: 'highRisk', message: 'High risk is required' }]);
  });
});
