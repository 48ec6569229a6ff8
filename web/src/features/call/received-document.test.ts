import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../../../shared/schema/document.ts';
import { mediaTypeOf, receivedDocument } from './received-document.ts';

describe('a file received in a call, kept as a document', () => {
  it('takes its type from the name, for safely previewed kinds only', () => {
    expect(mediaTypeOf('scan.PDF')).toBe('application/pdf');
    expect(mediaTypeOf('photo.jpeg')).toBe('image/jpeg');
    expect(mediaTypeOf('notes.txt')).toBe('text/plain');
    // A page or a vector image the sender could have crafted stays opaque bytes.
    expect(mediaTypeOf('page.html')).toBe('application/octet-stream');
    expect(mediaTypeOf('logo.svg')).toBe('application/octet-stream');
    expect(mediaTypeOf('no-extension')).toBe('application/octet-stream');
  });

  it('makes a document the record accepts, titled and dated, with its origin noted', () => {
    const data = new Uint8Array([1, 2, 3]);
    const doc = receivedDocument(
      { id: 'f1', name: 'bilan-sanguin.pdf', data },
      '2026-12-04',
      'Received in a call',
    );
    expect(doc).toMatchObject({
      fileName: 'bilan-sanguin.pdf',
      mediaType: 'application/pdf',
      title: 'bilan-sanguin',
      category: 'other',
      date: '2026-12-04',
      note: 'Received in a call',
    });
    expect(doc.bytes).toBe(data);
    expect(receivedDocument({ id: 'f2', name: 'x.png', data }, '2026-12-04', '').category).toBe('image');
    expect(receivedDocument({ id: 'f3', name: '.pdf', data }, '2026-12-04', '').title).toBe('.pdf');
    expect(documentSchema.shape.category.safeParse(doc.category).success).toBe(true);
  });
});
