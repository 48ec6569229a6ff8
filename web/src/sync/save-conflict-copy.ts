/**
 * Stores a conflicting copy (conflict-copy.ts) in the records collection, once: resolving the same
 * conflict again yields the same id, and the copy already there is kept as it is.
 */
import type { CarnetDatabase } from '../db/database.ts';
import type { StoredEnvelope } from '../db/envelope-schema.ts';

export async function saveConflictCopy(db: CarnetDatabase, envelope: StoredEnvelope): Promise<void> {
  if (await db.records.findOne(envelope.id).exec()) return;
  try {
    await db.records.insert(envelope);
  } catch (error) {
    // Inserted meanwhile by another tab or a retried resolution: the same copy.
    if ((error as { code?: string }).code === 'CONFLICT') return;
    throw error;
  }
}
