/** The one line that describes a sync status, shared by the header badge and the settings section. */
import type { I18n } from '../../strings/create-i18n.ts';
import type { SyncStatus } from '../../sync/sync-status.ts';
import { formatBytes } from './storage-size.ts';

export function syncStatusText(
  i18n: Pick<I18n, 't' | 'formatDate' | 'formatNumber'>,
  status: SyncStatus,
): string {
  const { t, formatDate, formatNumber } = i18n;
  switch (status.state) {
    case 'offline':
      return t('sync.status.offline');
    case 'syncing':
      if (status.total === undefined || status.total === 0) return t('sync.status.syncing');
      return t('sync.status.syncingProgress', {
        done: status.total - (status.pending ?? 0),
        total: status.total,
      });
    case 'synced':
      if (status.lastSyncedAt === undefined) return t('sync.status.synced');
      return t('sync.status.syncedAt', { time: formatDate(status.lastSyncedAt, { timeStyle: 'short' }) });
    case 'outdated':
      return t('sync.status.outdated');
    case 'error':
      if (status.error === 'quota-exceeded' && status.quota) {
        const { usage, limit, wouldUse } = status.quota;
        return t('sync.status.quotaFull', {
          used: formatBytes(formatNumber, usage),
          limit: formatBytes(formatNumber, limit),
          needed: formatBytes(formatNumber, Math.max(0, (wouldUse ?? usage) - usage)),
        });
      }
      return t('sync.status.error', {
        reason: status.error ? t(`sync.reasons.${status.error}`) : t('sync.reasons.server'),
      });
  }
}
