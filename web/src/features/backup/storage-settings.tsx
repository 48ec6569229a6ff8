import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { lastBackupAt } from '../../backup/backup-prefs.ts';
import { isAppleSafari, isStandalone, storageState } from '../../backup/durable-storage.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { formatSize } from './format-size.ts';
import './backup.css';

/**
 * Settings: is this device's copy safe from the browser's clean-ups, how much it takes, when it was
 * last backed up or synced; and, when it is at risk (not persistent, no sync), what to do about it.
 */
export function StorageSettings() {
  const app = useApp();
  const { t, formatNumber, formatDate } = useI18n();
  const [state] = createResource(storageState);
  const when = (at: number | null | undefined) =>
    at ? formatDate(at, { dateStyle: 'long', timeStyle: 'short' }) : t('backup.storage.never');
  const lastSync = () => {
    const status = app.syncStatus();
    return status ? when(status.lastSyncedAt) : t('backup.storage.syncOff');
  };
  const atRisk = () => state()?.persisted !== true && app.syncStatus() === null;
  const safari = () => isAppleSafari(navigator.userAgent, navigator.maxTouchPoints) && !isStandalone();

  return (
    <section class="card stack" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('backup.storage.title')}</h2>
      <Show when={state()}>
        {(current) => (
          <p data-testid="storage-persistence">
            {current().persisted === true
              ? t('backup.storage.persistent')
              : current().persisted === false
                ? t('backup.storage.notPersistent')
                : t('backup.storage.unknown')}
          </p>
        )}
      </Show>
      <Show when={state()?.usage != null}>
        <p>
          {state()?.quota
            ? t('backup.storage.usedOf', {
                used: formatSize(formatNumber, state()?.usage ?? 0),
                quota: formatSize(formatNumber, state()?.quota ?? 0),
              })
            : t('backup.storage.used', { used: formatSize(formatNumber, state()?.usage ?? 0) })}
        </p>
      </Show>
      <dl class="storage-facts">
        <dt>{t('backup.storage.lastBackup')}</dt>
        <dd>{when(lastBackupAt(localStorage))}</dd>
        <dt>{t('backup.storage.lastSync')}</dt>
        <dd>{lastSync()}</dd>
      </dl>
      <Show when={state() && atRisk()}>
        <p class="message message--error">{t('backup.storage.atRisk')}</p>
        <Show when={safari()}>
          <p>{t('backup.storage.safariHint')}</p>
        </Show>
      </Show>
      <div class="form-actions">
        <A href="/backup" class="button">
          {t('backup.settingsLink')}
        </A>
        <A href="/restore" class="button button--secondary">
          {t('backup.restoreLink')}
        </A>
      </div>
    </section>
  );
}
