/**
 * "Update the app" when the server speaks another protocol version: looks for a new service worker,
 * lets a waiting one take over (as the update prompt does), and reloads so the new version runs.
 */
export async function updateApp(reload: () => void = () => window.location.reload()): Promise<void> {
  const registration =
    typeof navigator !== 'undefined' && 'serviceWorker' in navigator
      ? await navigator.serviceWorker.getRegistration().catch(() => undefined)
      : undefined;
  await registration?.update().catch(() => undefined);
  const waiting = registration?.waiting;
  if (!waiting) {
    reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => reload(), { once: true });
  // The message workbox-window's `messageSkipWaiting` sends; the generated worker listens for it.
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
