import { describe, expect, it } from 'vitest';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const consultation = EXAMPLE_RECORDS.consultation;

describe('consultation', () => {
  it('accepts a 20-minute teleconsultation billed 20 € at 60 €/h', () => {
    expect(parseRecord(consultation)).toEqual({ ok: true, value: consultation });
  });

  it('accepts a technically unrealized session that bills nothing, with a reconnect', () => {
    const short = {
      ...consultation,
      endedAt: '2025-03-14T09:05:00+01:00',
      segments: [
        { start: '2025-03-14T09:00:00+01:00', end: '2025-03-14T09:02:00+01:00' },
        { start: '2025-03-14T08:02:30Z', end: '2025-03-14T08:05:00Z' },
      ],
      durationSeconds: 270,
      billable: false,
      amountCents: 0,
    };
    expect(parseRecord(short)).toEqual({ ok: true, value: short });
  });

  it('rejects an end before the start', () => {
    expect(recordIssues({ ...consultation, endedAt: '2025-03-14T08:59:00+01:00', segments: [] })).toEqual([
      { path: 'endedAt', message: 'End time must not be before start time' },
    ]);
  });

  it('rejects an hourly rate outside 30–90 €', () => {
    const expected = [{ path: 'hourlyRateCents', message: 'Hourly rate must be between 30 € and 90 €' }];
    expect(recordIssues({ ...consultation, hourlyRateCents: 9_001 })).toEqual(expected);
    expect(recordIssues({ ...consultation, hourlyRateCents: 2_999 })).toEqual(expected);
  });

  it('accepts the bounds of the hourly rate', () => {
    expect(parseRecord({ ...consultation, hourlyRateCents: 3_000 }).ok).toBe(true);
    expect(parseRecord({ ...consultation, hourlyRateCents: 9_000 }).ok).toBe(true);
  });

  it('rejects another currency and a fractional amount', () => {
    expect(recordIssues({ ...consultation, currency: 'USD', amountCents: 2000.5 })).toEqual([
      { path: 'amountCents', message: 'Amount must be a whole number' },
      { path: 'currency', message: 'Currency must be EUR' },
    ]);
  });

  it('rejects an amount on a session that is not billable', () => {
    expect(recordIssues({ ...consultation, billable: false })).toEqual([
      { path: 'amountCents', message: 'Amount must be 0 for a consultation that is not billable' },
    ]);
  });

  it('rejects a segment outside the session and overlapping segments', () => {
    expect(
      recordIssues({
        ...consultation,
        segments: [
          { start: '2025-03-14T09:00:00+01:00', end: '2025-03-14T09:12:00+01:00' },
          { start: '2025-03-14T09:10:00+01:00', end: '2025-03-14T09:25:00+01:00' },
        ],
      }),
    ).toEqual([
      { path: 'segments.1', message: 'Each segment must lie between the start and end of the consultation' },
      { path: 'segments.1.start', message: 'Segments must be in order and must not overlap' },
    ]);
  });

  it('rejects a segment ending before it starts', () => {
    const segments = [{ start: '2025-03-14T09:10:00+01:00', end: '2025-03-14T09:05:00+01:00' }];
    expect(recordIssues({ ...consultation, segments })).toEqual([
      { path: 'segments.0.end', message: 'Segment end must not be before segment start' },
    ]);
  });

  it('rejects a duration longer than the session', () => {
    expect(recordIssues({ ...consultation, durationSeconds: 1_500 })).toEqual([
      { path: 'durationSeconds', message: 'Duration must not be longer than the time between start and end' },
    ]);
  });
});
