/** The unread count beside "Messages" in the main navigation, refreshed at every live message. */
import { createEffect, on, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useApp } from '../../store/app-context.tsx';

export function UnreadBadge() {
  const app = useApp();
  const { t } = useI18n();
  createEffect(
    on(
      () => [app.server(), app.messaging(), app.messaging()?.changes()] as const,
      ([server, messaging]) => {
        if (server && messaging) void messaging.refreshUnread().catch(() => undefined);
      },
    ),
  );
  const count = () => app.messaging()?.unread() ?? 0;
  return (
    <Show when={count() > 0}>
      {' '}
      <span class="badge">{t('messages.navUnread', { count: count() })}</span>
    </Show>
  );
}
