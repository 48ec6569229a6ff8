/**
 * Mounted in the layout: while the vault is unlocked and sync is on, runs the share agent (snapshot
 * upload, entry import; shares/share-agent.ts) after record changes and every 5 s, and learns the
 * account's role once. The service and its state go with the lock. Renders nothing.
 */
import { createEffect, on, onCleanup } from 'solid-js';
import { useApp } from '../../store/app-context.tsx';

const PERIOD_MS = 5_000;
const DEBOUNCE_MS = 300;

export function ShareAgentRunner() {
  const app = useApp();
  let running = false;
  let again = false;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  async function run(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    if (app.status() !== 'unlocked' || !app.server()) return;
    running = true;
    try {
      const sharing = app.sharing();
      if (!sharing) return;
      if (sharing.role.role() === null) await sharing.role.refresh();
      await sharing.runAgent(Date.now());
    } catch {
      // Offline or refused: the next run tries again; nothing local is lost.
    } finally {
      running = false;
      if (again) {
        again = false;
        void run();
      }
    }
  }

  createEffect(
    on([() => app.records(), () => app.syncStatus()?.state, () => app.status()], () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => void run(), DEBOUNCE_MS);
    }),
  );
  const timer = setInterval(() => void run(), PERIOD_MS);
  onCleanup(() => {
    clearInterval(timer);
    clearTimeout(debounce);
  });
  return null;
}
