/** One account as a table row, the same columns in SQLite and PostgreSQL. */
import type { AccountRecord } from './store.ts';

export interface AccountRow {
  readonly id: string;
  readonly email_hash: string;
  readonly keyring: string;
  readonly auth_public_key: string;
  readonly seq: number | string;
  readonly created_at: number | string;
  readonly stored_bytes: number | string;
  readonly terms?: string | null;
}

/** PostgreSQL returns BIGINT as text; every number here is below 2^53. */
export function toAccount(row: AccountRow | undefined): AccountRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    emailHash: row.email_hash,
    keyringJson: row.keyring,
    authPublicKey: row.auth_public_key,
    seq: Number(row.seq),
    createdAt: Number(row.created_at),
    storedBytes: Number(row.stored_bytes),
    termsJson: row.terms ?? null,
  };
}
