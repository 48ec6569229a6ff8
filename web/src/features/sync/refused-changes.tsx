import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { RefusedChange } from '../../sync/sync-history.ts';
import './refused-changes.css';

/**
 * The changes from the server this device refused (issue 12 finding 2: rollbacks, forged or flipped
 * deletions; web/src/sync/pull-guard.ts), under the sync status, so a hostile server's attempt is
 * seen rather than silently applied or silently dropped. It names documents by kind and random id
 * only: nothing refused was decrypted for display, and nothing clinical is shown here.
 */
export function RefusedChanges(props: { refused: readonly RefusedChange[] | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const reason = (change: RefusedChange): string => {
    if (change.reason === 'rolled-back') {
      return t('sync.refused.reasons.rolled-back', { seen: change.seenRev ?? 0 });
    }
    if (change.reason === 'tampered' && change.deleted) return t('sync.refused.reasons.tampered-deletion');
    return t(`sync.refused.reasons.${change.reason}`);
  };
  return (
    <Show when={props.refused && props.refused.length > 0 ? props.refused : null}>
      {(refused) => (
        <details class="refused-changes" data-testid="refused-changes">
          <summary class="refused-changes__title">
            {t('sync.refused.title', { count: refused().length })}
          </summary>
          <p>{t('sync.refused.intro')}</p>
          <ul class="refused-changes__list">
            <For each={refused()}>
              {(change) => (
                <li>
                  {t('sync.refused.item', {
                    kind: t(`sync.refused.kinds.${change.kind}`),
                    id: change.id,
                    rev: change.rev,
                    reason: reason(change),
                  })}{' '}
                  <span class="refused-changes__at">
                    ({t('sync.refused.at', { time: i18n.formatDate(change.at, { timeStyle: 'short' }) })})
                  </span>
                </li>
              )}
            </For>
          </ul>
        </details>
      )}
    </Show>
  );
}
