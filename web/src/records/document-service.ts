/**
 * Documents: the file is split into 512 KiB chunks, each an encrypted `blob` envelope whose id
 * (`<recordId>_<index>`) is bound into its additional data, so chunks cannot be reordered or
 * swapped; the metadata record (kind `document`) holds the chunk count and the SHA-256 of the
 * whole file, checked after reassembly, so truncation or substitution cannot go unnoticed.
 */

import { sha256 } from '../../../shared/crypto/hash.ts';
import { type DocumentRecord, MAX_DOCUMENT_BYTES } from '../../../shared/schema/document.ts';
import { AppError, toAppError } from '../core/app-error.ts';
import { newId } from '../core/ids.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';
import { openChunkEnvelope, sealChunkEnvelope } from './envelope-codec.ts';
import type { ProfileEntry } from './profile-service.ts';
import { checkRecord, type RecordEntry, type RecordService } from './record-service.ts';

export const CHUNK_BYTES = 512 * 1024;
const INSERT_BATCH = 8;

export interface NewDocument {
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  title: string;
  category: DocumentRecord['category'];
  date: string;
  note?: string;
  /** The id to store it under (an imported document others already point at); a new one otherwise. */
  id?: string;
  /** The signed practitioner entry this file came attached to (read-only then). */
  fromEntry?: string;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function sha256Hex(bytes: Uint8Array): string {
  return hex(sha256(bytes));
}

function chunkId(recordId: string, index: number): string {
  return `${recordId}_${index}`;
}

export class DocumentService {
  constructor(
    private readonly db: CarnetDatabase,
    private readonly records: RecordService,
  ) {}

  async add(profile: ProfileEntry, doc: NewDocument): Promise<RecordEntry> {
    if (doc.bytes.length > MAX_DOCUMENT_BYTES) {
      throw new AppError('file-too-large', 'file too large', {
        max: MAX_DOCUMENT_BYTES,
        size: doc.bytes.length,
      });
    }
    const id = doc.id ?? newId();
    const chunkCount = Math.max(1, Math.ceil(doc.bytes.length / CHUNK_BYTES));
    const metadata: DocumentRecord = {
      kind: 'document',
      schemaVersion: 1,
      title: doc.title,
      fileName: doc.fileName,
      mediaType: doc.mediaType || 'application/octet-stream',
      sizeBytes: doc.bytes.length,
      category: doc.category,
      date: doc.date,
      chunkCount,
      sha256: sha256Hex(doc.bytes),
      ...(doc.note ? { note: doc.note } : {}),
      ...(doc.fromEntry ? { fromEntry: doc.fromEntry } : {}),
    };
    // Validate the metadata before writing any chunk, so bad input leaves nothing behind.
    checkRecord(metadata);
    const written: string[] = [];
    try {
      for (let start = 0; start < chunkCount; start += INSERT_BATCH) {
        const batch: StoredEnvelope[] = [];
        for (let index = start; index < Math.min(chunkCount, start + INSERT_BATCH); index++) {
          const slice = doc.bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES);
          batch.push(
            sealChunkEnvelope({ profileId: profile.id, id: chunkId(id, index) }, slice, profile.key),
          );
        }
        await this.db.blobs.bulkInsert(batch);
        written.push(...batch.map((chunk) => chunk.id));
      }
      // The metadata goes last: until it exists, no partial document can be listed.
      return await this.records.add(profile, metadata, id);
    } catch (error) {
      // Storage full, or anything else: take back the chunks already written.
      await this.db.blobs.bulkRemove(written).catch(() => undefined);
      throw toAppError(error);
    }
  }

  /** Decrypts and joins the chunks; throws `tampered` if anything is missing or altered. */
  async read(profile: ProfileEntry, entry: RecordEntry): Promise<Uint8Array> {
    const meta = entry.record;
    if (meta?.kind !== 'document') throw new AppError('not-found');
    const ids = Array.from({ length: meta.chunkCount }, (_, i) => chunkId(entry.id, i));
    const found = await this.db.blobs.findByIds(ids).exec();
    const out = new Uint8Array(meta.sizeBytes);
    let offset = 0;
    try {
      for (const id of ids) {
        const doc = found.get(id);
        if (!doc) throw new AppError('tampered', 'a part of this file is missing', { chunk: id });
        const bytes = openChunkEnvelope(doc.toJSON() as StoredEnvelope, profile.key);
        if (offset + bytes.length > out.length)
          throw new AppError('tampered', 'file is longer than recorded');
        out.set(bytes, offset);
        offset += bytes.length;
      }
    } catch (error) {
      throw toAppError(error);
    }
    if (offset !== meta.sizeBytes || sha256Hex(out) !== meta.sha256) {
      throw new AppError('tampered', 'the file does not match its checksum');
    }
    return out;
  }
}
