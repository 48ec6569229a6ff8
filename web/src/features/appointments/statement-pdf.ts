/**
 * A month's statement for a practitioner: each consultation of the month from their encrypted log
 * (date, patient alias, connected time, amount) and the month's total, on A4 with pdf-lib. Made on
 * the device, from decrypted records; never uploaded. Standard Helvetica (WinAnsi): characters
 * outside it become "?", never dropped silently.
 */
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import type { BilledConsultation, MonthTotal } from '../../../../shared/billing/history.ts';

export interface StatementText {
  readonly title: string;
  readonly practitioner: string;
  readonly columns: readonly [date: string, patient: string, duration: string, amount: string];
  readonly total: string;
  readonly empty: string;
  readonly formatDate: (iso: string) => string;
  readonly formatDuration: (seconds: number) => string;
  readonly formatAmount: (cents: number) => string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BOTTOM = 64;
const COLUMNS = [MARGIN, MARGIN + 150, MARGIN + 320, MARGIN + 410];

function winAnsi(text: string): string {
  return text.replace(
    /[^\u0020-\u007e\u00a0-\u00ff\u0152\u0153\u2013\u2014\u2019\u201c\u201d\u2026\u20ac]/g,
    '?',
  );
}

function fitText(text: string, font: PDFFont, size: number, width: number): string {
  let out = winAnsi(text);
  while (out.length > 1 && font.widthOfTextAtSize(out, size) > width) out = `${out.slice(0, -2)}…`;
  return out;
}

export async function statementPdf(
  items: readonly BilledConsultation[],
  total: MonthTotal | null,
  text: StatementText,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(text.title));
  doc.setCreator('Carnet');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const line = (values: readonly string[], font: PDFFont, size = 10.5) => {
    if (y < BOTTOM) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
    values.forEach((value, i) => {
      const x = COLUMNS[i] ?? MARGIN;
      const width = (COLUMNS[i + 1] ?? A4[0] - MARGIN) - x - 8;
      page.drawText(fitText(value, font, size, width), { x, y, size, font, color: rgb(0, 0, 0) });
    });
    y -= size * 1.6;
  };

  page.drawText(winAnsi(text.title), { x: MARGIN, y, size: 16, font: bold });
  y -= 24;
  page.drawText(winAnsi(text.practitioner), { x: MARGIN, y, size: 11, font: regular });
  y -= 28;
  line(text.columns, bold);
  if (items.length === 0) line([text.empty], regular);
  for (const { consultation: c } of items) {
    line(
      [
        text.formatDate(c.startedAt),
        c.patientAlias ?? '',
        text.formatDuration(c.durationSeconds),
        text.formatAmount(c.amountCents),
      ],
      regular,
    );
  }
  y -= 8;
  line(
    [
      text.total,
      '',
      total ? text.formatDuration(total.connectedSeconds) : '',
      text.formatAmount(total?.amountCents ?? 0),
    ],
    bold,
  );
  return doc.save();
}
