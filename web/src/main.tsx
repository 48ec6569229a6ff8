import { render } from 'solid-js/web';
import { App } from './app/app.tsx';
import { persistAfterInstall } from './backup/durable-storage.ts';
import { DEFAULT_DATABASE_NAME } from './db/database-name.ts';
import { I18nProvider } from './i18n/i18n-context.tsx';
import { browserLocaleStorage } from './i18n/locale-storage.ts';
import { AppProvider } from './store/app-context.tsx';
import { closureChannelName } from './store/closure-channel.ts';
import { createDeferredAppStore } from './store/deferred-app-store.ts';
import { browserVaultHint } from './store/vault-hint.ts';
import { createI18n } from './strings/create-i18n.ts';
import { lazyDictionaries } from './strings/lazy-dictionaries.ts';

persistAfterInstall();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Read before the router can rewrite the address: a share link's key travels in the fragment.
const initialShareHash = location.pathname === '/s' ? location.hash : '';
const i18n = createI18n({
  storage: browserLocaleStorage(),
  preferred: navigator.languages,
  dictionaries: lazyDictionaries,
});
// The first screen (welcome or unlock) renders now, from this chunk alone, with its own strings.
// RxDB, libsodium, the store and the whole dictionary of the language load on the first input or
// the first action (deferred-app-store.ts): every screen an open store leads to has all its strings.
// Without them (a chunk missing offline) the store still opens.
// The store's code is large: it is evaluated in two steps (RxDB, then the store) with a pause for
// the browser between them, so a tap while it loads does not wait behind one long task.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const openStore = async () => {
  await import('./db/database.ts');
  await nextTask();
  const { openAppStore } = await import('./store/open-app-store.ts');
  await nextTask();
  return openAppStore({ serverUrl: location.origin, initialShareHash });
};
const { store, start, hear } = createDeferredAppStore(
  () => Promise.all([openStore(), i18n.loadAll().catch(() => undefined)]).then(([opened]) => opened),
  browserVaultHint(),
);
// With the vault's status known from the hint, the store opens on the first key, tap or typed text (a
// password manager fills without a key) or the first action, not on its own: a tab that only looks
// pays nothing for RxDB (with the status unknown it opens at once to find it). A tab left
// untouched still hears another tab close the account or remove Carnet from this device, on the
// closure channel, and shows it (deferred-app-store.ts); locks and unlocks are per tab.
const FIRST_INPUT = ['keydown', 'pointerdown', 'touchstart', 'input'] as const;
const onFirstInput = (event?: Event) => {
  // Controls that never need the vault (the update notice: `data-without-store`) do not open it. A
  // tap on "Reload to update" that also started loading the store's code left Chromium's new
  // service worker waiting (features/pwa/service-worker.ts).
  if (event?.target instanceof Element && event.target.closest('[data-without-store]')) return;
  for (const type of FIRST_INPUT) window.removeEventListener(type, onFirstInput, true);
  start();
};
for (const type of FIRST_INPUT) window.addEventListener(type, onFirstInput, { capture: true, passive: true });
if (typeof BroadcastChannel !== 'undefined') {
  new BroadcastChannel(closureChannelName(DEFAULT_DATABASE_NAME)).onmessage = (event) => hear(event.data);
}

// index.html paints the shell's header while this script loads; the app replaces it.
root.replaceChildren();
render(
  () => (
    <I18nProvider i18n={i18n}>
      <AppProvider store={store}>
        <App />
      </AppProvider>
    </I18nProvider>
  ),
  root,
);
