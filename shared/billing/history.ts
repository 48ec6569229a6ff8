/**
 * A practitioner's billing history from the consultation summaries kept in their encrypted log
 * (shared/schema/consultation.ts, `patientAlias` set by the host): filters by month and patient
 * alias, and totals per month. Months are calendar months in the viewer's time zone. Pure.
 */

import type { Consultation } from '../schema/consultation.ts';
import { wallClock } from '../time/zoned-time.ts';

export interface BilledConsultation {
  readonly id: string;
  readonly consultation: Consultation;
}

export interface HistoryFilter {
  /** `YYYY-MM`, or empty for every month. */
  readonly month?: string;
  /** Case- and accent-insensitive part of the patient's alias, or empty. */
  readonly alias?: string;
}

export interface MonthTotal {
  readonly month: string;
  readonly count: number;
  readonly billedCount: number;
  readonly amountCents: number;
  readonly connectedSeconds: number;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** `YYYY-MM` of the consultation's start in `timeZone`. */
export function monthOf(iso: string, timeZone: string): string {
  const clock = wallClock(Date.parse(iso), timeZone);
  return `${String(clock.year).padStart(4, '0')}-${String(clock.month).padStart(2, '0')}`;
}

/** The consultations this account billed as host, newest first, filtered. */
export function billingHistory(
  items: readonly BilledConsultation[],
  filter: HistoryFilter,
  timeZone: string,
): BilledConsultation[] {
  const alias = fold(filter.alias?.trim() ?? '');
  return items
    .filter((i) => i.consultation.patientAlias !== undefined)
    .filter((i) => !filter.month || monthOf(i.consultation.startedAt, timeZone) === filter.month)
    .filter((i) => !alias || fold(i.consultation.patientAlias ?? '').includes(alias))
    .sort((a, b) => Date.parse(b.consultation.startedAt) - Date.parse(a.consultation.startedAt));
}

/** Totals per month, newest month first. */
export function monthlyTotals(items: readonly BilledConsultation[], timeZone: string): MonthTotal[] {
  const totals = new Map<
    string,
    { count: number; billedCount: number; amountCents: number; connectedSeconds: number }
  >();
  for (const { consultation: c } of items) {
    const month = monthOf(c.startedAt, timeZone);
    const total = totals.get(month) ?? { count: 0, billedCount: 0, amountCents: 0, connectedSeconds: 0 };
    total.count += 1;
    if (c.billable) total.billedCount += 1;
    total.amountCents += c.amountCents;
    total.connectedSeconds += c.durationSeconds;
    totals.set(month, total);
  }
  return [...totals.entries()]
    .map(([month, t]) => ({ month, ...t }))
    .sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
}
