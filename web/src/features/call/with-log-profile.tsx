import { A } from '@solidjs/router';
import { type ParentProps, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';

/**
 * A call needs an active profile, where its summary is saved (patient and host alike): without one,
 * says so and links to Profiles; with one, shows the no-recording notice above the call controls.
 */
export function WithLogProfile(props: ParentProps) {
  const app = useApp();
  const { t } = useI18n();
  return (
    <Show
      when={app.activeProfile()}
      fallback={
        <p class="card">
          {t('call.needsProfile')} <A href="/profiles">{t('nav.profiles')}</A>
        </p>
      }
    >
      <p class="call-notice">{t('call.notice')}</p>
      {props.children}
    </Show>
  );
}
