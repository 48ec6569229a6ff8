/** The unlocked session's messaging service; when locked, a `sync-off`-like problem is never shown: the route is guarded. */
import { type Messaging, MessagingProblem } from '../../messaging/messaging.ts';
import type { AppStore } from '../../store/app-store.ts';

export function requireMessaging(app: Pick<AppStore, 'messaging'>): Messaging {
  const messaging = app.messaging();
  if (!messaging) throw new MessagingProblem('sync-off');
  return messaging;
}
