/** The unread count beside "Notifications" in the main navigation. */
import { Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';

export function NotificationsBadge() {
  const app = useApp();
  const { t } = useI18n();
  const count = () => app.notifications()?.unread() ?? 0;
  return (
    <Show when={count() > 0}>
      {' '}
      <span class="badge" data-testid="notifications-badge">
        {t('notifications.navUnread', { count: count() })}
      </span>
    </Show>
  );
}
