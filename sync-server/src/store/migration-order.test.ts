/**
 * The runners (sqlite.ts, postgres.ts) apply the migrations above the highest version a database
 * already has, in list order: a version added below the highest already shipped would never run on
 * an existing database. Both lists must be strictly increasing, and PostgreSQL may only add its own
 * versions (10: the signaling relay) to SQLite's.
 */
import { describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations.ts';

const versions = (list: readonly { version: number }[]) => list.map((m) => m.version);

describe('migration lists', () => {
  for (const [name, list] of [
    ['SQLite', SQLITE_MIGRATIONS],
    ['PostgreSQL', POSTGRES_MIGRATIONS],
  ] as const) {
    it(`${name}: versions strictly increase`, () => {
      const v = versions(list);
      expect(v).toEqual([...new Set(v)].sort((a, b) => a - b));
    });
  }

  it('PostgreSQL has every SQLite version, with the same names', () => {
    const pg = new Map(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name]));
    for (const m of SQLITE_MIGRATIONS) expect(pg.get(m.version), `version ${m.version}`).toBe(m.name);
  });
});
