/**
 * DocumentReference → a file to store (when it travels inline), or a note: a practitioner's entry,
 * a patient's note or any text document is decoded from its attachment.
 */
import type { DocumentReference } from '@medplum/fhirtypes';
import { base64ToUtf8 } from './base64.ts';
import { carnetValue } from './codes.ts';
import { dayOf, defined, type MapResult, type Reader, textOf } from './fhir-read.ts';

export interface ImportedFile {
  readonly title: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly category: string;
  readonly date?: string;
  readonly note?: string;
  /** SHA-256 Carnet recorded at export, to check the bytes against; absent from foreign files. */
  readonly sha256?: string;
  /** The file, base64, for the documents service to store in chunks. */
  readonly data: string;
}

export type DocumentResult = { readonly file: ImportedFile } | MapResult;

function decodedText(d: DocumentReference): string | undefined {
  const a = d.content[0]?.attachment;
  return a?.data && a.contentType?.startsWith('text/plain') ? base64ToUtf8(a.data) : undefined;
}

export function documentFromFhir(d: DocumentReference, read: Reader): DocumentResult | undefined {
  if (d.status === 'entered-in-error') return { skip: 'entered-in-error' };
  const attachment = d.content[0]?.attachment;
  const title = d.description ?? attachment?.title ?? textOf(d.type) ?? 'Document';
  const used = [
    'extension',
    'status',
    'type',
    'subject',
    'date',
    'author',
    'description',
    'content',
    'category',
  ];
  const entryType = carnetValue(d.extension, 'practitioner-entry');
  const text = decodedText(d);
  if (typeof entryType === 'string' && text !== undefined) {
    // Imported as a note, never as a signed entry: its signature cannot be checked outside the share.
    const author = read.resolve(d.author?.[0]?.reference);
    const name = author?.resourceType === 'Practitioner' ? author.name?.[0]?.text : undefined;
    const profession =
      author?.resourceType === 'Practitioner' ? author.qualification?.[0]?.code.text : undefined;
    const by = [name, profession].filter(Boolean).join(', ');
    return [
      {
        record: {
          kind: 'note',
          schemaVersion: 1,
          title,
          body: `${by ? `${by} (${d.date ?? ''}):\n` : ''}${text}`,
        },
        used,
        consumes: d.author?.[0]?.reference ? [d.author[0].reference] : [],
      },
    ];
  }
  if (text !== undefined) {
    const tags = (d.extension ?? [])
      .filter((e) => e.url.endsWith('/StructureDefinition/tag') && e.valueString)
      .map((e) => e.valueString);
    return [
      {
        record: defined({
          kind: 'note',
          schemaVersion: 1,
          title,
          body: text,
          tags: tags.length > 0 ? tags : undefined,
        }),
        used,
      },
    ];
  }
  if (attachment?.data) {
    const sha256 = carnetValue(d.extension, 'sha256');
    return {
      file: {
        title,
        fileName: attachment.title ?? 'document',
        mediaType: attachment.contentType ?? 'application/octet-stream',
        category: (carnetValue(d.extension, 'document-category') as string | undefined) ?? 'other',
        ...(dayOf(attachment.creation ?? d.date) ? { date: dayOf(attachment.creation ?? d.date) } : {}),
        ...(typeof carnetValue(d.extension, 'note') === 'string'
          ? { note: carnetValue(d.extension, 'note') as string }
          : {}),
        ...(typeof sha256 === 'string' ? { sha256 } : {}),
        data: attachment.data,
      },
    };
  }
  return undefined;
}
