/**
 * Pure helpers for the documents screen: sizes in the reader's locale, which files can be
 * previewed and how, and the order of the list. No DOM, no storage.
 */
import type { DocumentRecord } from '../../../../shared/schema/document.ts';
import type { RecordEntry } from '../../records/record-service.ts';

const KIB = 1024;
const MIB = 1024 * 1024;

/**
 * "1.2 MB" / "1,2 Mo". Binary multiples, like the 20 MB (20 × 1024 × 1024 bytes) limit, so a file
 * at the limit is shown as "20 MB".
 */
export function formatFileSize(bytes: number, locale: string): string {
  const format = (value: number, unit: string, unitDisplay: 'short' | 'long' = 'short') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay, maximumFractionDigits: 1 }).format(
      value,
    );
  if (bytes < KIB) return format(bytes, 'byte', 'long');
  if (bytes < MIB) return format(bytes / KIB, 'kilobyte');
  return format(bytes / MIB, 'megabyte');
}

export type PreviewKind = 'image' | 'pdf';

// Raster formats browsers decode in <img>. SVG is left out: it is a document that can carry
// script, and a download is all it needs.
const IMAGE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
]);

export function previewKind(mediaType: string): PreviewKind | null {
  const type = mediaType.toLowerCase();
  if (IMAGE_TYPES.has(type)) return 'image';
  if (type === 'application/pdf') return 'pdf';
  return null;
}

/**
 * The type given to a preview's blob. It comes from the allow-list above, never straight from the
 * stored metadata, so a record cannot make the browser render decrypted bytes as HTML.
 */
export function previewBlobType(mediaType: string): string | null {
  const kind = previewKind(mediaType);
  if (kind === 'pdf') return 'application/pdf';
  return kind === 'image' ? mediaType.toLowerCase() : null;
}

// The schema's rule (RFC 6838 type/subtype, no parameters); anything else is stored as bytes.
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** The browser's idea of a file's type, if it is one the record schema accepts. */
export function mediaTypeOf(file: { readonly type: string }): string {
  const type = file.type.toLowerCase();
  return MEDIA_TYPE.test(type) ? type : 'application/octet-stream';
}

/** A short label for the file's type: its extension ("PDF", "DOCX"), else a simple subtype. */
export function fileTypeLabel(fileName: string, mediaType: string): string {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1];
  if (extension) return extension.toUpperCase();
  const subtype = mediaType.toLowerCase().split('/')[1] ?? '';
  return /^[a-z0-9]{1,8}$/.test(subtype) ? subtype.toUpperCase() : '';
}

/** A record entry known to hold a document (its metadata decrypted and valid). */
export type DocumentEntry = RecordEntry & { readonly record: DocumentRecord };

function isDocument(entry: RecordEntry): entry is DocumentEntry {
  return entry.record?.kind === 'document';
}

/**
 * The profile's documents, newest date first, then the latest synced, then by title. The entries
 * are the store's own objects, so a list keyed on them keeps each item (and its open preview)
 * when another document is added or removed.
 */
export function documentsOf(entries: readonly RecordEntry[]): DocumentEntry[] {
  return entries
    .filter(isDocument)
    .sort(
      (a, b) =>
        b.record.date.localeCompare(a.record.date) ||
        b.updatedAt - a.updatedAt ||
        a.record.title.localeCompare(b.record.title),
    );
}

/** Today as YYYY-MM-DD in the device's time zone (the date the patient sees on their calendar). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
