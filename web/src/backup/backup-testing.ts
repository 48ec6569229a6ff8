/** Helpers for the backup tests (imported by *.test.ts only). */

import { collect } from '../../../shared/backup/testing.ts';
import { toBase64, utf8 } from '../../../shared/crypto/encoding.ts';
import { sha256 } from '../../../shared/crypto/hash.ts';
import type { CarnetDatabase } from '../db/database.ts';
import type { Session } from '../vault/vault-service.ts';
import { allStoredEnvelopes } from './vault-envelopes.ts';
import { backupBytes } from './write-backup.ts';

/**
 * Everything the device keeps, tombstones included, as a short digest (a failing comparison of
 * megabytes of ciphertext is unreadable). `withMeta: false` leaves out the vault's creation date.
 */
export async function dumpDatabase(db: CarnetDatabase, withMeta = true): Promise<string> {
  const envelopes: unknown[] = [];
  for await (const envelope of allStoredEnvelopes(db)) envelopes.push(envelope);
  envelopes.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const vault = (await db.vault.find().exec()).map((d) => {
    const { createdAt, ...rest } = d.toJSON();
    return withMeta ? { ...rest, createdAt } : rest;
  });
  const state = (await db.syncstate.find().exec()).map((d) => d.toJSON());
  const dump = utf8(JSON.stringify({ envelopes, vault, state }));
  return `${envelopes.length} envelopes, ${toBase64(sha256(dump))}`;
}

export async function backupFile(db: CarnetDatabase, session: Session): Promise<Uint8Array> {
  const meta = await db.vault.findOne('vault').exec();
  if (!meta) throw new Error('no vault');
  return collect(backupBytes({ db, session, keyring: meta.toMutableJSON().keyring }));
}
