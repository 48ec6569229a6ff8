import { createEffect } from 'solid-js';
import { useI18n } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import './app.css';

export function App() {
  const { locale, t } = useI18n();

  // The document language drives screen-reader pronunciation, hyphenation and spell-checking.
  createEffect(() => {
    document.documentElement.lang = locale();
    document.title = t().app.name;
  });

  return (
    <div class="shell">
      <header class="shell__header">
        <div class="brand">
          <img class="brand__logo" src="/favicon.svg" alt="" width="48" height="48" />
          <div>
            <h1 class="brand__name">{t().app.name}</h1>
            <p class="brand__tagline">{t().app.tagline}</p>
          </div>
        </div>
        <LanguageSwitch />
      </header>
      <main class="shell__main" id="main">
        <section class="card" aria-labelledby="home-title">
          <h2 id="home-title">{t().home.title}</h2>
          <p>{t().home.intro}</p>
          <ul class="promises">
            <li>{t().home.promises.offline}</li>
            <li>{t().home.promises.encrypted}</li>
            <li>{t().home.promises.sharing}</li>
          </ul>
        </section>
      </main>
    </div>
  );
}
