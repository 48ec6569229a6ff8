/**
 * A profile's record out as a FHIR R4 International Patient Summary, and a FHIR Bundle in: the
 * screens' logic, on the app store's own actions (so every write is sealed and synced as any other).
 * An import writes in one step: if any write fails, what was written is taken back; `undoImport`
 * removes exactly what an import added.
 */
import type { Bundle } from '@medplum/fhirtypes';
import {
  exportIps,
  type ImportPreview,
  type ImportResult,
  importFhir,
  type SectionKey,
  type Validate,
} from '../../../../shared/fhir/index.ts';
import { DOCUMENT_CATEGORIES, type DocumentRecord } from '../../../../shared/schema/document.ts';
import type { ClinicalRecord } from '../../../../shared/schema/record.ts';
import { AppError } from '../../core/app-error.ts';
import { newId } from '../../core/ids.ts';
import type { AppStore } from '../../store/app-store.ts';
import { isConflictCopy } from '../../sync/conflict-copy.ts';

/**
 * Kinds an IPS does not carry: the emergency profile (it has its own code), call summaries and the
 * sessions logged against a home exercise programme (follow-up, shown through a share instead).
 */
export const NOT_EXPORTED = ['emergency-profile', 'consultation', 'exercise-session'] as const;

export type ExchangeApp = Pick<
  AppStore,
  'activeProfile' | 'profileRecords' | 'addRecord' | 'addDocument' | 'deleteRecord' | 'readDocument'
>;

export interface ExportChoice {
  readonly sections: readonly SectionKey[];
  /** Administrative details and emergency contacts on the Patient. */
  readonly patientDetails: boolean;
  /** The documents' files inline (base64): a larger file, readable anywhere without Carnet. */
  readonly includeFiles: boolean;
}

/** `2025-03-14T10:00:00+01:00`: the local time with its offset, as FHIR wants a document's date. */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** `carnet-summary-camille-martin-2026-12-04.json`: the person's name, ASCII, and the day. */
export function summaryFileName(name: string, now: Date, extension: 'json' | 'pdf'): string {
  const safe = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `carnet-summary-${safe || 'profile'}-${now.toISOString().slice(0, 10)}.${extension}`;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(data: string): Uint8Array {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function liveRecords(app: ExchangeApp) {
  return app.profileRecords().flatMap((e) => (e.record ? [{ id: e.id, record: e.record, entry: e }] : []));
}

/**
 * The active profile's summary as an IPS Bundle. `locale` sets the language of the section titles
 * and narratives (the profile's own language by default).
 */
export async function exportBundle(
  app: ExchangeApp,
  choice: ExportChoice,
  now: Date,
  locale?: 'en' | 'fr',
): Promise<Bundle> {
  const profile = app.activeProfile();
  if (!profile) throw new Error('No profile is open');
  // An unresolved conflicting copy is the same entry twice, one version unconfirmed: left out, as
  // from shares and the emergency profile.
  const records = liveRecords(app).filter((r) => !isConflictCopy(r.id));
  const files = new Map<string, string>();
  if (choice.includeFiles && choice.sections.includes('documents')) {
    for (const r of records) {
      if (r.record.kind === 'document') files.set(r.id, bytesToBase64(await app.readDocument(r.entry)));
    }
  }
  return exportIps({
    profile: locale ? { ...profile.profile, locale } : profile.profile,
    records: records.map(({ id, record }) => ({ id, record })),
    bundleId: newId(),
    now: localDateTime(now),
    sections: choice.sections,
    patientDetails: choice.patientDetails,
    files,
  });
}

/** The active profile's summary, as the text of a `.json` file. */
export async function exportProfile(app: ExchangeApp, choice: ExportChoice, now: Date): Promise<string> {
  return JSON.stringify(await exportBundle(app, choice, now), null, 2);
}

/** Reads and checks a file against the active profile; writes nothing. */
export function previewFile(
  app: ExchangeApp,
  bytes: Uint8Array,
  validate: Validate,
  today: string,
): ImportResult {
  const ids = new Map<number, string>();
  return importFhir(bytes, {
    validate,
    existing: liveRecords(app).map(({ id, record }) => ({ id, record })),
    today,
    newId: (index) => {
      let id = ids.get(index);
      if (id === undefined) {
        id = newId();
        ids.set(index, id);
      }
      return id;
    },
  });
}

export interface ImportOutcome {
  /** Ids of every record and document written, for `undoImport`. */
  readonly added: readonly string[];
  readonly records: number;
  readonly files: number;
}

function category(value: string): DocumentRecord['category'] {
  return (DOCUMENT_CATEGORIES as readonly string[]).includes(value)
    ? (value as DocumentRecord['category'])
    : 'other';
}

/**
 * Writes the preview's new records and files (not the duplicates, not files already stored). All or
 * nothing: a failed write takes back what this import wrote, then throws.
 */
export async function applyImport(app: ExchangeApp, preview: ImportPreview): Promise<ImportOutcome> {
  const added: string[] = [];
  let files = 0;
  try {
    for (const item of preview.files) {
      if (item.existingId) continue;
      const f = item.file;
      const entry = await app.addDocument({
        id: item.id,
        fileName: f.fileName,
        mediaType: f.mediaType,
        bytes: base64ToBytes(f.data),
        title: f.title,
        category: category(f.category),
        date: f.date ?? new Date().toISOString().slice(0, 10),
        ...(f.note ? { note: f.note } : {}),
      });
      added.push(entry.id);
      files++;
      // A Carnet export states each file's SHA-256: other bytes are not the file that was exported.
      if (f.sha256 && entry.record?.kind === 'document' && entry.record.sha256 !== f.sha256) {
        throw new AppError('tampered');
      }
    }
    for (const item of preview.toAdd) {
      const entry = await app.addRecord(linkToStored(item.record, preview));
      added.push(entry.id);
    }
  } catch (error) {
    await undoImport(app, added).catch(() => undefined);
    throw error;
  }
  return { added, records: added.length - files, files };
}

/** A directive pointing at a file already stored (same bytes) points at the stored one. */
function linkToStored(record: ClinicalRecord, preview: ImportPreview): ClinicalRecord {
  if (record.kind !== 'advance-directive' || !record.documentId) return record;
  const same = preview.files.find((f) => f.id === record.documentId && f.existingId);
  return same?.existingId ? { ...record, documentId: same.existingId } : record;
}

export async function undoImport(app: ExchangeApp, ids: readonly string[]): Promise<void> {
  for (const id of [...ids].reverse()) await app.deleteRecord(id);
}
