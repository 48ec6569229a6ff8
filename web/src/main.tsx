import { render } from 'solid-js/web';
import { App } from './app/app.tsx';
import { persistAfterInstall } from './backup/durable-storage.ts';
import { openDatabase } from './db/database.ts';
import { I18nProvider } from './i18n/i18n-context.tsx';
import { browserLocaleStorage } from './i18n/locale-storage.ts';
import { AppProvider } from './store/app-context.tsx';
import { createAppStore } from './store/app-store.ts';
import { createSyncWiring } from './store/sync-controller.ts';
import { createI18n } from './strings/create-i18n.ts';
import { prepareKdfWorker, workerKdfRunner } from './vault/kdf-runner.ts';

persistAfterInstall();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const i18n = createI18n({ storage: browserLocaleStorage(), preferred: navigator.languages });
// The conflict handlers must exist when the collections are created; they decrypt with the
// session's keys, which the store hands to the wiring on unlock.
const syncWiring = createSyncWiring();
const db = await openDatabase(undefined, syncWiring.conflictHandlers);
syncWiring.attach(db);
const store = createAppStore({
  db,
  kdf: workerKdfRunner,
  prepareKdf: prepareKdfWorker,
  storage: localStorage,
  sync: { wiring: syncWiring, serverUrl: location.origin },
});

// index.html paints the shell's header while this script loads; the app replaces it.
root.replaceChildren();
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
