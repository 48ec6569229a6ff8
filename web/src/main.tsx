import { render } from 'solid-js/web';
import { App } from './app/app.tsx';
import { createI18n } from './i18n/create-i18n.ts';
import { I18nProvider } from './i18n/i18n-context.tsx';
import { browserLocaleStorage } from './i18n/locale-storage.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const i18n = createI18n({ storage: browserLocaleStorage(), preferred: navigator.languages });

render(
  () => (
    <I18nProvider i18n={i18n}>
      <App />
    </I18nProvider>
  ),
  root,
);
