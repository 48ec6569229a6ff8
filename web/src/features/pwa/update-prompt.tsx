import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { useI18n } from '../../i18n/i18n-context.tsx';
import {
  registerServiceWorker,
  type ServiceWorkerControl,
  serviceWorkerSupported,
} from './service-worker.ts';
import './pwa.css';

/**
 * Registers the service worker and tells the user about it: once when the app first works
 * offline, and whenever a new version is waiting. Both are non-modal: nothing steals focus. The
 * notices sit above each screen's h1, so their titles are labels, not headings.
 */
export function UpdatePrompt() {
  const { t } = useI18n();
  const [updateWaiting, setUpdateWaiting] = createSignal(false);
  const [offlineReady, setOfflineReady] = createSignal(false);
  const [updating, setUpdating] = createSignal(false);
  let control: ServiceWorkerControl | undefined;

  onMount(() => {
    if (!serviceWorkerSupported()) return;
    control = registerServiceWorker({
      onOfflineReady: () => setOfflineReady(true),
      onUpdateWaiting: () => {
        setOfflineReady(false);
        setUpdateWaiting(true);
      },
    });
  });
  onCleanup(() => control?.dispose());

  const update = () => {
    setUpdating(true);
    control?.applyUpdate();
  };

  // The live region stays in the page so screen readers announce what appears inside it. It is a
  // plain polite live region rather than role="status", so it never competes with a screen's own
  // status messages.
  return (
    <div class="pwa-notice-area" aria-live="polite" data-without-store>
      <Show when={updateWaiting()}>
        <section class="pwa-notice" aria-labelledby="pwa-update-title">
          <p id="pwa-update-title" class="pwa-notice__title">
            {t('pwa.update.title')}
          </p>
          <p>{t('pwa.update.body')}</p>
          <div class="form-actions">
            <button type="button" class="button" onClick={update} disabled={updating()}>
              {updating() ? t('pwa.update.reloading') : t('pwa.update.reload')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setUpdateWaiting(false)}>
              {t('pwa.update.later')}
            </button>
          </div>
        </section>
      </Show>
      <Show when={offlineReady()}>
        <section class="pwa-notice" aria-labelledby="pwa-offline-title">
          <p id="pwa-offline-title" class="pwa-notice__title">
            {t('pwa.offline.title')}
          </p>
          <p>{t('pwa.offline.body')}</p>
          <div class="form-actions">
            <button type="button" class="button button--secondary" onClick={() => setOfflineReady(false)}>
              {t('pwa.offline.dismiss')}
            </button>
          </div>
        </section>
      </Show>
    </div>
  );
}
