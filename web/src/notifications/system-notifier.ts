/**
 * System notifications (docs/architecture.md §8.7): the browser's permission, notifications shown
 * by the service worker (`registration.showNotification`, so a click reaches the worker's
 * `notificationclick` handler in public/notifications-sw.js, which focuses or opens the app on the
 * notice's route), and the Web Push subscription of this device.
 *
 * What is shown is a notice's translated title only: never a message's text or a name.
 * Both choices are remembered on this device in localStorage (plain preferences, no health data).
 */
import type { Server } from '../server/server.ts';

export type SystemPermission = NotificationPermission | 'unsupported';

const SYSTEM_KEY = 'carnet.notifications.system';
const PUSH_KEY = 'carnet.notifications.push';

const storage = (): Storage | null => (typeof localStorage === 'undefined' ? null : localStorage);

export const systemNotificationsOn = () => storage()?.getItem(SYSTEM_KEY) === 'on';
export const pushOn = () => storage()?.getItem(PUSH_KEY) === 'on';

export function systemPermission(): SystemPermission {
  if (
    typeof Notification === 'undefined' ||
    typeof navigator === 'undefined' ||
    !('serviceWorker' in navigator)
  )
    return 'unsupported';
  return Notification.permission;
}

export function pushSupported(): boolean {
  return systemPermission() !== 'unsupported' && typeof PushManager !== 'undefined';
}

/** Asks the browser (only from a click); remembers the choice as on when granted. */
export async function turnOnSystemNotifications(): Promise<SystemPermission> {
  if (systemPermission() === 'unsupported') return 'unsupported';
  const answer = await Notification.requestPermission();
  if (answer === 'granted') storage()?.setItem(SYSTEM_KEY, 'on');
  return answer;
}

export function turnOffSystemNotifications(): void {
  storage()?.setItem(SYSTEM_KEY, 'off');
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  // `ready` never settles without a worker (the dev server has none): give up after a while.
  return Promise.race([
    navigator.serviceWorker.ready,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000)),
  ]);
}

/** Shows one through the service worker; false when it cannot (no permission, no worker). */
export async function showSystemNotification(input: {
  title: string;
  body: string;
  route: string;
  tag: string;
}): Promise<boolean> {
  if (systemPermission() !== 'granted') return false;
  const reg = await registration();
  if (!reg) return false;
  await reg.showNotification(input.title, {
    body: input.body,
    tag: input.tag,
    icon: '/icons/icon-192.png',
    data: { route: input.route },
  });
  return true;
}

function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Subscribes this device at its browser's push service with the server's VAPID key, and hands the
 * subscription (endpoint and public keys) to the server. Throws when the browser cannot.
 */
export async function turnOnPush(server: Server): Promise<void> {
  const reg = await registration();
  if (!reg || !pushSupported()) throw new Error('push-unsupported');
  const { publicKey } = await server.push.key();
  const subscription = await reg.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: applicationServerKey(publicKey),
  });
  const json = subscription.toJSON();
  await server.push.subscribe({
    endpoint: json.endpoint ?? subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
  });
  storage()?.setItem(PUSH_KEY, 'on');
}

export async function turnOffPush(server: Server | null): Promise<void> {
  storage()?.setItem(PUSH_KEY, 'off');
  const reg = await registration();
  await (await reg?.pushManager.getSubscription())?.unsubscribe().catch(() => false);
  await server?.push.unsubscribe();
}
