import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../../shared/schema/document.ts';
import type { RecordEntry } from '../../records/record-service.ts';
import {
  documentsOf,
  fileTypeLabel,
  formatFileSize,
  mediaTypeOf,
  previewBlobType,
  previewKind,
  todayIso,
} from './document-files.ts';

// Intl puts a (narrow) no-break space between number and unit; compare with plain spaces.
const size = (bytes: number, locale: string) => formatFileSize(bytes, locale).replace(/\s/g, ' ');

describe('formatFileSize', () => {
  it('uses the locale’s units and separators', () => {
    expect(size(1.2 * 1024 * 1024, 'en')).toBe('1.2 MB');
    expect(size(1.2 * 1024 * 1024, 'fr')).toBe('1,2 Mo');
    expect(size(3.4 * 1024, 'en')).toBe('3.4 kB');
    expect(size(3.4 * 1024, 'fr')).toBe('3,4 ko');
  });

  it('counts bytes below a kibibyte, in words', () => {
    expect(size(599, 'en')).toBe('599 bytes');
    expect(size(599, 'fr')).toBe('599 octets');
  });

  it('shows the limit as 20 MB and a byte more as still 20 MB', () => {
    expect(size(20 * 1024 * 1024, 'en')).toBe('20 MB');
    expect(size(20 * 1024 * 1024 + 1, 'fr')).toBe('20 Mo');
  });
});

describe('previews', () => {
  it('previews raster images and PDFs only', () => {
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('IMAGE/JPEG')).toBe('image');
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('image/svg+xml')).toBeNull();
    expect(previewKind('text/html')).toBeNull();
    expect(previewKind('application/octet-stream')).toBeNull();
  });

  it('types preview blobs from the allow-list, never from arbitrary metadata', () => {
    expect(previewBlobType('application/pdf')).toBe('application/pdf');
    expect(previewBlobType('image/webp')).toBe('image/webp');
    expect(previewBlobType('text/html')).toBeNull();
  });
});

describe('mediaTypeOf', () => {
  it('keeps a type the schema accepts and falls back to bytes otherwise', () => {
    expect(mediaTypeOf({ type: 'application/pdf' })).toBe('application/pdf');
    expect(mediaTypeOf({ type: 'Image/PNG' })).toBe('image/png');
    expect(mediaTypeOf({ type: '' })).toBe('application/octet-stream');
    expect(mediaTypeOf({ type: 'text/plain; charset=utf-8' })).toBe('application/octet-stream');
  });
});

describe('fileTypeLabel', () => {
  it('prefers the extension, then a simple subtype', () => {
    expect(fileTypeLabel('report.final.docx', 'application/octet-stream')).toBe('DOCX');
    expect(fileTypeLabel('scan', 'application/pdf')).toBe('PDF');
    expect(fileTypeLabel('scan', 'application/octet-stream')).toBe('');
    expect(fileTypeLabel('archive.tar.gz', 'application/gzip')).toBe('GZ');
  });
});

describe('documentsOf', () => {
  const doc = (id: string, title: string, date: string, updatedAt = 0): RecordEntry => {
    const record: DocumentRecord = {
      kind: 'document',
      schemaVersion: 1,
      title,
      fileName: `${title}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: 10,
      category: 'report',
      date,
      chunkCount: 1,
      sha256: '0'.repeat(64),
    };
    return { id, profileId: 'p', rev: 1, updatedAt, record };
  };

  it('keeps documents only, newest date first, then latest synced, then by title', () => {
    const entries: RecordEntry[] = [
      doc('a', 'Old', '2024-01-01'),
      { id: 'x', profileId: 'p', rev: 1, updatedAt: 0, record: null, problem: 'tampered' },
      doc('b', 'Beta', '2025-06-01'),
      doc('c', 'Alpha', '2025-06-01'),
      doc('d', 'Synced later', '2025-06-01', 5),
    ];
    expect(documentsOf(entries).map((d) => d.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(documentsOf(entries)[3]).toBe(entries[0]);
  });
});

describe('todayIso', () => {
  it('is the local calendar day', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
