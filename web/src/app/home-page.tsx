import { lazy, Match, Switch } from 'solid-js';
import { UnlockPage } from '../features/vault/unlock-page.tsx';
import { WelcomePage } from '../features/vault/welcome-page.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useApp } from '../store/app-context.tsx';
import { Dashboard } from './dashboard.tsx';

// Seen once, right after a wipe: loaded only then.
const ClosedPage = lazy(() =>
  import('../features/closure/closed-page.tsx').then((m) => ({ default: m.ClosedPage })),
);

/** `/`: what to show depends on the vault: none yet, locked, open, or just wiped from this device. */
export function HomePage() {
  const app = useApp();
  const { t } = useI18n();
  return (
    <Switch>
      <Match when={app.status() === 'loading'}>
        <p role="status">{t('app.loading')}</p>
      </Match>
      <Match when={app.status() === 'error'}>
        <section class="stack">
          <h1>{t('app.storageErrorTitle')}</h1>
          <p class="message message--error" role="alert">
            {t('app.storageError')}
          </p>
        </section>
      </Match>
      <Match when={app.status() === 'no-vault'}>
        <WelcomePage />
      </Match>
      <Match when={app.status() === 'locked'}>
        <UnlockPage />
      </Match>
      <Match when={app.status() === 'unlocked'}>
        <Dashboard />
      </Match>
      <Match when={app.status() === 'closed'}>
        <ClosedPage />
      </Match>
    </Switch>
  );
}
