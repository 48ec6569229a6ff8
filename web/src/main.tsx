import { render } from 'solid-js/web';
import { App } from './app/app.tsx';
import { persistAfterInstall } from './backup/durable-storage.ts';
import { I18nProvider } from './i18n/i18n-context.tsx';
import { browserLocaleStorage } from './i18n/locale-storage.ts';
import { AppProvider } from './store/app-context.tsx';
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
// RxDB, libsodium, the store and the whole dictionary of the language load on the first key or tap,
// the first action, or when the browser is idle (deferred-app-store.ts): every screen an open
// store leads to has all its strings. Without them (a chunk missing offline) the store still opens.
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
const { store, start } = createDeferredAppStore(
  () => Promise.all([openStore(), i18n.loadAll().catch(() => undefined)]).then(([opened]) => opened),
  browserVaultHint(),
);
const FIRST_INPUT = ['keydown', 'pointerdown', 'touchstart'] as const;
const onFirstInput = () => {
  for (const type of FIRST_INPUT) window.removeEventListener(type, onFirstInput, true);
  start();
};
for (const type of FIRST_INPUT) window.addEventListener(type, onFirstInput, { capture: true, passive: true });
// Without any input the store still opens once the page has loaded and the browser is idle: a tab
// left untouched must hear what other tabs do (a lock, an account closed, a vault wiped). Not
// sooner: the first screen's own loading comes first.
const whenIdle = (run: () => void) =>
  'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 1500);
if (document.readyState === 'complete') whenIdle(onFirstInput);
else window.addEventListener('load', () => whenIdle(onFirstInput), { once: true });

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
