/**
 * Practitioner signing keys pinned per account, first seen first: the key of the earliest entry
 * imported from that account (docs/architecture.md §8.3). The pins are read from the imported
 * entries themselves, which sit encrypted in the vault and sync with it, so every device of the
 * patient pins the same key; a later entry from the same account under another key is stored with
 * `keyChanged` and shown as such, never as plainly verified.
 */
import type { RecordEntry } from '../records/record-service.ts';

/** The pinned key fingerprint of `accountId`, or null when no entry of it was imported yet. */
export function pinnedKey(records: readonly RecordEntry[], accountId: string): string | null {
  let first: { at: string; fingerprint: string } | null = null;
  for (const entry of records) {
    const record = entry.record;
    if (record?.kind !== 'practitioner-entry' || entry.verdict?.status !== 'verified') continue;
    if (record.received?.accountId !== accountId || record.received.keyChanged) continue;
    if (!first || record.createdAt < first.at) {
      first = { at: record.createdAt, fingerprint: record.received.keyFingerprint };
    }
  }
  return first?.fingerprint ?? null;
}
