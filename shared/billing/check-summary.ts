/**
 * The patient's check of the summary the host sends: the host computes the bill, but the patient
 * does not take its word for it. The amount and billable flag are recomputed from the summary's own
 * segments and rate with the same rules; a summary that disagrees is corrected before it is saved.
 */
import type { Consultation } from '../schema/consultation.ts';
import { billSession } from './bill-session.ts';

export function rebilled(summary: Consultation): Consultation {
  const segments = summary.segments.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));
  const bill = billSession(segments, summary.hourlyRateCents);
  return {
    ...summary,
    billable: bill.billable,
    amountCents: bill.amountCents,
    durationSeconds: Math.min(summary.durationSeconds, Math.floor(bill.connectedMs / 1000)),
  };
}
