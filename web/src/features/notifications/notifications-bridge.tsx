/**
 * Between the notices and the system (docs/architecture.md §8.7), mounted once in the shell:
 * - a new notice becomes a system notification, shown by the service worker, when the person
 *   turned them on and Carnet is not the window in front (in front, the badge says it);
 * - a click on a system notification (the worker's `notificationclick`, public/notifications-sw.js)
 *   arrives as a `carnet-open` message: the app goes to its route;
 * - opening a screen marks its notices read.
 */
import { useLocation, useNavigate } from '@solidjs/router';
import { createEffect, on, onCleanup, onMount } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { routeSchema } from '../../notifications/notice.ts';
import { showSystemNotification, systemNotificationsOn } from '../../notifications/system-notifier.ts';
import { useApp } from '../../store/app-context.tsx';
import { noticeTitle } from './notice-title.ts';

export function NotificationsBridge() {
  const app = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();

  createEffect(
    on(
      () => app.notifications(),
      (service) => {
        if (!service) return;
        const stop = service.onNotice((notice) => {
          const inFront = document.visibilityState === 'visible' && document.hasFocus();
          if (inFront || !systemNotificationsOn()) return;
          void showSystemNotification({
            title: noticeTitle(t, notice.titleKey),
            body: t('notifications.systemBody'),
            route: notice.route,
            tag: `carnet-${notice.kind}-${notice.ref ?? notice.id}`,
          }).catch(() => false);
        });
        onCleanup(stop);
      },
    ),
  );

  createEffect(
    on(
      () => [app.notifications(), location.pathname] as const,
      ([service, path]) => void service?.markRouteRead(path).catch(() => undefined),
    ),
  );

  const onWorkerMessage = (event: MessageEvent) => {
    const data = event.data as { type?: unknown; route?: unknown } | null;
    if (data?.type !== 'carnet-open') return;
    const route = routeSchema.safeParse(data.route);
    if (route.success) navigate(route.data);
  };
  onMount(() => navigator.serviceWorker?.addEventListener('message', onWorkerMessage));
  onCleanup(() => navigator.serviceWorker?.removeEventListener('message', onWorkerMessage));
  return null;
}
