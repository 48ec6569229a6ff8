import { lazy, Match, Switch } from 'solid-js';
import { postponeRecoveryCheck, recoveryCheckPostponed } from '../features/vault/recovery-ask.ts';
import { UnlockPage } from '../features/vault/unlock-page.tsx';
import { WelcomePage } from '../features/vault/welcome-page.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useApp } from '../store/app-context.tsx';

// Only once unlocked: the welcome and unlock screens load without them.
const Dashboard = lazy(() => import('./dashboard.tsx').then((m) => ({ default: m.Dashboard })));
const RecoveryKeyCheck = lazy(() =>
  import('../features/vault/recovery-key-check.tsx').then((m) => ({ default: m.RecoveryKeyCheck })),
);
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
        {/* The footer waits for the status (layout.tsx): nothing moves when a screen replaces this. */}
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
      {/* A recovery key left unchecked is asked for again after each unlock ("Later" puts it off). */}
      <Match when={app.status() === 'unlocked' && !recoveryCheckPostponed() && app.recoveryPrompt()}>
        {(key) => (
          <div class="stack vault-page">
            <h1>{t('vault.recoveryCheck.title')}</h1>
            <RecoveryKeyCheck
              recoveryKey={key()}
              madeAt={new Date(app.recovery()?.madeAt ?? Date.now())}
              title={t('vault.recoveryKey.title')}
              intro={t('vault.recoveryCheck.intro')}
              onConfirmed={() => app.confirmRecoveryKey()}
              onLater={postponeRecoveryCheck}
            />
          </div>
        )}
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
