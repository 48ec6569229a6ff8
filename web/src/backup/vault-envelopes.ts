/**
 * Every envelope the device holds, tombstones included, read page by page straight from the storage
 * (RxDB's `find()` hides deleted documents, and a backup must carry deletions so they do not come
 * back through sync). Each envelope is handed on in wire form (`toWireEnvelope`), exactly as stored:
 * never decrypted, never re-sealed, so the backup stays valid whatever the envelope version.
 *
 * A page is read by the storage's change order; a document written while the iteration runs may
 * appear a second time, later. Ids already handed on are skipped: a file never lists an id twice.
 */
import { getChangedDocumentsSince } from 'rxdb';
import type { Envelope } from '../../../shared/schema/envelope.ts';
import type { CarnetDatabase } from '../db/database.ts';
import { type SyncedEnvelope, toWireEnvelope } from '../sync/envelope-state.ts';

export type EnvelopeCollection = 'profiles' | 'records' | 'blobs';

/** Profiles first (their keys open the rest), then records, then document chunks. */
export const ENVELOPE_COLLECTIONS: readonly EnvelopeCollection[] = ['profiles', 'records', 'blobs'];

/** Document chunks are ~700 KB of base64 each: small pages keep memory flat. */
const PAGE_SIZE: Record<EnvelopeCollection, number> = { profiles: 100, records: 200, blobs: 4 };

export async function* storedEnvelopes(
  db: CarnetDatabase,
  collection: EnvelopeCollection,
): AsyncGenerator<Envelope> {
  const storage = db[collection].storageInstance;
  const seen = new Set<string>();
  let checkpoint: unknown;
  for (;;) {
    const page = await getChangedDocumentsSince(storage, PAGE_SIZE[collection], checkpoint);
    for (const doc of page.documents) {
      if (seen.has(doc.id) || doc.kind === 'keyring') continue;
      seen.add(doc.id);
      yield toWireEnvelope(doc as unknown as SyncedEnvelope);
    }
    if (page.documents.length < PAGE_SIZE[collection]) return;
    checkpoint = page.checkpoint;
  }
}

export async function* allStoredEnvelopes(db: CarnetDatabase): AsyncGenerator<Envelope> {
  for (const collection of ENVELOPE_COLLECTIONS) yield* storedEnvelopes(db, collection);
}

/** The collection an envelope kind lives in. */
export function collectionOf(kind: Envelope['kind']): EnvelopeCollection {
  if (kind === 'profile') return 'profiles';
  if (kind === 'blob') return 'blobs';
  return 'records';
}
