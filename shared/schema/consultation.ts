/**
 * The summary of a teleconsultation (docs/architecture.md §10), saved in the patient's record and the
 * practitioner's log. Amounts are computed by `shared/billing`; this schema only checks that the
 * summary is coherent (times in order, segments inside the session, nothing billed when not billable).
 */

import {
  flag,
  group,
  instant,
  integerIn,
  isoDateTime,
  messages,
  schemaVersion,
  TEXT_MAX,
  text,
} from './common.ts';
import { z } from './zod.ts';

export const MIN_HOURLY_RATE_CENTS = 3_000;
export const MAX_HOURLY_RATE_CENTS = 9_000;

const segmentSchema = group('Segment', {
  start: isoDateTime('Segment start'),
  end: isoDateTime('Segment end'),
}).refine((s) => instant(s.end) >= instant(s.start), {
  path: ['end'],
  message: 'Segment end must not be before segment start',
});

export const consultationSchema = z
  .strictObject({
    kind: z.literal('consultation'),
    schemaVersion,
    practitionerName: text('Practitioner name'),
    startedAt: isoDateTime('Start time'),
    endedAt: isoDateTime('End time'),
    /** Connected stretches; a reconnect within the grace period starts a new one. */
    segments: z
      .array(segmentSchema, { error: messages('Segments', 'Segments must be a list') })
      .max(500, 'Too many segments'),
    durationSeconds: integerIn('Duration', 0, 7 * 24 * 3600),
    billable: flag('Billable'),
    amountCents: integerIn('Amount', 0, 100_000_000),
    currency: z.literal('EUR', { error: messages('Currency', 'Currency must be EUR') }),
    hourlyRateCents: z
      .int({ error: messages('Hourly rate', 'Hourly rate must be a whole number of cents') })
      .min(MIN_HOURLY_RATE_CENTS, 'Hourly rate must be between 30 € and 90 €')
      .max(MAX_HOURLY_RATE_CENTS, 'Hourly rate must be between 30 € and 90 €'),
    note: text('Note', TEXT_MAX.medium).optional(),
    /** Host side only: the name the patient gave when knocking, so the host's log is a billing history. */
    patientAlias: text('Patient alias').optional(),
  })
  .superRefine((c, ctx) => {
    const started = instant(c.startedAt);
    const ended = instant(c.endedAt);
    if (ended < started) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'End time must not be before start time' });
      return;
    }
    c.segments.forEach((segment, i) => {
      if (instant(segment.start) < started || instant(segment.end) > ended) {
        ctx.addIssue({
          code: 'custom',
          path: ['segments', i],
          message: 'Each segment must lie between the start and end of the consultation',
        });
      }
      const previous = c.segments[i - 1];
      if (previous !== undefined && instant(segment.start) < instant(previous.end)) {
        ctx.addIssue({
          code: 'custom',
          path: ['segments', i, 'start'],
          message: 'Segments must be in order and must not overlap',
        });
      }
    });
    // One second of slack: durations are rounded from millisecond timestamps.
    if (c.durationSeconds > Math.ceil((ended - started) / 1000) + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['durationSeconds'],
        message: 'Duration must not be longer than the time between start and end',
      });
    }
    if (!c.billable && c.amountCents !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountCents'],
        message: 'Amount must be 0 for a consultation that is not billable',
      });
    }
  });

export type Consultation = z.infer<typeof consultationSchema>;
