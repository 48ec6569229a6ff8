/** Opt-in for the unlock screen's Emergency button, with the plain warning that the copy is unencrypted. */
import { createSignal, Show } from 'solid-js';
import type { EmergencyProfile } from '../../../../shared/emergency/profile.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { hasLockScreenCopy, removeLockScreenCopy, saveLockScreenCopy } from './lock-screen-copy.ts';

export function LockScreenSetting(props: { profileId: string; current: () => EmergencyProfile | undefined }) {
  const { t } = useI18n();
  const [on, setOn] = createSignal(hasLockScreenCopy(localStorage, props.profileId));
  const toggle = (checked: boolean) => {
    const profile = props.current();
    if (checked && profile) saveLockScreenCopy(localStorage, props.profileId, profile);
    else removeLockScreenCopy(localStorage, props.profileId);
    setOn(hasLockScreenCopy(localStorage, props.profileId));
  };
  return (
    <section class="card stack" aria-labelledby="emergency-lock-title">
      <h2 id="emergency-lock-title">{t('emergency.lockScreen.title')}</h2>
      <p class="message" id="emergency-lock-warning">
        {t('emergency.lockScreen.warning')}
      </p>
      <label class="emergency-check">
        <input
          type="checkbox"
          id="emergency-lock-screen"
          checked={on()}
          disabled={!on() && props.current() === undefined}
          aria-describedby="emergency-lock-warning"
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        {t('emergency.lockScreen.label')}
      </label>
      <p role="status">
        <Show when={on()} fallback={t('emergency.lockScreen.off')}>
          {t('emergency.lockScreen.on')}
        </Show>
      </p>
    </section>
  );
}
