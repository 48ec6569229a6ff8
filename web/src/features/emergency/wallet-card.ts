/**
 * The printable wallet card (pdf-lib): an A4 page with a credit-card-size card to cut out and
 * fold. Front: name, essentials and the link QR; back: the plain-text QR and the contacts. Both
 * QR codes are drawn as vector squares from the same matrix as on screen.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { EMERGENCY_LABELS } from '../../../../shared/emergency/labels.ts';
import type { EmergencyProfile } from '../../../../shared/emergency/profile.ts';
import { CARD_LABELS } from './card-labels.ts';
import { cardLines, wrap } from './card-lines.ts';
import type { FittedCodes } from './fitted-codes.ts';
import { darkRuns, QUIET_ZONE, qrMatrix } from './qr-matrix.ts';

const MM = 72 / 25.4;
const CARD_W = 85.6 * MM;
const CARD_H = 53.98 * MM;
const RED = rgb(0.545, 0, 0);

function drawQr(page: PDFPage, text: string, x: number, y: number, side: number): void {
  const matrix = qrMatrix(text);
  const unit = side / (matrix.size + 2 * QUIET_ZONE);
  const top = y + side;
  for (const [mx, my, length] of darkRuns(matrix)) {
    page.drawRectangle({
      x: x + mx * unit,
      y: top - (my + 1) * unit,
      width: length * unit,
      height: unit,
      color: rgb(0, 0, 0),
    });
  }
}

/** Standard PDF fonts know only Windows-1252: anything else is shown as "?" rather than failing. */
function printable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return [...text].map((c) => (known.has(c.codePointAt(0) ?? 0) ? c : '?')).join('');
}

export async function walletCardPdf(
  profile: EmergencyProfile,
  codes: FittedCodes,
  today: string,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${EMERGENCY_LABELS[profile.language].title} – ${profile.name}`);
  pdf.setCreator('Carnet');
  const page = pdf.addPage([595.28, 841.89]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const l = EMERGENCY_LABELS[profile.language];
  const left = (595.28 - 2 * CARD_W) / 2;
  const bottom = 841.89 - 40 * MM - CARD_H;

  // Cut outline around both halves, fold line between them.
  page.drawRectangle({
    x: left,
    y: bottom,
    width: 2 * CARD_W,
    height: CARD_H,
    borderColor: rgb(0.4, 0.4, 0.4),
    borderWidth: 0.5,
    borderDashArray: [3, 3],
  });
  page.drawLine({
    start: { x: left + CARD_W, y: bottom },
    end: { x: left + CARD_W, y: bottom + CARD_H },
    thickness: 0.5,
    color: rgb(0.6, 0.6, 0.6),
    dashArray: [1, 2],
  });

  // Front.
  const pad = 3 * MM;
  page.drawRectangle({ x: left, y: bottom + CARD_H - 7 * MM, width: CARD_W, height: 7 * MM, color: RED });
  page.drawText(printable(bold, l.title), {
    x: left + pad,
    y: bottom + CARD_H - 5 * MM,
    size: 6.5,
    font: bold,
    color: rgb(1, 1, 1),
  });
  const caption = CARD_LABELS[profile.language];
  // Each code sits above a caption saying what it does, inside the card.
  const captionSize = 5.5;
  const drawCaption = (text: string, x: number, width: number) => {
    const shown = printable(bold, text);
    const w = bold.widthOfTextAtSize(shown, captionSize);
    page.drawText(shown, {
      x: x + Math.max(0, (width - w) / 2),
      y: bottom + 1.5 * MM,
      size: captionSize,
      font: bold,
    });
  };
  const qrSide = CARD_H - 12 * MM;
  const qrLeft = left + CARD_W - qrSide - 1 * MM;
  drawQr(page, codes.link.text, qrLeft, bottom + 4 * MM, qrSide);
  drawCaption(caption.linkCode, qrLeft, qrSide);
  const textWidth = CARD_W - qrSide - pad - 2 * MM;
  let y = bottom + CARD_H - 11 * MM;
  page.drawText(printable(bold, profile.name), {
    x: left + pad,
    y,
    size: 9,
    font: bold,
    maxWidth: textWidth,
  });
  y -= 9;
  for (const line of cardLines(codes.link.profile, today)) {
    for (const piece of wrap(printable(font, line), textWidth, (s) => font.widthOfTextAtSize(s, 6))) {
      if (y < bottom + 3 * MM) break;
      page.drawText(piece, { x: left + pad, y, size: 6, font });
      y -= 7;
    }
  }

  // Back: the plain-text QR and who to call.
  const backLeft = left + CARD_W;
  const backQr = CARD_H - 5 * MM;
  drawQr(page, codes.plain.text, backLeft + 1 * MM, bottom + 4 * MM, backQr);
  drawCaption(caption.textCode, backLeft + 1 * MM, backQr);
  let by = bottom + CARD_H - 6 * MM;
  const backText = CARD_W - backQr - 4 * MM;
  page.drawText(printable(bold, l.contacts), { x: backLeft + backQr + 2 * MM, y: by, size: 7, font: bold });
  by -= 9;
  for (const c of profile.contacts) {
    const who = `${c.name}${c.relationship ? ` (${c.relationship})` : ''}`;
    const pieces = wrap(printable(font, who), backText, (s) => font.widthOfTextAtSize(s, 6));
    // The number on a line of its own: a phone number broken over two lines gets misdialled.
    for (const [piece, face] of [
      ...pieces.map((p) => [p, font] as const),
      [printable(bold, c.phone), bold] as const,
    ]) {
      if (by < bottom + 7 * MM) break;
      page.drawText(piece, { x: backLeft + backQr + 2 * MM, y: by, size: 6, font: face });
      by -= 7;
    }
    by -= 2;
  }
  // On the card itself (not below the cut line, where it would be cut off).
  page.drawText(printable(font, `${l.updated}: ${l.date(profile.updatedOn)}`), {
    x: backLeft + backQr + 2 * MM,
    y: bottom + 3 * MM,
    size: 5.5,
    font,
    color: rgb(0.25, 0.25, 0.25),
  });
  return pdf.save();
}
