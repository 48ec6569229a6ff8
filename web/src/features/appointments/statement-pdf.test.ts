import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consultationSummary } from '../../../../shared/billing/consultation-summary.ts';
import { type BilledConsultation, monthlyTotals } from '../../../../shared/billing/history.ts';
import { statementPdf } from './statement-pdf.ts';

function billed(start: string, minutes: number, alias: string): BilledConsultation {
  const startedAt = Date.parse(start);
  const endedAt = startedAt + minutes * 60_000;
  const c = consultationSummary({
    practitionerName: 'Dr Hugo Lambert',
    startedAt,
    endedAt,
    segments: [{ start: startedAt, end: endedAt }],
    hourlyRateCents: 6_000,
  });
  return { id: start, consultation: { ...c, patientAlias: alias } };
}

describe('statement PDF', () => {
  it('lists the month’s consultations and its total, as pdftotext reads it', async () => {
    const items = [
      billed('2026-01-05T09:00:00Z', 30, 'Camille Roux'),
      billed('2026-01-12T09:00:00Z', 15, 'Zoé Martin'),
    ];
    const bytes = await statementPdf(items, monthlyTotals(items, 'UTC')[0] ?? null, {
      title: 'Teleconsultation statement, January 2026',
      practitioner: 'Dr Hugo Lambert',
      columns: ['Date', 'Patient', 'Connected', 'Amount'],
      total: 'Total',
      empty: 'No consultations.',
      formatDate: (iso) => iso.slice(0, 10),
      formatDuration: (s) => `${Math.floor(s / 60)} min`,
      formatAmount: (cents) => `${(cents / 100).toFixed(2)} €`,
    });
    const dir = mkdtempSync(join(tmpdir(), 'carnet-statement-'));
    try {
      const file = join(dir, 'statement.pdf');
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      expect(text).toContain('Teleconsultation statement, January 2026');
      expect(text).toContain('Dr Hugo Lambert');
      expect(text).toMatch(/2026-01-05\s+Camille Roux\s+30 min\s+30\.00 €/);
      expect(text).toMatch(/2026-01-12\s+Zoé Martin\s+15 min\s+15\.00 €/);
      expect(text).toMatch(/Total\s+45 min\s+45\.00 €/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
