/**
 * A practitioner's prescription as a PDF laid out like a French "ordonnance": the practitioner's
 * block (name, profession, specialty, identifier marked self-declared) top left, the patient's name
 * and age, the place and date ("Fait à … le …"; in English "Issued in … on …", never a French
 * turn of phrase in an English document), numbered items, and a signature line. pdf-lib with
 * the standard Helvetica font (WinAnsi): characters outside it are replaced, never dropped silently.
 */
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import type { PractitionerEntry } from '../../../shared/schema/practitioner-entry.ts';

type Prescription = Extract<PractitionerEntry, { entryType: 'prescription' }>;

export interface PrescriptionPdfInput {
  readonly entry: Prescription;
  readonly patientName: string;
  readonly patientAge: number | null;
  readonly place: string;
  readonly locale: 'en' | 'fr';
}

const TEXT = {
  fr: {
    id: 'N° professionnel',
    colon: ' : ',
    self: '(déclaré par le praticien)',
    patient: 'Patient',
    age: 'ans',
    placeAndDate: (place: string, date: string) => `Fait à ${place}, le ${date}`,
    file: 'ordonnance',
    sign: 'Signature',
    title: 'ORDONNANCE',
    verified: 'Signée électroniquement (Ed25519) via Carnet',
  },
  en: {
    id: 'Professional ID',
    colon: ': ',
    self: '(self-declared)',
    patient: 'Patient',
    age: 'years',
    placeAndDate: (place: string, date: string) => `Issued in ${place} on ${date}`,
    file: 'prescription',
    sign: 'Signature',
    title: 'PRESCRIPTION',
    verified: 'Electronically signed (Ed25519) via Carnet',
  },
} as const;

function winAnsi(text: string): string {
  // Helvetica's WinAnsi covers Latin-1, œ/Œ (cœur, œdème) and a few punctuation marks; anything
  // else would throw.
  return text.replace(
    /[^\u0020-\u007e\u00a0-\u00ff\u0152\u0153\u2013\u2014\u2019\u201c\u201d\u2026\u20ac]/g,
    '?',
  );
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of winAnsi(text).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export async function prescriptionPdf(input: PrescriptionPdfInput): Promise<Uint8Array> {
  const t = TEXT[input.locale];
  const doc = await PDFDocument.create();
  doc.setTitle(`${t.title} — ${winAnsi(input.patientName)}`);
  doc.setCreator('Carnet');
  const page = doc.addPage([595.28, 841.89]); // A4
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const left = 56;
  const width = 595.28 - 2 * left;
  let y = 780;
  const write = (text: string, options: { size?: number; font?: PDFFont; x?: number } = {}) => {
    const size = options.size ?? 11;
    for (const line of wrap(text, options.font ?? regular, size, width - ((options.x ?? left) - left))) {
      page.drawText(line, {
        x: options.x ?? left,
        y,
        size,
        font: options.font ?? regular,
        color: rgb(0, 0, 0),
      });
      y -= size * 1.4;
    }
  };
  const who = input.entry.practitioner;
  write(who.name, { size: 14, font: bold });
  write(who.profession);
  if (who.specialty) write(who.specialty);
  if (who.professionalId) write(`${t.id}${t.colon}${who.professionalId} ${t.self}`, { size: 10 });
  y -= 18;
  const date = new Date(input.entry.createdAt);
  const dateText = date.toLocaleDateString(input.locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  write(t.placeAndDate(input.place, dateText), { x: 320 });
  y -= 12;
  const age = input.patientAge === null ? '' : `, ${input.patientAge} ${t.age}`;
  write(`${t.patient}${t.colon}${input.patientName}${age}`, { font: bold });
  y -= 18;
  write(t.title, { size: 13, font: bold });
  y -= 6;
  input.entry.items.forEach((item, index) => {
    write(`${index + 1}. ${item.medication}`, { font: bold });
    write(`${item.dosage} — ${item.duration}${item.quantity ? ` — ${item.quantity}` : ''}`, { x: left + 16 });
    y -= 6;
  });
  if (input.entry.body) {
    y -= 6;
    write(input.entry.body, { size: 10 });
  }
  y = Math.min(y - 30, 170);
  page.drawLine({ start: { x: 320, y }, end: { x: 320 + 200, y }, thickness: 0.8, color: rgb(0, 0, 0) });
  y -= 14;
  write(t.sign, { x: 320, size: 10 });
  write(t.verified, { x: 320, size: 8 });
  return doc.save();
}

/** The downloaded file's name, in the document's language. */
export function prescriptionFileName(locale: 'en' | 'fr', createdAt: string): string {
  return `${TEXT[locale].file}-${createdAt.slice(0, 10)}.pdf`;
}

export function ageOn(dateOfBirth: string | null, on: Date): number | null {
  if (!dateOfBirth) return null;
  const birth = new Date(`${dateOfBirth.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(birth.getTime())) return null;
  let age = on.getUTCFullYear() - birth.getUTCFullYear();
  const before =
    on.getUTCMonth() < birth.getUTCMonth() ||
    (on.getUTCMonth() === birth.getUTCMonth() && on.getUTCDate() < birth.getUTCDate());
  if (before) age -= 1;
  return age;
}
