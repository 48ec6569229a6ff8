import { A } from '@solidjs/router';
import { createUniqueId, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { updateApp } from '../pwa/update-app.ts';
import { RefusedChanges } from './refused-changes.tsx';
import { isSignedOutReason } from './signed-out.ts';
import { syncStatusText } from './sync-status-text.ts';
import './sync.css';

/**
 * The sync status in the header, always visible while the vault is unlocked and sync is on
 * (issue 4): offline, syncing n/m, synced at hh:mm, the error's reason with a retry, or a server
 * speaking another protocol version with an update; below it, the changes this device refused. The text is
 * a polite live region; the Retry button sits outside it, so only the status is announced.
 */
export function SyncStatusBadge() {
  const app = useApp();
  const i18n = useI18n();
  const id = createUniqueId();
  const status = () => (app.status() === 'unlocked' ? app.syncStatus() : null);

  return (
    <Show when={status()}>
      {(current) => (
        <div class={`sync-badge sync-badge--${current().state}`}>
          <span class="sync-badge__dot" aria-hidden="true" />
          <p id={`sync-badge-${id}`} class="sync-badge__text" role="status" aria-live="polite">
            {syncStatusText(i18n, current())}
          </p>
          <Show when={isSignedOutReason(current().error)}>
            <A
              class="button button--secondary sync-badge__retry"
              href="/settings"
              aria-describedby={`sync-badge-${id}`}
            >
              {i18n.t('sync.status.signInAgain')}
            </A>
          </Show>
          <Show when={current().state === 'error' && !isSignedOutReason(current().error)}>
            <button
              type="button"
              class="button button--secondary sync-badge__retry"
              aria-describedby={`sync-badge-${id}`}
              onClick={() => app.retrySync()}
            >
              {i18n.t('sync.status.retry')}
            </button>
          </Show>
          <Show when={current().state === 'outdated'}>
            <button
              type="button"
              class="button button--secondary sync-badge__retry"
              aria-describedby={`sync-badge-${id}`}
              onClick={() => void updateApp()}
            >
              {i18n.t('sync.status.update')}
            </button>
          </Show>
          <RefusedChanges refused={current().refused} />
        </div>
      )}
    </Show>
  );
}
