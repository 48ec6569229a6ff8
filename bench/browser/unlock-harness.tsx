/**
 * Benchmark harness (not part of the app build): renders the real <App/> with a vault of N records,
 * locks it, then measures unlock → first record on screen, with and without the Argon2id step.
 * Results land in `window.__benchResult` for bench/pwa.bench.ts to read.
 */
import { render } from 'solid-js/web';
import { App } from '../../web/src/app/app.tsx';
import { newId } from '../../web/src/core/ids.ts';
import { openDatabase } from '../../web/src/db/database.ts';
import type { StoredEnvelope } from '../../web/src/db/envelope-schema.ts';
import { I18nProvider } from '../../web/src/i18n/i18n-context.tsx';
import { memoryLocaleStorage } from '../../web/src/i18n/locale-storage.ts';
import { sealRecord } from '../../web/src/records/record-service.ts';
import { AppProvider } from '../../web/src/store/app-context.tsx';
import { createAppStore } from '../../web/src/store/app-store.ts';
import { allDictionaries } from '../../web/src/strings/all-dictionaries.ts';
import { createI18n } from '../../web/src/strings/create-i18n.ts';
import { type KdfRunner, workerKdfRunner } from '../../web/src/vault/kdf-runner.ts';

const PASSPHRASE = 'bench-orchard-glacier-thimble';
const count = Number(new URLSearchParams(location.search).get('n') ?? 10_000);
const win = window as unknown as { __benchResult?: unknown; __benchError?: string };

let kdfEnd = 0;
const timedKdf: KdfRunner = async (...args) => {
  const keys = await workerKdfRunner(...args);
  kdfEnd = performance.now();
  return keys;
};

function waitFor(predicate: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const check = () => (predicate() ? resolve(performance.now()) : requestAnimationFrame(check));
    check();
  });
}

async function run(): Promise<void> {
  const db = await openDatabase(`carnet-bench-${Date.now()}`);
  const store = createAppStore({ db, kdf: timedKdf });
  const i18n = createI18n({
    storage: memoryLocaleStorage('en'),
    preferred: ['en'],
    dictionaries: allDictionaries,
  });
  const root = document.getElementById('root');
  if (!root) throw new Error('no root');
  render(
    () => (
      <I18nProvider i18n={i18n}>
        <AppProvider store={store}>
          <App />
        </AppProvider>
      </I18nProvider>
    ),
    root,
  );

  // Terms accepted as the create screen would: otherwise the terms gate stands in place of the record.
  await store.createVault(PASSPHRASE, { terms: true, adult: true });
  // And the recovery key kept, as the person would: until then `/` asks for it instead of the record.
  await store.confirmRecoveryKey();
  const profile = await store.createProfile({
    schemaVersion: 1,
    displayName: 'Bench',
    relationship: 'self',
    dateOfBirth: '1980-01-01',
    sex: 'unknown',
    locale: 'en',
  });
  const seedStart = performance.now();
  for (let start = 0; start < count; start += 500) {
    const batch: StoredEnvelope[] = [];
    for (let i = start; i < Math.min(count, start + 500); i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
      batch.push(
        sealRecord(newId(), 1, profile, {
          kind: 'allergy',
          schemaVersion: 1,
          substance: `Bench allergen ${i}`,
          category: 'medication',
          type: 'allergy',
          reactions: ['Hives'],
          severity: 'moderate',
          criticality: 'low',
          status: 'active',
          onsetDate: `20${String(10 + (i % 15)).padStart(2, '0')}-${month}-${day}`,
        }),
      );
    }
    await db.records.bulkInsert(batch);
  }
  const seedMs = performance.now() - seedStart;

  store.lock();
  await waitFor(() => store.status() === 'locked');
  await new Promise((resolve) => setTimeout(resolve, 500));

  const t0 = performance.now();
  await store.unlock(PASSPHRASE);
  const unlocked = performance.now();
  const decryptedAt = await waitFor(() => store.records().length >= count);
  const rendered = await waitFor(() =>
    (document.querySelector('main')?.textContent ?? '').includes('Bench allergen'),
  );
  win.__benchResult = {
    count,
    decrypted: store.records().length,
    seedMs,
    kdfMs: kdfEnd - t0,
    unlockToRenderMs: rendered - t0,
    afterKdfToRenderMs: rendered - kdfEnd,
    unlockResolvedMs: unlocked - t0,
    recordsReadyMs: decryptedAt - t0,
    timelineItems: document.querySelectorAll('main li').length,
  };
}

run().catch((error: unknown) => {
  win.__benchError = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
});
