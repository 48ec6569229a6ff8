/**
 * Notification handlers of the service worker (docs/architecture.md §8.7), loaded by the generated
 * worker through Workbox's `importScripts` (vite.config.ts). Plain JavaScript: it is served as is.
 *
 * - `push`: a Web Push from the server (RFC 8030/8291; the browser decrypts it). Its payload is
 *   `{v: 1, kind: 'message', threadId}` and nothing else (shared/protocol/push.ts): the worker shows
 *   "New message" in the browser's language, never content. A payload of another shape shows the
 *   same generic line (browsers require a visible notification for each push).
 * - `notificationclick`: focuses an open Carnet window and asks it to go to the notification's
 *   route (the page's router moves, no reload), or opens a new window on that route. Only in-app
 *   paths are followed.
 */
/* global self, clients */

const THREAD_ID = /^[A-Za-z0-9_-]{22}$/;
const IN_APP_PATH = /^\/(?!\/)[A-Za-z0-9/_\-.~%?=&]*$/;

const TEXTS = {
  en: { title: 'New message', body: 'Open Carnet to read it.' },
  fr: { title: 'Nouveau message', body: 'Ouvrez Carnet pour le lire.' },
};

function texts() {
  const lang = (self.navigator.language || 'en').slice(0, 2).toLowerCase();
  return TEXTS[lang] || TEXTS.en;
}

function routeOf(payload) {
  if (payload && payload.v === 1 && payload.kind === 'message' && THREAD_ID.test(payload.threadId)) {
    return `/messages/${payload.threadId}`;
  }
  return '/notifications';
}

self.addEventListener('push', (event) => {
  let payload = null;
  try {
    payload = event.data ? event.data.json() : null;
  } catch {
    payload = null;
  }
  const route = routeOf(payload);
  const { title, body } = texts();
  event.waitUntil(
    self.registration.showNotification(title, {
      body,
      tag: `carnet-push-${route}`,
      icon: '/icons/icon-192.png',
      data: { route },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const route =
    typeof data.route === 'string' && IN_APP_PATH.test(data.route) ? data.route : '/notifications';
  event.waitUntil(
    (async () => {
      const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        await open.focus().catch(() => undefined);
        open.postMessage({ type: 'carnet-open', route });
        return;
      }
      await clients.openWindow(route);
    })(),
  );
});
