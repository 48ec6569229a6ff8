import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from './document.ts';
import { EXAMPLE_RECORDS } from './examples.ts';
import { parseRecord } from './record.ts';
import { recordIssues } from './testing.ts';

const prescription = EXAMPLE_RECORDS.document;

describe('document', () => {
  it('accepts the metadata of a scanned prescription', () => {
    expect(parseRecord(prescription)).toEqual({ ok: true, value: prescription });
  });

  it('accepts a file of exactly 20 MB and rejects one byte more, stating the limit', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(20_971_520);
    expect(parseRecord({ ...prescription, sizeBytes: MAX_DOCUMENT_BYTES, chunkCount: 20 }).ok).toBe(true);
    expect(recordIssues({ ...prescription, sizeBytes: MAX_DOCUMENT_BYTES + 1 })).toEqual([
      { path: 'sizeBytes', message: 'Files larger than 20 MB (20,971,520 bytes) cannot be stored' },
    ]);
  });

  it('rejects an empty file', () => {
    expect(recordIssues({ ...prescription, sizeBytes: 0 })).toEqual([
      { path: 'sizeBytes', message: 'The file is empty' },
    ]);
  });

  it('rejects a media type that is not a MIME type', () => {
    expect(recordIssues({ ...prescription, mediaType: 'pdf' })).toEqual([
      { path: 'mediaType', message: 'Media type must be a MIME type such as application/pdf or image/jpeg' },
    ]);
  });

  it('rejects a digest that is not 64 lowercase hex characters', () => {
    expect(recordIssues({ ...prescription, sha256: prescription.sha256.toUpperCase() })).toEqual([
      { path: 'sha256', message: 'SHA-256 digest must be 64 lowercase hexadecimal characters' },
    ]);
  });

  it('rejects a file name with a path in it', () => {
    expect(recordIssues({ ...prescription, fileName: '../../etc/passwd' })).toEqual([
      { path: 'fileName', message: 'File name must not contain slashes, backslashes or control characters' },
    ]);
  });

  it('rejects an unknown category and a chunk count of zero', () => {
    expect(recordIssues({ ...prescription, category: 'xray', chunkCount: 0 })).toEqual([
      {
        path: 'category',
        message: 'Category must be one of: prescription, report, image, lab, imaging, letter, other',
      },
      { path: 'chunkCount', message: 'Chunk count must be between 1 and 100000' },
    ]);
  });
});
