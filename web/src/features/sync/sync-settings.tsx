import { createSignal, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { PassphraseAction } from './passphrase-action.tsx';
import { SignInAgain } from './sign-in-again.tsx';
import { isSignedOutReason } from './signed-out.ts';
import { StorageUsage } from './storage-usage.tsx';
import { syncStatusText } from './sync-status-text.ts';
import { TurnOffSync } from './turn-off-sync.tsx';
import { TurnOnSyncForm } from './turn-on-sync-form.tsx';
import './sync.css';

/**
 * The "Sync between devices" section of the settings page (its own h2 section). Off: what sync
 * sends (ciphertext only) and the form to turn it on. On: the account, the status, "Sync now" and
 * "Turn off sync on this device". When one view replaces the other, focus moves to the heading and
 * the outcome is announced, so keyboard and screen-reader users are not left on a vanished button.
 */
export function SyncSettings() {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [outcome, setOutcome] = createSignal<'on' | 'off' | null>(null);
  let heading: HTMLHeadingElement | undefined;

  const changed = (next: 'on' | 'off') => {
    setOutcome(next);
    heading?.focus();
  };

  return (
    <section class="card stack sync-settings" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title" ref={heading} tabIndex={-1}>
        {t('sync.settings.title')}
      </h2>
      <p role="status" class="sync-settings__outcome" classList={{ message: outcome() !== null }}>
        {outcome() === 'on'
          ? t('sync.settings.turnedOn')
          : outcome() === 'off'
            ? t('sync.settings.turnedOff')
            : ''}
      </p>
      <Show when={app.syncStatus()} fallback={<TurnOnSyncForm onTurnedOn={() => changed('on')} />}>
        {(status) => (
          <div class="stack">
            <p>{t('sync.settings.onIntro')}</p>
            <dl class="sync-settings__facts">
              <div>
                <dt>{t('sync.settings.account')}</dt>
                <dd class="sync-settings__email">{app.syncEmail()}</dd>
              </div>
              <div>
                <dt>{t('sync.settings.status')}</dt>
                <dd class={`sync-settings__state sync-settings__state--${status().state}`}>
                  {syncStatusText(i18n, status())}
                </dd>
              </div>
              <StorageUsage refresh={status().state === 'synced' ? status().lastSyncedAt : status().state} />
            </dl>
            <Show when={app.syncKeyringBehind()}>
              <p class="message" data-testid="sync-keyring-behind">
                {t('sync.settings.keyringBehind')}
              </p>
            </Show>
            <div class="form-actions">
              <button type="button" class="button" onClick={() => app.retrySync()}>
                {t('sync.settings.syncNow')}
              </button>
            </div>
            <Show when={isSignedOutReason(status().error)}>
              <SignInAgain />
            </Show>
            <Show when={!isSignedOutReason(status().error)}>
              <PassphraseAction
                title={t('sync.settings.signOutOthersTitle')}
                intro={t('sync.settings.signOutOthersIntro')}
                submit={t('sync.settings.signOutOthersSubmit')}
                done={t('sync.settings.signOutOthersDone')}
                run={(passphrase) => app.signOutOthers(passphrase)}
              />
            </Show>
            <TurnOffSync onTurnedOff={() => changed('off')} />
            <Show when={!isSignedOutReason(status().error)}>
              <PassphraseAction
                title={t('sync.settings.deleteAccountTitle')}
                intro={t('sync.settings.deleteAccountIntro')}
                submit={t('sync.settings.deleteAccountSubmit')}
                done={t('sync.settings.deleteAccountDone')}
                danger
                run={async (passphrase) => {
                  await app.deleteAccount(passphrase);
                  changed('off');
                }}
              />
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
