/**
 * A system notification for a reminder, through the service worker (`showNotification`), only
 * where the person allowed notifications. Shown by this device from its own data: nothing goes to
 * the server. Without a push service a closed browser shows nothing (README, "Reminders").
 */
export function notificationsAllowed(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

export async function showReminderNotification(title: string, body: string, tag: string): Promise<boolean> {
  if (!notificationsAllowed() || !('serviceWorker' in navigator)) return false;
  try {
    const registration = await navigator.serviceWorker.ready;
    await registration.showNotification(title, { body, tag, data: { url: '/reminders' } });
    return true;
  } catch {
    return false;
  }
}

export async function askForNotifications(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}
