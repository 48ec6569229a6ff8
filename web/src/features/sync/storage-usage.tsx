import { createResource, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { formatBytes } from './storage-size.ts';

/** What the account stores on the server and may store (`GET /api/account`), in the user's units. */
export function StorageUsage(props: { refresh: unknown }) {
  const app = useApp();
  const { t, formatNumber } = useI18n();
  const [storage] = createResource(
    () => props.refresh,
    () => app.syncStorage(),
  );
  return (
    <Show when={storage()}>
      {(figures) => (
        <div>
          <dt>{t('sync.settings.storage')}</dt>
          <dd class="sync-settings__storage">
            {t('sync.settings.storageValue', {
              used: formatBytes(formatNumber, figures().used),
              limit: formatBytes(formatNumber, figures().limit),
            })}
          </dd>
        </div>
      )}
    </Show>
  );
}
