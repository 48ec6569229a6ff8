/**
 * For tests of what the patient's device does with practitioner entries: a real app store on RxDB
 * (fake-indexeddb in Node) with a vault and one profile. The caller disposes the store and removes
 * the database after each test.
 */
import { createRoot } from 'solid-js';
import { expect } from 'vitest';
import { type AppStore, createAppStore } from '../../../app/app-store.ts';
import { type CarnetDatabase, openDatabase } from '../../../db/database.ts';
import { inlineKdfRunner } from '../../../vault/kdf-runner.ts';

export interface TestPatient {
  readonly store: AppStore;
  readonly profileId: string;
  readonly db: CarnetDatabase;
  readonly dispose: () => void;
}

/** Polls a condition for up to 3 s, then asserts it. */
export async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(predicate()).toBe(true);
}

export async function openTestPatient(name: string): Promise<TestPatient> {
  const db = await openDatabase(`${name}-${Date.now()}-${Math.random()}`);
  let dispose: () => void = () => {};
  const store = createRoot((d) => {
    dispose = d;
    return createAppStore({ db, kdf: inlineKdfRunner });
  });
  await until(() => store.status() !== 'loading');
  await store.createVault('sel-poivre-moutarde-42');
  const profile = await store.createProfile({
    schemaVersion: 1,
    displayName: 'Camille Martin',
    relationship: 'self',
    dateOfBirth: '1984-03-12',
    sex: 'female',
    locale: 'fr',
  });
  return { store, profileId: profile.id, db, dispose };
}
