/** The unlock screen's Emergency button: present only when this device holds an opted-in copy. */
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { hasAnyLockScreenCopy } from './lock-screen-key.ts';

export function EmergencyButton() {
  const { t } = useI18n();
  return (
    <Show when={hasAnyLockScreenCopy(localStorage)}>
      <p>
        <A href="/emergency/lock-screen" class="button button--danger">
          {t('emergency.lockScreen.button')}
        </A>
      </p>
    </Show>
  );
}
