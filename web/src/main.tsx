import { render } from 'solid-js/web';
import { App } from './app/app.tsx';
import { AppProvider } from './app/app-context.tsx';
import { createAppStore } from './app/app-store.ts';
import { openDatabase } from './db/database.ts';
import { createI18n } from './i18n/create-i18n.ts';
import { I18nProvider } from './i18n/i18n-context.tsx';
import { browserLocaleStorage } from './i18n/locale-storage.ts';
import { workerKdfRunner } from './vault/kdf-runner.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const i18n = createI18n({ storage: browserLocaleStorage(), preferred: navigator.languages });
const db = await openDatabase();
const store = createAppStore({ db, kdf: workerKdfRunner, storage: localStorage });

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
