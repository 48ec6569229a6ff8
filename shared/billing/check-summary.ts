/**
 * The patient's check of the summary the host sends: the host computes the bill, but the patient
 * does not take its word for it (checkedSummary, below). The amount and billable flag are recomputed from the summary's own
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

/** How far the host's connected time may differ from the patient's own measure (clocks, latency). */
export const CONNECTED_TOLERANCE_MS = 5_000;

/**
 * What the patient saves, given the host's summary and the patient's own (built from the patient's
 * clock at the rate the host announced on admission). The host's figures are kept, rebilled at the
 * announced rate, when its rate is that rate and its connected time is within
 * CONNECTED_TOLERANCE_MS of the patient's own; otherwise the patient's own summary is saved, marked
 * with `disputedNote`, so the record never carries a bill the patient's device could not confirm.
 */
export function checkedSummary(host: Consultation, own: Consultation, disputedNote: string): Consultation {
  const connected = (c: Consultation) =>
    c.segments.reduce((sum, s) => sum + Date.parse(s.end) - Date.parse(s.start), 0);
  const agrees =
    host.hourlyRateCents === own.hourlyRateCents &&
    Math.abs(connected(host) - connected(own)) <= CONNECTED_TOLERANCE_MS;
  if (!agrees) return { ...own, note: disputedNote };
  return {
    ...rebilled({ ...host, hourlyRateCents: own.hourlyRateCents }),
    practitionerName: own.practitionerName,
  };
}
