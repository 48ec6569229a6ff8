import { isBackupError } from '../../../../shared/backup/backup-error.ts';
import type { I18n } from '../../strings/create-i18n.ts';
import { errorText } from '../../ui/error-text.ts';

/** Why a backup did not open, in the person's language, always followed by "your vault was not changed". */
export function restoreErrorText(t: I18n['t'], error: unknown): string {
  const unchanged = t('backup.errors.unchanged');
  if (!isBackupError(error)) return `${errorText(t, error)} ${unchanged}`;
  switch (error.reason) {
    case 'not-a-backup':
    case 'newer-version':
    case 'corrupt-header':
    case 'truncated':
    case 'tampered':
      return `${t(`backup.errors.${error.reason}`)} ${unchanged}`;
    case 'wrong-secret':
      return `${t(
        error.meta.secret === 'recovery-key'
          ? 'backup.errors.wrong-secret-recovery-key'
          : 'backup.errors.wrong-secret-passphrase',
      )} ${unchanged}`;
    default:
      return `${t('backup.errors.other')} ${unchanged}`;
  }
}
