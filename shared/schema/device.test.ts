import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const pacemaker = EXAMPLE_RECORDS.device;

describe('device', () => {
  it('accepts an implanted pacemaker and an external device with only a name', () => {
    expect(parseRecord(pacemaker)).toEqual({ ok: true, value: pacemaker });
    const pump = { kind: 'device', schemaVersion: 1, name: 'Pompe à insuline', implanted: false };
    expect(parseRecord(pump)).toEqual({ ok: true, value: pump });
  });

  it('rejects a removal date before the implantation date', () => {
    expect(recordIssues({ ...pacemaker, endDate: '2020-01-01' })).toEqual([
      { path: 'endDate', message: 'End date must not be before start date' },
    ]);
  });

  it('requires the implanted flag as true or false', () => {
    expect(recordIssues({ ...pacemaker, implanted: 'yes' })).toEqual([
      { path: 'implanted', message: 'Implanted must be true or false' },
    ]);
  });
});
