/** Every opening, write and refused attempt of one share, as the server logged them. */
import { createResource, For, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { requireServer } from '../../shares/share-problem.ts';
import { useApp } from '../../store/app-context.tsx';
import { sectionTitle, shareErrorText } from './share-error-text.ts';

export function ShareLogList(props: { shareId: string }) {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const [log] = createResource(
    () => props.shareId,
    (id) => requireServer(app).shares.log(id),
  );
  return (
    <Show when={!log.error} fallback={<p class="message message--error">{shareErrorText(t, log.error)}</p>}>
      <Show when={log()}>
        {(loaded) => (
          <Show when={loaded().entries.length > 0} fallback={<p>{t('shares.page.logEmpty')}</p>}>
            <ul class="list share-log">
              <For each={loaded().entries}>
                {(entry) => (
                  <li class="list__item">
                    <time datetime={new Date(entry.at).toISOString()}>
                      {formatDate(new Date(entry.at), { dateStyle: 'medium', timeStyle: 'medium' })}
                    </time>{' '}
                    <strong>{entry.actor ?? '—'}</strong>
                    {entry.profession ? ` (${entry.profession})` : ''}{' '}
                    {t(`shares.page.action.${entry.action}`)}
                    {entry.sections.length > 0
                      ? ` — ${entry.sections.map((s) => sectionTitle(t, s)).join(', ')}`
                      : ''}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </Show>
  );
}
