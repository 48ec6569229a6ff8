import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { ageOn, prescriptionFileName, prescriptionPdf } from './prescription-pdf.ts';

const dir = mkdtempSync(join(tmpdir(), 'carnet-rx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prescription PDF', () => {
  it('renders to PNG and names the practitioner, the patient and every item', async () => {
    const bytes = await prescriptionPdf({
      entry: {
        kind: 'practitioner-entry',
        schemaVersion: 1,
        entryType: 'prescription',
        title: 'Ordonnance',
        practitioner: {
          name: 'Dr Alice Martin',
          profession: 'Médecin généraliste',
          specialty: 'Médecine du sport',
          professionalId: '10001234567',
          idSelfDeclared: true,
        },
        createdAt: '2026-11-23T10:00:00.000Z',
        items: [
          { medication: 'Amoxicilline 1 g', dosage: '1 comprimé matin et soir', duration: '6 jours' },
          {
            medication: 'Paracétamol 500 mg',
            dosage: '2 comprimés si douleur',
            duration: '5 jours',
            quantity: '1 boîte',
          },
        ],
      },
      patientName: 'Camille Durand',
      patientAge: 42,
      place: 'Lyon',
      locale: 'fr',
    });
    const pdf = join(dir, 'rx.pdf');
    writeFileSync(pdf, bytes);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Dr Alice Martin',
      'Médecin généraliste',
      '10001234567 (déclaré par le praticien)',
      'Patient : Camille Durand, 42 ans',
      'Fait à Lyon, le 23 novembre 2026',
      '1. Amoxicilline 1 g',
      '2. Paracétamol 500 mg',
      'ORDONNANCE',
      'Signature',
    ]) {
      expect(text).toContain(expected);
    }
    execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', pdf, join(dir, 'rx')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'rx.png')));
    expect(png.width).toBeGreaterThan(300);
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] ?? 255) < 128) dark++;
    // Text and the signature line are drawn: a blank page would have no dark pixels.
    expect(dark).toBeGreaterThan(500);
  });

  it('in English: English punctuation, and œ kept', async () => {
    const bytes = await prescriptionPdf({
      entry: {
        kind: 'practitioner-entry',
        schemaVersion: 1,
        entryType: 'prescription',
        title: 'Prescription',
        practitioner: {
          name: 'Dr Alice Martin',
          profession: 'General practitioner',
          professionalId: '10001234567',
          idSelfDeclared: true,
        },
        createdAt: '2026-11-23T10:00:00.000Z',
        items: [
          { medication: 'Furosémide 40 mg', dosage: '1 tablet each morning (œdème)', duration: '7 days' },
        ],
      },
      patientName: 'Camille Durand',
      patientAge: 42,
      place: 'Lyon',
      locale: 'en',
    });
    const pdf = join(dir, 'rx-en.pdf');
    writeFileSync(pdf, bytes);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Professional ID: 10001234567 (self-declared)',
      'Patient: Camille Durand, 42 years',
      'Issued in Lyon on 23 November 2026',
      '(œdème)',
      'PRESCRIPTION',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(' : ');
    // Nothing French in an English document: no "Fait à", nor its word-for-word "Done at".
    for (const mixed of ['Done at', 'Fait', 'ORDONNANCE', ' le ', ' ans']) expect(text).not.toContain(mixed);
    expect(prescriptionFileName('en', '2026-11-23T10:00:00.000Z')).toBe('prescription-2026-11-23.pdf');
    expect(prescriptionFileName('fr', '2026-11-23T10:00:00.000Z')).toBe('ordonnance-2026-11-23.pdf');
  });

  it('computes the age on a date', () => {
    expect(ageOn('1984-03-12', new Date('2026-03-11T12:00:00Z'))).toBe(41);
    expect(ageOn('1984-03-12', new Date('2026-03-12T12:00:00Z'))).toBe(42);
    expect(ageOn(null, new Date())).toBeNull();
  });
});
