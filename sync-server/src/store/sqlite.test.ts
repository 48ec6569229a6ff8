import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { openSqliteStore, SQLITE_FILE_NAME } from './sqlite.ts';
import { storeContract } from './store.contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'carnet-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = join(dir, SQLITE_FILE_NAME);

/** A read-only connection of its own: what is committed, as any other reader of the file sees it. */
async function readAllRows() {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    const rows = tables.flatMap((table) =>
      (db.prepare(`SELECT * FROM "${table}"`).all() as object[]).map((row) => ({
        table,
        row: JSON.stringify(row),
      })),
    );
    return { tables, rows };
  } finally {
    db.close();
  }
}

storeContract('SQLite', async () => openSqliteStore(file), readAllRows);
