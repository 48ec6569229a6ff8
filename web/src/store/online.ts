/**
 * Whether the browser says it has a network, as a signal. The replication only notices it is
 * offline when a request fails; between requests the header would keep saying "Synced at …" with
 * the network gone, while the app promises an offline badge.
 *
 * Only the browser's `offline`/`online` events move it, never the initial `navigator.onLine`: that is
 * false on a device whose only network is a LAN or loopback and which still reaches its server (the
 * call journeys run so); at start, the replication's own first request says whether it is offline.
 */
import { type Accessor, createSignal } from 'solid-js';

export function createOnline(
  target: Pick<Window, 'addEventListener'> | undefined = globalThis.window,
): Accessor<boolean> {
  const [online, setOnline] = createSignal(true);
  // Lives as long as the app store, which lives as long as the page: no removal needed.
  target?.addEventListener('online', () => setOnline(true));
  target?.addEventListener('offline', () => setOnline(false));
  return online;
}
