/**
 * One stored envelope as a table row, the same columns in SQLite and PostgreSQL. The server-only
 * columns are `account_id` (whose document it is) and `seq` (its place in the account's order).
 */
import type { Envelope } from '../../../shared/schema/envelope.ts';

export interface DocumentRow {
  readonly id: string;
  readonly profile_id: string;
  readonly kind: string;
  readonly rev: number | string;
  readonly updated_at: number | string;
  readonly deleted: number | boolean;
  readonly key_id: string;
  readonly schema_version: number | string;
  readonly nonce: string;
  readonly ciphertext: string;
  readonly author: string | null;
  readonly sig: string | null;
}

export const DOCUMENT_COLUMNS =
  'id, profile_id, kind, rev, updated_at, deleted, key_id, schema_version, nonce, ciphertext, author, sig';

/** Back to the wire format. PostgreSQL returns BIGINT as text; every number here is below 2^53. */
export function toEnvelope(row: DocumentRow): Envelope {
  return {
    id: row.id,
    profileId: row.profile_id,
    kind: row.kind as Envelope['kind'],
    rev: Number(row.rev),
    updatedAt: Number(row.updated_at),
    _deleted: Boolean(row.deleted),
    keyId: row.key_id,
    schemaVersion: Number(row.schema_version),
    nonce: row.nonce,
    ciphertext: row.ciphertext,
    ...(row.author === null ? {} : { author: row.author }),
    ...(row.sig === null ? {} : { sig: row.sig }),
  };
}
