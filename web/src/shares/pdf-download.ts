/** Builds a prescription PDF on demand (pdf-lib loads then) and downloads it. */
import type { PractitionerEntry } from '../../../shared/schema/practitioner-entry.ts';

type Prescription = Extract<PractitionerEntry, { entryType: 'prescription' }>;

export async function downloadPrescription(options: {
  entry: Prescription;
  patientName: string;
  dateOfBirth: string | null;
  place: string;
  locale: 'en' | 'fr';
}): Promise<void> {
  const { ageOn, prescriptionFileName, prescriptionPdf } = await import('./prescription-pdf.ts');
  const bytes = await prescriptionPdf({
    entry: options.entry,
    patientName: options.patientName,
    patientAge: ageOn(options.dateOfBirth, new Date(options.entry.createdAt)),
    place: options.place,
    locale: options.locale,
  });
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = prescriptionFileName(options.locale, options.entry.createdAt);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
