/**
 * A file received during a call, kept in the record (issue 19 item 5): it becomes an ordinary
 * encrypted document of the active profile. The sender's claimed type is not trusted (file-transfer.ts):
 * the type comes from the file name, and only for kinds the documents screen previews safely
 * (PDF, PNG, JPEG, plain text); anything else stays opaque bytes.
 */
import type { NewDocument } from '../../records/document-service.ts';
import type { ReceivedFile } from './file-transfer.ts';
import { RECEIVED_MIME } from './file-transfer.ts';

const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
};

export function mediaTypeOf(fileName: string): string {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[extension] ?? RECEIVED_MIME;
}

/** The document to store: titled by the file name, dated `today` (YYYY-MM-DD), with a note saying where it came from. */
export function receivedDocument(file: ReceivedFile, today: string, note: string): NewDocument {
  const mediaType = mediaTypeOf(file.name);
  return {
    fileName: file.name,
    mediaType,
    bytes: file.data,
    title: file.name.replace(/\.[a-z0-9]{1,8}$/i, '') || file.name,
    category: mediaType.startsWith('image/') ? 'image' : 'other',
    date: today,
    note,
  };
}
