/** The unlock screen's Emergency button: present only when this device holds an opted-in copy. */
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { lockScreenCopies } from './lock-screen-copy.ts';

export function EmergencyButton() {
  const { t } = useI18n();
  return (
    <Show when={lockScreenCopies(localStorage).length > 0}>
      <p>
        <A href="/emergency/lock-screen" class="button button--danger">
          {t('emergency.lockScreen.button')}
        </A>
      </p>
    </Show>
  );
}
