import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { LanguageSwitch } from '../../ui/language-switch.tsx';
import { StorageSettings } from '../backup/storage-settings.tsx';
import { canHostWaitingRoom } from '../call/can-host.ts';
import { HourlyRateSetting } from '../call/hourly-rate-setting.tsx';
import { ExchangeSettings } from '../exchange/exchange-settings.tsx';
import { NotificationSettings } from '../notifications/notification-settings.tsx';
import { SyncSettings } from '../sync/sync-settings.tsx';
import { AutoLockSetting } from '../vault/auto-lock-setting.tsx';
import { ChangePassphraseForm } from '../vault/change-passphrase-form.tsx';
import { RecoveryKeySetting } from '../vault/recovery-key-setting.tsx';

/** Settings: language, auto-lock, storage and backup, sync, devices and access history, passphrase, closing the account. */
export function SettingsPage() {
  const { t } = useI18n();
  const app = useApp();
  return (
    <div class="stack">
      <h1>{t('settings.title')}</h1>
      <section class="card stack" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.language')}</h2>
        <LanguageSwitch />
      </section>
      <section class="card stack" aria-labelledby="settings-autolock">
        <h2 id="settings-autolock">{t('settings.autoLockTitle')}</h2>
        <AutoLockSetting />
      </section>
      <StorageSettings />
      <ExchangeSettings />
      <SyncSettings />
      <NotificationSettings />
      <section class="card stack" aria-labelledby="settings-access">
        <h2 id="settings-access">{t('settings.accessTitle')}</h2>
        <p>{t('settings.accessIntro')}</p>
        <ul class="settings-links">
          <li>
            <A href="/devices">{t('history.devices.title')}</A>
          </li>
          <li>
            <A href="/history">{t('history.page.title')}</A>
          </li>
        </ul>
      </section>
      {/* The rate is what a host bills: only accounts that may open a waiting room see it. */}
      <Show when={canHostWaitingRoom(app)}>
        <HourlyRateSetting />
      </Show>
      <section class="card stack" aria-labelledby="settings-passphrase">
        <h2 id="settings-passphrase">{t('settings.passphrase')}</h2>
        <ChangePassphraseForm />
      </section>
      <RecoveryKeySetting />
      <section class="card stack" aria-labelledby="settings-closure">
        <h2 id="settings-closure">{t('closure.settings.title')}</h2>
        <p>{t('closure.settings.intro')}</p>
        <div class="form-actions">
          <A href="/close-account" class="button button--secondary">
            {t('closure.settings.link')}
          </A>
        </div>
      </section>
    </div>
  );
}
