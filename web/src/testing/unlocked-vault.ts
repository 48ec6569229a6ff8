/**
 * For tests of the services below the app store: a new RxDB database on fake-indexeddb (the test
 * file imports 'fake-indexeddb/auto') with a vault created and unlocked. Also what every such test
 * shares: the passphrase, the profile, and waiting for a condition.
 */
import { expect } from 'vitest';
import type { Profile } from '../../../shared/schema/profile.ts';
import { type CarnetDatabase, openDatabase } from '../db/database.ts';
import { inlineKdfRunner } from '../vault/kdf-runner.ts';
import { type Session, VaultService } from '../vault/vault-service.ts';

export const TEST_PASSPHRASE = 'sel-poivre-moutarde-42';

export const TEST_PROFILE: Profile = {
  schemaVersion: 1,
  displayName: 'Camille Martin',
  relationship: 'self',
  dateOfBirth: '1984-03-12',
  sex: 'female',
  locale: 'fr',
};

/** Polls a condition until it holds or `ms` have passed, then asserts it. */
export async function until(predicate: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(predicate()).toBe(true);
}

let counter = 0;

/** A new database name each time, so no test opens what another one left behind. */
export function nextDatabaseName(prefix: string): string {
  return `${prefix}-${Date.now()}-${counter++}`;
}

export interface UnlockedVault {
  readonly db: CarnetDatabase;
  readonly vault: VaultService;
  readonly session: Session;
  readonly recoveryKey: string;
}

/** A new database with a vault created and unlocked, and no store; the caller removes the database. */
export async function openUnlockedVault(name: string): Promise<UnlockedVault> {
  const db = await openDatabase(nextDatabaseName(name));
  const vault = new VaultService({ db, kdf: inlineKdfRunner });
  const { session, recoveryKey } = await vault.create(TEST_PASSPHRASE);
  return { db, vault, session, recoveryKey };
}
