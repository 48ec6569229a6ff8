import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';

/** Settings: when the recovery key was made, whether it was checked, and a way to make a new one. */
export function RecoveryKeySetting() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const made = () => app.recovery()?.madeAt ?? null;
  return (
    <section class="card stack" aria-labelledby="settings-recovery-key">
      <h2 id="settings-recovery-key">{t('vault.newKey.settingsTitle')}</h2>
      <p>
        <Show when={made()} fallback={t('vault.newKey.madeUnknown')}>
          {(at) => t('vault.newKey.madeOn', { date: formatDate(new Date(at()), { dateStyle: 'long' }) })}
        </Show>{' '}
        <Show when={app.recovery()}>
          {(known) => (known().confirmed ? t('vault.newKey.checked') : t('vault.newKey.unchecked'))}
        </Show>
      </p>
      <p>{t('vault.newKey.settingsHint')}</p>
      <p>
        <A href="/recovery-key?new">{t('vault.newKey.link')}</A>
      </p>
    </section>
  );
}
