/** `/notifications`: the in-app list of notices, newest first; each opens where it points. */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';
import { noticeTitle } from './notice-title.ts';
import './notifications.css';

export function NotificationsPage() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const list = () => app.notifications()?.notices() ?? [];
  const unread = () => app.notifications()?.unread() ?? 0;

  return (
    <section class="stack notifications-page" aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('notifications.page.title')}</h1>
      <p>{t('notifications.page.intro')}</p>
      <Show when={unread() > 0}>
        <div class="form-actions">
          <button
            type="button"
            class="button button--secondary"
            onClick={() => void app.notifications()?.markAllRead()}
          >
            {t('notifications.page.markAllRead')}
          </button>
        </div>
      </Show>
      <Show when={list().length > 0} fallback={<p>{t('notifications.page.none')}</p>}>
        <ul class="stack notice-list">
          <For each={list()}>
            {(notice) => (
              <li class="card notice-item" classList={{ 'notice-item--unread': !notice.read }}>
                <A href={notice.route} onClick={() => void app.notifications()?.markRead(notice.id)}>
                  {noticeTitle(t, notice.titleKey)}
                </A>
                <span class="notice-item__meta">
                  {t('notifications.page.at', {
                    date: formatDate(notice.at, { dateStyle: 'medium', timeStyle: 'short' }),
                  })}
                </span>
                <Show when={!notice.read}>
                  <span class="badge">
                    {notice.count > 1
                      ? t('notifications.page.folded', { count: notice.count })
                      : t('notifications.page.unread')}
                  </span>
                  <button
                    type="button"
                    class="button button--secondary notice-item__read"
                    onClick={() => void app.notifications()?.markRead(notice.id)}
                  >
                    {t('notifications.page.markRead')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
