import { A } from '@solidjs/router';
import './backup.css';
import { Show } from 'solid-js';
import { backupDue, remindEveryDays } from '../../backup/backup-prefs.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** A gentle banner when the person asked to be reminded and the last backup is older than that. */
export function BackupReminder() {
  const { t } = useI18n();
  return (
    <Show when={backupDue(localStorage, Date.now())}>
      <aside class="message backup-reminder" aria-label={t('backup.settingsLink')}>
        <span>{t('backup.reminder.due', { days: remindEveryDays(localStorage) })}</span>
        <A href="/backup">{t('backup.reminder.action')}</A>
      </aside>
    </Show>
  );
}
