import { A, useLocation } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { recoveryCheckPostponed } from './recovery-ask.ts';
import './vault.css';

/**
 * Shown in the shell on every screen while the recovery key is not confirmed, except where it is
 * being shown or checked. Not a live region: it is there from the start of each screen.
 */
export function RecoveryKeyBanner() {
  const app = useApp();
  const { t } = useI18n();
  const location = useLocation();
  const hidden = () =>
    location.pathname === '/create' ||
    location.pathname === '/recovery-key' ||
    // The start page is asking for the check itself.
    (location.pathname === '/' && !recoveryCheckPostponed() && app.recoveryPrompt() !== null);
  return (
    <Show when={app.status() === 'unlocked' && app.recovery()?.confirmed === false && !hidden()}>
      <aside class="message recovery-banner" aria-label={t('vault.recoveryKey.keyLabel')}>
        <p>{t('vault.recoveryCheck.banner')}</p>
        <p>
          <A href="/recovery-key">{t('vault.recoveryCheck.bannerLink')}</A>
        </p>
      </aside>
    </Show>
  );
}
