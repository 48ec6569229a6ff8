import { describe, expect, it } from 'vitest';
import { consultationSchema } from '../schema/consultation.ts';
import { consultationSummary } from './consultation-summary.ts';
import { type BilledConsultation, billingHistory, monthlyTotals, monthOf } from './history.ts';

function billed(id: string, start: string, minutes: number, alias?: string): BilledConsultation {
  const startedAt = Date.parse(start);
  const endedAt = startedAt + minutes * 60_000;
  const summary = consultationSummary({
    practitionerName: 'Dr Martin',
    startedAt,
    endedAt,
    segments: [{ start: startedAt, end: endedAt }],
    hourlyRateCents: 6_000,
  });
  return {
    id,
    consultation: alias === undefined ? summary : { ...summary, note: alias, patientAlias: alias },
  };
}

const items = [
  billed('a', '2026-01-05T09:00:00Z', 30, 'Léa Dupont'),
  billed('b', '2026-01-20T09:00:00Z', 2, 'Marc'),
  billed('c', '2026-02-01T09:00:00Z', 60, 'Lea'),
  // 31 January 23:30 UTC is already 1 February in Paris.
  billed('d', '2026-01-31T23:30:00Z', 10, 'Zoé'),
  // A consultation as patient: not in the billing history.
  billed('e', '2026-01-10T09:00:00Z', 30),
];

describe('billing history', () => {
  it('keeps the host-side summaries, newest first, and filters by month in the viewer’s zone', () => {
    expect(billingHistory(items, {}, 'Europe/Paris').map((i) => i.id)).toEqual(['c', 'd', 'b', 'a']);
    expect(billingHistory(items, { month: '2026-01' }, 'Europe/Paris').map((i) => i.id)).toEqual(['b', 'a']);
    expect(billingHistory(items, { month: '2026-01' }, 'UTC').map((i) => i.id)).toEqual(['d', 'b', 'a']);
    expect(monthOf('2026-01-31T23:30:00Z', 'Europe/Paris')).toBe('2026-02');
  });

  it('filters by alias, ignoring case and accents', () => {
    expect(billingHistory(items, { alias: 'LEA' }, 'UTC').map((i) => i.id)).toEqual(['c', 'a']);
    expect(
      billingHistory(items, { alias: 'zoe', month: '2026-02' }, 'Europe/Paris').map((i) => i.id),
    ).toEqual(['d']);
  });

  it('totals each month: count, billed, amount, connected time', () => {
    const history = billingHistory(items, {}, 'Europe/Paris');
    expect(monthlyTotals(history, 'Europe/Paris')).toEqual([
      // 60 min at 60 €/h = 60 €, 10 min = 10 €.
      { month: '2026-02', count: 2, billedCount: 2, amountCents: 7_000, connectedSeconds: 4_200 },
      // 30 min = 30 €; 2 min is technically unrealized (≤ 3 min): 0.
      { month: '2026-01', count: 2, billedCount: 1, amountCents: 3_000, connectedSeconds: 1_920 },
    ]);
  });

  it('the alias is part of the consultation schema, for the host side only', () => {
    expect(consultationSchema.safeParse(items[0]?.consultation).success).toBe(true);
    expect(consultationSchema.safeParse({ ...items[0]?.consultation, patientAlias: '' }).success).toBe(false);
  });
});
