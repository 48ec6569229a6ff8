/**
 * The printable health summary: the IPS Bundle `exportIps` made, laid out on A4 with pdf-lib. Every
 * section of the Composition in its order (the IPS order: problems, allergies, medications, then
 * the others), its title and its narrative's lines, so the PDF says exactly what the FHIR file says.
 * The patient's name, date of birth and the date of the summary head the first page; every page
 * has the name and "page n of m". Standard Helvetica (WinAnsi): characters outside it become "?",
 * never dropped silently.
 */
import type { Bundle, Composition, Patient } from '@medplum/fhirtypes';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { narrativeText } from '../../../../shared/fhir/narrative.ts';

export interface SummaryPdfText {
  readonly title: string;
  readonly born: string;
  readonly madeOn: string;
  readonly disclaimer: string;
  /** `page {{ n }} of {{ m }}`, with the numbers put in by the caller's translator. */
  readonly page: (n: number, m: number) => string;
  readonly formatDate: (value: string) => string;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const WIDTH = A4[0] - 2 * MARGIN;
const BOTTOM = 64;

function winAnsi(text: string): string {
  return text.replace(
    /[^\u0020-\u007e\u00a0-\u00ff\u0152\u0153\u2013\u2014\u2019\u201c\u201d\u2026\u20ac]/g,
    '?',
  );
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of winAnsi(text).split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function patientName(patient: Patient | undefined): string {
  const name = patient?.name?.[0];
  if (!name) return '';
  return name.text ?? [...(name.given ?? []), name.family ?? ''].join(' ').trim();
}

export async function summaryPdf(bundle: Bundle, text: SummaryPdfText): Promise<Uint8Array> {
  const resources = (bundle.entry ?? []).map((e) => e.resource);
  const composition = resources.find((r): r is Composition => r?.resourceType === 'Composition');
  const patient = resources.find((r): r is Patient => r?.resourceType === 'Patient');
  if (!composition) throw new Error('A summary Bundle starts with its Composition');
  const name = patientName(patient);

  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(`${text.title} — ${name}`));
  doc.setCreator('Carnet');
  doc.setLanguage(composition.language ?? 'en');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;

  const newPage = () => {
    page = doc.addPage(A4);
    y = A4[1] - MARGIN;
  };
  const write = (
    value: string,
    options: { size?: number; font?: PDFFont; indent?: number; gap?: number } = {},
  ) => {
    const size = options.size ?? 10.5;
    const font = options.font ?? regular;
    const indent = options.indent ?? 0;
    for (const line of wrap(value, font, size, WIDTH - indent)) {
      if (y - size < BOTTOM) newPage();
      page.drawText(line, { x: MARGIN + indent, y: y - size, size, font, color: rgb(0, 0, 0) });
      y -= size * 1.35;
    }
    y -= options.gap ?? 0;
  };

  write(text.title, { size: 18, font: bold, gap: 4 });
  write(name, { size: 14, font: bold });
  if (patient?.birthDate) write(`${text.born} ${text.formatDate(patient.birthDate)}`);
  if (composition.date) write(`${text.madeOn} ${text.formatDate(composition.date.slice(0, 10))}`);
  write(text.disclaimer, { size: 9, gap: 10 });

  for (const section of composition.section ?? []) {
    // A heading never sits alone at the foot of a page.
    if (y - 60 < BOTTOM) newPage();
    y -= 6;
    page.drawLine({
      start: { x: MARGIN, y },
      end: { x: MARGIN + WIDTH, y },
      thickness: 0.6,
      color: rgb(0.06, 0.36, 0.34),
    });
    y -= 6;
    write(section.title ?? '', { size: 13, font: bold, gap: 2 });
    const body = narrativeText(section.text?.div ?? '');
    for (const line of body.split('\n').filter((l) => l.trim() !== '')) {
      if (section.text?.div.includes('<li>')) {
        if (y - 12 < BOTTOM) newPage();
        page.drawText('•', { x: MARGIN + 2, y: y - 10.5, size: 10.5, font: regular });
        write(line, { indent: 14 });
      } else write(line);
    }
  }

  const pages = doc.getPages();
  pages.forEach((p, index) => {
    const footer = winAnsi(`${name} — ${text.page(index + 1, pages.length)}`);
    p.drawText(footer, { x: MARGIN, y: 32, size: 8.5, font: regular, color: rgb(0.28, 0.32, 0.31) });
  });
  return doc.save();
}
