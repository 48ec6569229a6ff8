/**
 * The summary saved after a call (a `consultation` record, shared/schema/consultation.ts), built
 * from the connected stretches and the rate. Pure: the caller passes the times.
 */

import { RECORD_SCHEMA_VERSION } from '../schema/common.ts';
import type { Consultation } from '../schema/consultation.ts';
import { billSession, type Segment } from './bill-session.ts';

export interface SummaryInput {
  readonly practitionerName: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly segments: readonly Segment[];
  readonly hourlyRateCents: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function consultationSummary(input: SummaryInput): Consultation {
  const bill = billSession(input.segments, input.hourlyRateCents);
  return {
    kind: 'consultation',
    schemaVersion: RECORD_SCHEMA_VERSION,
    practitionerName: input.practitionerName,
    startedAt: iso(input.startedAt),
    endedAt: iso(Math.max(input.endedAt, input.startedAt)),
    segments: input.segments.map((s) => ({ start: iso(s.start), end: iso(s.end) })),
    // Floor: the schema allows no more than the wall-clock time between start and end.
    durationSeconds: Math.floor(bill.connectedMs / 1000),
    billable: bill.billable,
    amountCents: bill.amountCents,
    currency: 'EUR',
    hourlyRateCents: bill.hourlyRateCents,
  };
}
